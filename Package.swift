// swift-tools-version:6.0
import PackageDescription

// PureWasm: a WebAssembly engine in pure Swift. No dependencies, no C targets, no unsafe flags.
// Dependencies point one way: WasmBinary ← WasmValidation ← WasmInterpreter ← WasmText/WasmSpecTest/StringOps/WasmWASI ← wasm.
let package = Package(
    name: "PureWasm",
    products: [
        .library(name: "WasmBinary", targets: ["WasmBinary"]),
        .library(name: "WasmValidation", targets: ["WasmValidation"]),
        .library(name: "WasmInterpreter", targets: ["WasmInterpreter"]),
        .library(name: "WasmText", targets: ["WasmText"]),
        .library(name: "WasmSpecTest", targets: ["WasmSpecTest"]),
        .library(name: "StringOps", targets: ["StringOps"]),
        .library(name: "WasmWASI", targets: ["WasmWASI"]),
        .executable(name: "wasm", targets: ["wasm"]),
        .executable(name: "PureWasmBenchmarks", targets: ["PureWasmBenchmarks"]),
    ],
    targets: [
        .target(name: "WasmBinary"),
        .target(name: "WasmValidation", dependencies: ["WasmBinary"]),
        .target(name: "WasmInterpreter", dependencies: ["WasmBinary", "WasmValidation"]),
        .target(name: "WasmText", dependencies: ["WasmBinary"]),
        .target(name: "WasmSpecTest", dependencies: ["WasmBinary", "WasmValidation", "WasmInterpreter", "WasmText"]),
        .target(name: "StringOps", dependencies: ["WasmBinary", "WasmInterpreter"]),
        .target(name: "WasmWASI", dependencies: ["WasmBinary", "WasmInterpreter"]),
        .executableTarget(name: "wasm", dependencies: ["WasmBinary", "WasmValidation", "WasmInterpreter", "WasmText", "WasmSpecTest", "StringOps", "WasmWASI"]),
        .executableTarget(name: "PureWasmBenchmarks", dependencies: ["WasmBinary", "WasmValidation", "WasmInterpreter", "StringOps", "WasmWASI"],
                          path: "Benchmarks/PureWasmBenchmarks"),
        // Test-only: finds the official testsuite and reads its wast2json scripts. No product uses it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Test-only: what each fuzz target checks for one input; Fuzz/ (its own package) links the
        // same file, and FuzzRegressionTests replays every input the fuzzers found.
        .target(name: "FuzzChecks", dependencies: ["WasmBinary", "WasmValidation", "WasmInterpreter", "WasmText"],
                path: "Tests/FuzzChecks"),
        .testTarget(name: "WasmBinaryTests", dependencies: ["WasmBinary", "TestSupport"]),
        .testTarget(name: "WasmValidationTests", dependencies: ["WasmBinary", "WasmValidation", "TestSupport"]),
        .testTarget(name: "WasmInterpreterTests", dependencies: ["WasmBinary", "WasmInterpreter", "WasmText", "WasmWASI", "TestSupport"]),
        .testTarget(name: "WasmTextTests", dependencies: ["WasmBinary", "WasmText", "TestSupport"]),
        .testTarget(name: "WasmSpecTestTests", dependencies: ["WasmSpecTest", "TestSupport"]),
        .testTarget(name: "StringOpsTests", dependencies: ["StringOps", "WasmInterpreter"]),
        .testTarget(name: "WasmWASITests", dependencies: ["WasmWASI", "WasmInterpreter", "WasmText", "TestSupport"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks", "TestSupport"], exclude: ["Inputs"]),
        .testTarget(name: "WasmCommandLineTests", dependencies: ["wasm", "WasmBinary", "WasmInterpreter", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
