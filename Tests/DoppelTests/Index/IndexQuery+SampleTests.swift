import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

@Test func aValueSampledByMoreShortDocumentsThanThePostingLimitIsLeftOutOfEverySample() throws {
    // More short documents than the posting limit, each a shared text and a text of its own: the
    // shared text's smallest shingles are in nearly every sample, so they are left out of every
    // sample (docs/cluster-rules.md, section 1, step 1), in both directions of a query.
    var generator = SplitMix64(seed: 11)
    func han(_ count: Int) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(0x4E00 + UInt32(generator.next() % 0x5000))!) })
    }
    let limit = ContainmentSample.standardPostingLimit
    let shared = han(20)
    let texts = (0..<(limit + 40)).map { _ in shared + han(60) }
    let folder = try TemporaryFolder()
    try IndexFixture.build(
        texts.enumerated().map { TestCorpus.document("d\($0.offset)", $0.element) }, at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let sample = try #require(search.sample)
    // How many short documents sampled each value, counted from the texts.
    let shingler = Shingler()
    let sets = texts.map { shingler.compactShingleSet(of: NormalizedText(identity: $0)) }
    var postings: [UInt32: Int] = [:]
    for set in sets where (50...200).contains(set.count) {
        for value in ContainmentSample.smallest(sample.size, of: set) { postings[value, default: 0] += 1 }
    }
    let signer = DocumentSigner(parameters: search.archive.parameters, keepsShingleSets: true)

    // A short query: its values that the index's short documents and itself sampled more than
    // the limit allows are not kept.
    let short = signer.sign(TestCorpus.document("short", shared + han(60)))
    let (all, kept) = try #require(try search.shortSample(of: short))
    #expect(kept == all.filter { postings[$0, default: 0] + 1 <= limit })
    #expect(kept.count < all.count)

    // A long query holding document 7: the short documents it holds enough of the kept samples of.
    let longText = texts[7] + han(200)
    let long = signer.sign(TestCorpus.document("long", longText))
    let held = Set(shingler.compactShingleSet(of: NormalizedText(identity: longText)))
    let largestContained = Int((ClusterOptions.containmentSizeRatio * Double(long.shingleCount)).rounded(.down))
    #expect(long.shingleCount > 200)  // not sampled itself
    var expected: [Int] = []
    for (number, set) in sets.enumerated() where (50...min(200, largestContained)).contains(set.count) {
        let kept = ContainmentSample.smallest(sample.size, of: set).filter { postings[$0]! <= limit }
        if sample.isCandidate(hits: kept.filter(held.contains).count, kept: kept.count) { expected.append(number) }
    }
    #expect(expected.contains(7))
    #expect(try search.sampledDocuments(for: long, own: nil) == expected)
}
