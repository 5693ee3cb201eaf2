// swift-tools-version:6.0
import PackageDescription

// doppel has no package dependencies by design: only the toolchain (stdlib, Foundation, Dispatch,
// Swift Testing).
let package = Package(
    name: "doppel",
    products: [
        .library(name: "Doppel", targets: ["Doppel"]),
        .executable(name: "doppel", targets: ["DoppelCLI"]),
    ],
    targets: [
        .target(name: "Doppel", path: "Sources/Doppel"),
        .executableTarget(name: "DoppelCLI", dependencies: ["Doppel"], path: "Sources/DoppelCLI"),
        .executableTarget(name: "DoppelBench", dependencies: ["Doppel"], path: "bench/DoppelBench"),
        .testTarget(name: "DoppelTests", dependencies: ["Doppel"], path: "Tests/DoppelTests"),
        .testTarget(name: "DoppelCLITests", dependencies: ["DoppelCLI"], path: "Tests/DoppelCLITests"),
    ]
)
