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
        .executableTarget(name: "DoppelBench", dependencies: ["Doppel", "PagePairs"], path: "bench/DoppelBench"),
        // Generated web/print page pairs with their truth, and the scorer (tests and bench).
        .target(name: "PagePairs", dependencies: ["Doppel"], path: "Tests/PagePairs"),
        .testTarget(name: "DoppelTests", dependencies: ["Doppel", "PagePairs"], path: "Tests/DoppelTests"),
        .testTarget(name: "DoppelCLITests", dependencies: ["DoppelCLI"], path: "Tests/DoppelCLITests"),
    ]
)
