import Testing

@testable import DoppelCluster

@Test func tableRecordsWhichDocumentsHaveKeys() throws {
    var table = BandKeyTable(parameters: try LSHParameters(bands: 2, rows: 2), documentCount: 3)
    table.insert(Signature(values: [1, 2, 3, 4]), for: 0)
    table.insert(.empty, for: 1)
    #expect(table.hasKeys(0))
    #expect(!table.hasKeys(1))
    #expect(!table.hasKeys(2))
}

@Test func tableKeepsTheUpperHalfOfEachBandKeySortedPerBand() throws {
    let banding = try LSHParameters(bands: 2, rows: 2)
    var table = BandKeyTable(parameters: banding, documentCount: 2)
    let signatures = [Signature(values: [1, 2, 3, 4]), Signature(values: [9, 9, 3, 4])]
    for (document, signature) in signatures.enumerated() { table.insert(signature, for: document) }
    for band in 0..<2 {
        let expected = signatures.enumerated().map { document, signature in
            (banding.bandKeys(of: signature)[band] >> 32) << 32 | UInt64(document)
        }.sorted()
        #expect(table.sortedEntries(band: band) == expected)
    }
}
