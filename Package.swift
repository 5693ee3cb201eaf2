// swift-tools-version:6.0
import PackageDescription

// doppel has no package dependencies by design: only the toolchain (stdlib, Foundation, Dispatch,
// Swift Testing).
//
// One target per layer, so that the compiler keeps the data flow one-way (docs/architecture.md):
//
//   DoppelIO ─▶ DoppelText ─┬─▶ DoppelDiff ────┬─▶ DoppelCompare ─▶ DoppelReport ─▶ Doppel ─▶ doppel
//                           └─▶ DoppelCluster ─┘
//
// An earlier layer never imports a later one, and the two branches (diff and cluster) never import
// each other.
let package = Package(
    name: "doppel",
    products: [
        .library(name: "Doppel", targets: ["Doppel"]),
        .executable(name: "doppel", targets: ["DoppelCLI"]),
    ],
    targets: [
        // Support, file bytes, atomic output, the error type.
        .target(name: "DoppelIO", path: "Sources/DoppelIO"),
        // Input (decoding, formats) and Normalize (layout removed, with the map back).
        .target(name: "DoppelText", dependencies: ["DoppelIO"], path: "Sources/DoppelText"),
        // Align, Diff: two versions (and Collate: N versions).
        .target(name: "DoppelDiff", dependencies: ["DoppelIO", "DoppelText"], path: "Sources/DoppelDiff"),
        // Shingle, MinHash, LSH, Cluster, Corpus, Index: which documents are versions of each other.
        .target(name: "DoppelCluster", dependencies: ["DoppelIO", "DoppelText"], path: "Sources/DoppelCluster"),
        // Compare (and Check): what uses both branches.
        .target(
            name: "DoppelCompare", dependencies: ["DoppelIO", "DoppelText", "DoppelDiff", "DoppelCluster"],
            path: "Sources/DoppelCompare"),
        // Report: the only layer that turns ranges back into original text, lines and columns.
        .target(
            name: "DoppelReport",
            dependencies: ["DoppelIO", "DoppelText", "DoppelDiff", "DoppelCluster", "DoppelCompare"],
            path: "Sources/DoppelReport"),
        // Every layer under one import.
        .target(
            name: "Doppel",
            dependencies: ["DoppelIO", "DoppelText", "DoppelDiff", "DoppelCluster", "DoppelCompare", "DoppelReport"],
            path: "Sources/Doppel"),
        .executableTarget(name: "DoppelCLI", dependencies: ["Doppel"], path: "Sources/DoppelCLI"),
        .executableTarget(name: "DoppelBench", dependencies: ["Doppel", "PagePairs"], path: "bench/DoppelBench"),
        // Generated web/print page pairs with their truth, and the scorer (tests and bench); the
        // fresh text is read from the repository at run time, not built.
        .target(name: "PagePairs", dependencies: ["Doppel"], path: "Tests/PagePairs", exclude: ["FreshText"]),
        .testTarget(name: "DoppelTests", dependencies: ["Doppel", "PagePairs"], path: "Tests/DoppelTests"),
        .testTarget(name: "DoppelCLITests", dependencies: ["DoppelCLI"], path: "Tests/DoppelCLITests"),
    ]
)
