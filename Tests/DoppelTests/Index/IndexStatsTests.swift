import Testing

@testable import DoppelCluster

@Test func statsSummariseTheIndexAfterCheckingEveryBlock() throws {
    let folder = try TemporaryFolder()
    var documents = IndexFixture.archiveDocuments()
    documents.append(TestCorpus.document("empty", ""))
    documents.append(TestCorpus.document("copy", IndexFixture.articles[0]))
    // A short document (50-200 shingles): its containment sample is in the sample table.
    documents.append(TestCorpus.document("brief", String(IndexFixture.articles[2].prefix(120))))
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let stats = try IndexArchive(path: folder.path("a.doppel")).stats()
    #expect(stats.documentCount == documents.count)
    #expect(stats.documentsWithKeys == documents.count - 1)
    #expect(stats.largestBucket >= 2)
    #expect(stats.formatVersion == 3 && stats.parameters == IndexParameters())
    #expect(stats.fileLength == (try IndexFixture.bytes(folder.path("a.doppel")).count))
    #expect(stats.recordBytes > 0 && stats.bandTableBytes > 0)
    #expect(stats.sampledDocuments == 1)
}
