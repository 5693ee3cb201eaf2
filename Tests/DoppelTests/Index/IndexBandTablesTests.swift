import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func directoryBucketsHoldAboutEightEntries() {
    #expect(IndexBandTables.directoryBits(entries: 0) == 0)
    #expect(IndexBandTables.directoryBits(entries: 15) == 0)
    #expect(IndexBandTables.directoryBits(entries: 16) == 1)
    #expect(IndexBandTables.directoryBits(entries: 1_000_000) == 16)
    #expect(IndexBandTables.directoryBits(entries: Int(UInt32.max)) == 26)
}

@Test func everyDocumentIsFoundUnderEachOfItsBandKeys() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let archive = try IndexArchive(path: folder.path("a.doppel"))
    let signer = DocumentSigner(parameters: archive.parameters, keepsShingleSets: false)
    for (number, document) in documents.enumerated() {
        for (band, key) in signer.sign(document).bandKeys.enumerated() {
            #expect(try archive.documents(band: band, key: key).contains(number))
        }
    }
    #expect(try archive.documents(band: 0, key: 0x0123_4567_0000_0000).isEmpty)
    let records = try archive.scanRecords(blocksChecked: false)
    for band in 0..<archive.parameters.lsh.bands {
        let entries = try archive.bandEntries(band, records: records)
        #expect(entries == entries.sorted() && entries.count == documents.count)
    }
}

@Test func lookupsWorkAcrossManyDirectoryBuckets() throws {
    // Enough documents for a directory of several bits, with texts made of seeded sentences.
    let folder = try TemporaryFolder()
    var generator = SplitMix64(seed: 3)
    let sentences = TestCorpus.paragraphs
    let documents = (0..<400).map { n in
        TestCorpus.document(
            "g\(n)", (0..<3).map { _ in sentences[Int(generator.next() % UInt64(sentences.count))] }.joined())
    }
    try IndexFixture.build(documents, at: folder.path("g.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("g.doppel")))
    for n in stride(from: 0, to: 400, by: 37) {
        #expect(try search.matches(for: documents[n]).map(\.document).contains(n))
    }
}
