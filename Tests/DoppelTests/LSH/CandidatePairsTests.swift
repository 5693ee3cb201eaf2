import Testing

@testable import DoppelCluster
@testable import DoppelIO

private func table(_ signatures: [Signature], bands: Int = 4, rows: Int = 2) -> BandKeyTable {
    var table = BandKeyTable(
        parameters: LSHParameters(checkedBands: bands, rows: rows),
        documentCount: signatures.count)
    for (document, signature) in signatures.enumerated() { table.insert(signature, for: document) }
    return table
}

@Test func candidatePairPacksItsDocumentsInOrder() {
    let pair = CandidatePair(7, 3)
    #expect(pair.first == 3)
    #expect(pair.second == 7)
    #expect(pair == CandidatePair(3, 7))
    #expect(CandidatePair(1, 9) < CandidatePair(2, 3))
    #expect(pair.description == "(3, 7)")
}

@Test func documentsSharingOneBandAreCandidatesOnce() {
    let pairs = table([
        Signature(values: [1, 2, 3, 4, 5, 6, 7, 8]),
        Signature(values: [1, 2, 0, 0, 0, 0, 0, 0]),  // shares band 0 with document 0
        Signature(values: [9, 9, 9, 9, 9, 9, 9, 9]),
        Signature(values: [1, 2, 3, 4, 5, 6, 7, 8]),  // shares every band with document 0
    ]).candidatePairs()
    #expect(pairs == [CandidatePair(0, 1), CandidatePair(0, 3), CandidatePair(1, 3)])
}

@Test func emptySignaturesAreNeverCandidates() {
    #expect(
        table([.empty, .empty, Signature(values: [1, 2, 3, 4, 5, 6, 7, 8])])
            .candidatePairs().isEmpty)
}

@Test func smallBucketsGiveAllPairs() {
    let same = Signature(values: [1, 2, 3, 4, 5, 6, 7, 8])
    let pairs = table([Signature](repeating: same, count: 6)).candidatePairs(bucketLimit: 6)
    #expect(pairs.count == 15)
}

@Test func giantBucketGivesStarAndChainNotAllPairs() {
    let same = Signature(values: [1, 2, 3, 4, 5, 6, 7, 8])
    let m = 3000
    let pairs = table([Signature](repeating: same, count: m)).candidatePairs()
    // Star from document 0 (m − 1 pairs) and chain (m − 2 more; (0, 1) is in both).
    #expect(pairs.count == 2 * m - 3)
    #expect(pairs.contains(CandidatePair(0, m - 1)))
    #expect(pairs.contains(CandidatePair(1500, 1501)))
    #expect(!pairs.contains(CandidatePair(1, 3)))
}

@Test func candidatePairsAreExactlyThePairsSharingABand() {
    var generator = SplitMix64(seed: 5)
    let signatures = (0..<300).map { _ in
        Signature(values: (0..<8).map { _ in UInt32(generator.next() % 4) })
    }
    let pairs = table(signatures).candidatePairs(bucketLimit: 1000)
    #expect(pairs == pairs.sorted())
    var expected: [CandidatePair] = []
    for a in 0..<300 {
        for b in (a + 1)..<300 {
            let shareBand = (0..<4).contains { band in
                signatures[a].values[(2 * band)..<(2 * band + 2)]
                    == signatures[b].values[(2 * band)..<(2 * band + 2)]
            }
            if shareBand { expected.append(CandidatePair(a, b)) }
        }
    }
    #expect(pairs == expected)
}

@Test func declinedPairsAreDroppedFromEveryKindOfBucket() {
    let same = Signature(values: [1, 2, 3, 4, 5, 6, 7, 8])
    let keepEven: @Sendable (Int, Int) -> Bool = { ($0 + $1) % 2 == 0 }
    let small = table([Signature](repeating: same, count: 6))
        .candidatePairs(bucketLimit: 6, keeping: keepEven)
    var expected: [CandidatePair] = []
    for a in 0..<6 {
        for b in (a + 1)..<6 where (a + b) % 2 == 0 { expected.append(CandidatePair(a, b)) }
    }
    #expect(small == expected)
    let giant = table([Signature](repeating: same, count: 100)).candidatePairs(keeping: keepEven)
    let star = stride(from: 2, to: 100, by: 2).map { CandidatePair(0, $0) }
    #expect(giant == star)  // chain pairs (j − 1, j) have odd sums
}

@Test func mergingUniqueUnitesSortedArrays() {
    let a = [CandidatePair(0, 1), CandidatePair(0, 2), CandidatePair(3, 4)]
    let b = [CandidatePair(0, 2), CandidatePair(1, 2)]
    #expect(
        BandKeyTable.mergingUnique(a, b)
            == [CandidatePair(0, 1), CandidatePair(0, 2), CandidatePair(1, 2), CandidatePair(3, 4)])
}

@Test func sketchPairsAreThePairsWhoseSketchesAgreeOnABand() throws {
    let banding = try LSHParameters(bands: 2, rows: 3)
    var keys = BandKeyTable(parameters: try LSHParameters(bands: 1, rows: 1), documentCount: 4)
    var sketches = SketchTable(width: 6, documentCount: 4)
    let rows: [[UInt32]] = [[1, 2, 3, 4, 5, 6], [1, 2, 3, 9, 9, 9], [7, 7, 7, 4, 5, 6], [1, 2, 8, 4, 5, 8]]
    for (document, values) in rows.enumerated() {
        sketches.insert(values, borrowed: 0, for: document)
        if document < 3 { keys.insert(Signature(values: values), for: document) }  // 3: no keys
    }
    #expect(keys.sketchPairs(sketches, banding: banding) == [CandidatePair(0, 1), CandidatePair(0, 2)])
    #expect(keys.sketchPairs(sketches, banding: banding, keeping: { $1 != 2 }) == [CandidatePair(0, 1)])
}
