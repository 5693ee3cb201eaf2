import Testing

@testable import DoppelCluster
@testable import DoppelIO

private func corpus() -> [ClusterDocument] {
    let articles = TestCorpus.articles()
    var documents = articles.enumerated().map { TestCorpus.document("a\($0.offset)", $0.element) }
    for (index, article) in articles.prefix(8).enumerated() {
        for copy in 0..<(index % 3 + 1) {
            documents.append(
                TestCorpus.document(
                    "a\(index)c\(copy)",
                    TestCorpus.mutate(article, edits: copy + 1, seed: UInt64(100 * index + copy))))
        }
    }
    return documents
}

@Test(arguments: ClusterOptions.Verification.allCases)
func materialInTheScratchFileGivesTheSameClustersAsInMemory(
    verification: ClusterOptions.Verification
) throws {
    let collection = InMemoryDocumentCollection(corpus())
    let options = try ClusterOptions(verification: verification)
    let inMemory = try ClusterEngine(options: options).cluster(collection)
    #expect(!inMemory.clusters.isEmpty)
    for budget in [0, 3000, 100_000] {
        let engine = ClusterEngine(options: options, memoryBudget: budget, chunkSize: 3)
        #expect(try engine.cluster(collection) == inMemory)
    }
}

@Test func anUnwritableScratchDirectoryIsAnErrorNamingIt() throws {
    let collection = InMemoryDocumentCollection(corpus())
    let engine = ClusterEngine(
        options: .standard, scratchDirectory: "/nonexistent/scratch",
        memoryBudget: 0, chunkSize: 3)
    #expect(throws: DoppelError.self) { try engine.cluster(collection) }
    do {
        _ = try engine.cluster(collection)
    } catch let error as DoppelError {
        #expect(error.description.contains("/nonexistent/scratch"))
    }
}

@Test func pairIsAcceptedByJaccardOrByContainmentOfALargeEnoughSet() throws {
    let options = try ClusterOptions(
        threshold: 0.8, containmentThreshold: 0.8,
        minimumContainedShingles: 3)
    func pair(_ common: Int, _ a: Int, _ b: Int) -> ClusterResult.Pair? {
        let overlap = SetOverlap(intersection: common, firstCount: a, secondCount: b)
        return ClusterEngine.pair(0, 1, overlap: overlap, jaccard: overlap.jaccard, options: options)
    }
    #expect(pair(9, 10, 9)?.jaccard == 0.9)  // Jaccard 0.9
    #expect(pair(3, 10, 3)?.containment == 1)  // contained, 3 shingles
    #expect(pair(2, 10, 2) == nil)  // contained, but too small
    #expect(pair(6, 10, 10) == nil)  // Jaccard 0.43, containment 0.6
}
