// swift-tools-version:6.0
import PackageDescription

// The peer comparison: the same kernels on PureWasm and on WasmKit, in one process.
// A package of its own so that the PureWasm package keeps no dependencies.
//   cd Benchmarks/Peers && swift run -c release PeerBenchmarks
let package = Package(
    name: "PeerBenchmarks",
    dependencies: [
        .package(name: "PureWasm", path: "../.."),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
    ],
    targets: [
        // Sources/PeerBenchmarks/Shared links to ../PureWasmBenchmarks/Shared: the kernel table,
        // sampler and table printer are the ones the main benchmark uses.
        .executableTarget(
            name: "PeerBenchmarks",
            dependencies: [
                .product(name: "WasmBinary", package: "PureWasm"),
                .product(name: "WasmInterpreter", package: "PureWasm"),
                .product(name: "WasmKit", package: "WasmKit"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
