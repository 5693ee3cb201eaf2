import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelIO

@Suite struct FolderDiffTests {
    /// Folder A: page.txt (web), sub/x.txt, web3.txt, lonely.txt; folder B: page.txt (print),
    /// other/x.txt, print3.txt (web3's text), new.txt.
    static func folders() throws -> (String, String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "doppel-folders-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        for dir in [a.appendingPathComponent("sub"), b.appendingPathComponent("other")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        func copy(_ sample: String, _ to: URL) throws {
            try FileManager.default.copyItem(atPath: Samples.path(sample), toPath: to.path)
        }
        try copy(Samples.web, a.appendingPathComponent("page.txt"))
        try copy(Samples.print, b.appendingPathComponent("page.txt"))
        try copy("002_da410bb21e88722a.txt", a.appendingPathComponent("sub/x.txt"))
        try copy("002_da410bb21e88722a.txt", b.appendingPathComponent("other/x.txt"))
        try copy("003_92a41e4ce2c497c1.txt", a.appendingPathComponent("web3.txt"))
        try copy("003_92a41e4ce2c497c1.txt", b.appendingPathComponent("print3.txt"))
        try copy("004_faff336304fe731d.txt", a.appendingPathComponent("lonely.txt"))
        try Data("hello".utf8).write(to: b.appendingPathComponent("new.txt"))
        return (a.path, b.path)
    }

    private func describe(_ entry: FolderDiffEntry) -> String {
        switch entry {
        case let .compared(c, method):
            return
                "\(method.rawValue) \(c.sourceA.path.split(separator: "/").last!) \(c.sourceB.path.split(separator: "/").last!)"
        case let .unmatched(path, side): return "only \(side) \(path.split(separator: "/").last!)"
        case let .skipped(error): return "skipped \(error.description)"
        }
    }

    @Test func filesArePairedByPathThenNameThenSimilarity() throws {
        let (a, b) = try Self.folders()
        var seen: [String] = []
        var progress: [Int] = []
        try FolderDiff.run(
            a, b, options: FolderDiffOptions(),
            progress: { done, total in
                progress.append(done)
                #expect(total == 8)
            }
        ) { seen.append(describe($0)) }
        #expect(
            seen == [
                "path page.txt page.txt", "name x.txt x.txt", "similarity web3.txt print3.txt",
                "only a lonely.txt", "only b new.txt",
            ])
        #expect(progress == Array(1...8))
    }

    @Test func unreadableFilesStopTheRunOrAreSkipped() throws {
        let (a, b) = try Self.folders()
        try Data([0x41, 0, 0x42]).write(to: URL(fileURLWithPath: a + "/binary.txt"))
        #expect(throws: DoppelError.self) { try FolderDiff.run(a, b, options: .standard) { _ in } }
        let options = try FolderDiffOptions(onError: .skip)
        var seen: [String] = []
        try FolderDiff.run(a, b, options: options) { seen.append(describe($0)) }
        #expect(seen.contains { $0.hasPrefix("skipped ") && $0.contains("binary.txt: not text") })
        #expect(seen.contains("similarity web3.txt print3.txt"))
    }

    @Test func dissimilarFilesStayUnpaired() throws {
        let (a, b) = try Self.folders()
        // print3.txt loses its last line: similar to web3.txt, but below a similarity of 1.
        let print3 = URL(fileURLWithPath: b + "/print3.txt")
        let lines = try String(contentsOf: print3, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        try lines.dropLast(2).joined(separator: "\n").write(to: print3, atomically: true, encoding: .utf8)
        let options = try FolderDiffOptions(matchSimilarity: 1)
        var seen: [String] = []
        try FolderDiff.run(a, b, options: options) { seen.append(describe($0)) }
        #expect(seen.contains("only a web3.txt") && seen.contains("only b print3.txt"))
    }

    @Test func relativePathsDropTheRoot() {
        #expect(FolderDiff.relative("dir/sub/x.txt", to: "dir") == "sub/x.txt")
        #expect(FolderDiff.relative("dir/x.txt", to: "dir/") == "x.txt")
    }
}

/// Sets over a small alphabet, so that many pairs share shingles and many reach the threshold.
private func randomShingleSets(_ count: Int, _ random: inout SplitMix64) -> [[UInt64]] {
    (0..<count).map { _ in
        let size = Int(random.next() % 60)
        return Array(Set((0..<size).map { _ in random.next() % 150 })).sorted()
    }
}

@Test(arguments: [1, 2, 3])
func similarityCandidatesAreExactlyTheAllPairsOnesBelowTheCommonLimit(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let a = randomShingleSets(40, &random)
    let b = randomShingleSets(50, &random)
    var expected: [(Int, Int, Double)] = []
    for (i, x) in a.enumerated() {
        for (j, y) in b.enumerated() {
            let overlap = SetOverlap(x, y)
            if max(overlap.jaccard, overlap.containment) >= 0.2 { expected.append((i, j, overlap.jaccard)) }
        }
    }
    let found = FolderDiff.similarityCandidates(a, b, least: 0.2)
    #expect(!expected.isEmpty && found.count == expected.count)
    #expect(zip(found, expected).allSatisfy { $0.a == $1.0 && $0.b == $1.1 && $0.jaccard == $1.2 })
}

@Test func aShingleInMoreFilesThanTheCommonLimitDoesNotMakeCandidates() {
    let boilerplate: [UInt64] = [7]
    let b = Array(repeating: boilerplate, count: FolderDiff.commonShingleFiles + 1) + [[7, 8]]
    // A set of the boilerplate alone meets nothing; one with a rarer shingle meets its file.
    #expect(FolderDiff.similarityCandidates([boilerplate], b, least: 0.2).isEmpty)
    let found = FolderDiff.similarityCandidates([[7, 8]], b, least: 0.2)
    #expect(found.map(\.b) == [FolderDiff.commonShingleFiles + 1])
}
