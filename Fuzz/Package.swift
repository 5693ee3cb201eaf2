// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for doppel's readers, normaliser and diff. A separate package, because a
// fuzz entry point (`LLVMFuzzerTestOneInput`, with libFuzzer's own `main`) inside the main
// package would break `swift build` there. Build and run with `make fuzz` (see `run`).
let fuzzTargets = ["FuzzDecode", "FuzzHTML", "FuzzJSONLines", "FuzzNormalize", "FuzzDiff"]

let package = Package(
    name: "doppel-fuzz",
    dependencies: [.package(name: "doppel", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport", dependencies: [.product(name: "Doppel", package: "doppel")],
            path: "Sources/FuzzSupport")
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", .product(name: "Doppel", package: "doppel")],
                path: "Sources/\(name)")
        }
)
