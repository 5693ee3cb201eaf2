import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// The sketch, the compact set and its size of each text, as pass 1 computes them.
private struct Signed {
    var sketches: SketchTable
    var sets: [[UInt32]]
}

private func signed(_ texts: [String], permutations: Int = 128) -> Signed {
    let shingler = Shingler()
    let hasher = MinHasher(checkedPermutations: permutations, scheme: .onePermutation)
    var sketches = SketchTable(width: permutations, documentCount: texts.count)
    var sets: [[UInt32]] = []
    for (index, text) in texts.enumerated() {
        var hashes: [UInt64] = []
        shingler.appendHashes(of: NormalizedText(identity: text), to: &hashes)
        var values = [UInt32](repeating: 0, count: permutations)
        let borrowed = values.withUnsafeMutableBufferPointer { values in
            hashes.withUnsafeBufferPointer { hasher.fill(values, from: $0) }
        }
        if let borrowed { sketches.insert(values, borrowed: borrowed, for: index) }
        sets.append(shingler.compactShingleSet(of: NormalizedText(identity: text)))
    }
    return Signed(sketches: sketches, sets: sets)
}

/// Seeded pairs of real articles: versions with 1-40 edits, copies cut to 20-100% of their
/// length, cut versions, and unrelated articles.
private func generatedPairs() -> [(String, String)] {
    let articles = TestCorpus.articles(length: 300)
    var generator = SplitMix64(seed: 2024)
    var pairs: [(String, String)] = []
    for (index, article) in articles.enumerated() {
        let edits = 1 + Int(generator.next() % 40)
        pairs.append((article, TestCorpus.mutate(article, edits: edits, seed: generator.next())))
        let characters = Array(article)
        let kept = max(1, characters.count * (20 + Int(generator.next() % 81)) / 100)
        let cut = String(characters.prefix(kept))
        pairs.append((article, cut))
        pairs.append(
            (
                article,
                TestCorpus.mutate(
                    cut, edits: 1 + Int(generator.next() % 5),
                    seed: generator.next())
            ))
        pairs.append((article, articles[(index + 1 + Int(generator.next() % 7)) % articles.count]))
    }
    return pairs
}

@Test(arguments: [
    try! ClusterOptions(),
    try! ClusterOptions(containmentThreshold: nil),
    try! ClusterOptions(threshold: 0.5, containmentThreshold: 0.5, minimumContainedShingles: 10),
    try! ClusterOptions(threshold: 0.95, containmentThreshold: 0.9),
])
func filterNeverRejectsAPairVerificationAccepts(options: ClusterOptions) {
    let pairs = generatedPairs()
    let data = signed(pairs.flatMap { [$0.0, $0.1] })
    let filter = CandidateFilter(
        options: options, sketches: data.sketches,
        sizes: data.sets.map { UInt32($0.count) })
    var accepted = 0
    var rejectedUnrelated = 0
    for index in pairs.indices {
        let (a, b) = (2 * index, 2 * index + 1)
        let overlap = SetOverlap(data.sets[a], data.sets[b])
        if options.accepts(
            jaccard: overlap.jaccard, containment: overlap.containment,
            smallerCount: min(overlap.firstCount, overlap.secondCount))
        {
            accepted += 1
            #expect(filter.mayAccept(a, b), "pair \(index): \(overlap)")
        } else if index % 4 == 3 && !filter.mayAccept(a, b) {
            rejectedUnrelated += 1
        }
    }
    #expect(accepted > pairs.count / 8)  // versions (and, with containment, cut copies)
    // The filter earns its keep: unrelated articles are rejected without being read.
    #expect(rejectedUnrelated > pairs.count / 4 * 9 / 10)
}

@Test func lowestAcceptedJaccardFollowsContainmentForUnequalSizes() throws {
    let options = try ClusterOptions(
        threshold: 0.8, containmentThreshold: 0.8,
        minimumContainedShingles: 50, shortItemShingles: 40)
    let filter = CandidateFilter(
        options: options, sketches: SketchTable(width: 8, documentCount: 0),
        sizes: [])
    // Equal sizes: containment 0.8 is Jaccard 0.8 / 1.2.
    #expect(abs(filter.lowestAcceptedJaccard(100, 100) - 0.8 / 1.2) < 1e-12)
    // A quarter-length copy wholly contained: Jaccard 0.25 already suffices for 0.8 containment.
    #expect(abs(filter.lowestAcceptedJaccard(100, 400) - 80.0 / 420) < 1e-12)
    // Too small to count by containment: only the Jaccard threshold.
    #expect(filter.lowestAcceptedJaccard(49, 60) == 0.8)
    // Short items (here up to 40 shingles) are verified down to the grey zone's floor.
    #expect(filter.lowestAcceptedJaccard(30, 40) == ClusterOptions.greyZoneFloor)
    let jaccardOnly = CandidateFilter(
        options: try ClusterOptions(containmentThreshold: nil),
        sketches: SketchTable(width: 8, documentCount: 0), sizes: [])
    #expect(jaccardOnly.lowestAcceptedJaccard(100, 400) == 0.8)
}

@Test func rejectsOnlyFarBelowTheLowestAcceptedJaccard() {
    // 128 positions at J* = 0.8 (0.79 after the slack): the Chernoff bound reaches 1e-9 at 68.
    #expect(CandidateFilter.rejects(agreements: 68, positions: 128, lowest: 0.8))
    #expect(!CandidateFilter.rejects(agreements: 69, positions: 128, lowest: 0.8))
    #expect(!CandidateFilter.rejects(agreements: 128, positions: 128, lowest: 1))
    #expect(CandidateFilter.rejects(agreements: 0, positions: 128, lowest: 0.5))
    // Too few positions for any rejection at this confidence.
    #expect(!CandidateFilter.rejects(agreements: 0, positions: 8, lowest: 0.8))
    #expect(!CandidateFilter.rejects(agreements: 0, positions: 0, lowest: 0.8))
}

@Test func filterIgnoresSketchesOfDocumentsThatBorrowedMostValues() {
    // Two short texts: one-permutation hashing borrows most of their 128 values, leaving too
    // few own positions to reject anything.
    let data = signed(["甲乙丙丁戊己庚", "子丑寅卯辰巳午"])
    #expect(data.sketches.borrowedValues(0) > 100)
    let filter = CandidateFilter(
        options: .standard, sketches: data.sketches,
        sizes: data.sets.map { UInt32($0.count) })
    #expect(filter.mayAccept(0, 1))
}

@Test func theTableOfHighestKeptSimilaritiesDecidesAsTheBoundDoes() {
    for m in stride(from: 0, through: 128, by: 1) {
        let highest = CandidateFilter.highestKept(agreements: m, positions: 128)
        for step in 0...200 {
            let lowest = Double(step) / 200
            let p = min(lowest - CandidateFilter.slack, 0.999)
            let byTable = !(p <= highest)
            let byBound = CandidateFilter.rejects(agreements: m, positions: 128, lowest: lowest)
            // The two may differ only within the bisection's precision of the cut.
            if abs(p - highest) > 1e-9 { #expect(byTable == byBound, "m \(m), lowest \(lowest)") }
        }
    }
}
