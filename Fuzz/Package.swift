// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for PureWasm. A separate package so that the engine's package keeps no unsafe
// flags: the sanitizer flags are given on the command line (see README.md here, or
// Scripts/fuzz.sh). The engine is the root package, by path.
let package = Package(
    name: "PureWasmFuzz",
    dependencies: [.package(name: "PureWasm", path: "..")],
    targets: [
        // What each target does with one input, as plain functions (no libFuzzer types).
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "WasmBinary", package: "PureWasm"),
            .product(name: "WasmValidation", package: "PureWasm"),
            .product(name: "WasmInterpreter", package: "PureWasm"),
            .product(name: "WasmText", package: "PureWasm"),
        ]),
        // (a) decode, validate and translate a binary module.
        .executableTarget(name: "FuzzDecode", dependencies: ["FuzzSupport"]),
        // (c) parse and assemble the text format, and parse spec scripts.
        .executableTarget(name: "FuzzText", dependencies: ["FuzzSupport"]),
        // (d) decode, encode, decode: the same module.
        .executableTarget(name: "FuzzRoundTrip", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
