import Testing
@testable import Doppel

private func corpus() -> [ClusterDocument] {
    let articles = TestCorpus.articles()
    var documents = articles.enumerated().map { TestCorpus.document("a\($0.offset)", $0.element) }
    for (index, article) in articles.prefix(8).enumerated() {
        for copy in 0..<(index % 3 + 1) {
            documents.append(TestCorpus.document(
                "a\(index)c\(copy)",
                TestCorpus.mutate(article, edits: copy + 1, seed: UInt64(100 * index + copy))))
        }
    }
    return documents
}

@Test(arguments: ClusterOptions.Verification.allCases)
func smallBlocksGiveTheSameClustersAsOneBlock(verification: ClusterOptions.Verification) throws {
    let collection = InMemoryDocumentCollection(corpus())
    let options = try ClusterOptions(verification: verification)
    let oneBlock = try ClusterEngine(options: options).cluster(collection)
    #expect(!oneBlock.clusters.isEmpty)
    for budget in [1, 3000, 10_000] {
        let engine = ClusterEngine(options: options, blockBudget: budget, chunkSize: 3)
        #expect(try engine.cluster(collection) == oneBlock)
    }
}

@Test func planKeepsComponentsTogetherWhenTheyFit() {
    let engine = ClusterEngine(options: .standard, blockBudget: 6 * (4 * 100 + 64),
                               chunkSize: 64)
    // Components {0, 5, 9}, {1, 2}, {3, 4, 6, 7}; 10 documents of 100 shingles; 6 fit a block.
    let pairs = [CandidatePair(0, 5), CandidatePair(5, 9), CandidatePair(1, 2),
                 CandidatePair(3, 4), CandidatePair(4, 6), CandidatePair(6, 7)]
    let plan = engine.plan(pairs, shingleCounts: [UInt32](repeating: 100, count: 10))
    #expect(plan.blocks == [[0, 5, 9, 1, 2], [3, 4, 6, 7]])
    #expect(plan.work.map { [$0.lower, $0.higher] } == [[0, 0], [1, 1]])
    #expect(plan.block[8] == -1)
}

@Test func planSplitsAComponentLargerThanABlock() {
    let engine = ClusterEngine(options: .standard, blockBudget: 2 * (4 * 100 + 64),
                               chunkSize: 64)
    let pairs = (1..<5).map { CandidatePair(0, $0) }
    let plan = engine.plan(pairs, shingleCounts: [UInt32](repeating: 100, count: 5))
    #expect(plan.blocks == [[0, 1], [2, 3], [4]])
    #expect(plan.work.map { [$0.lower, $0.higher] } == [[0, 0], [0, 1], [0, 2]])
    #expect(plan.work.map(\.pairs.count) == [1, 2, 1])
}
