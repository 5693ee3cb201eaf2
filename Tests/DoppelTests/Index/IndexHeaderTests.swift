import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

@Test func theHeaderRoundTripsEveryParameter() throws {
    let cluster = try ClusterOptions(
        threshold: 0.9, containmentThreshold: nil, minimumContainedShingles: 7,
        alignedShare: 0.9, shortItemShingles: 200,
        candidateThreshold: 0.6, permutations: 64, scheme: .independent,
        shingle: ShingleOptions(characterGram: 4, wordGram: 2))
    let normalization = NormalizationOptions(
        layout: .print, ignoreCase: true, ignorePunctuation: false,
        foldVariants: true)
    let parameters = IndexParameters(
        cluster: cluster, lsh: try LSHParameters(bands: 10, rows: 6),
        containmentLSH: try LSHParameters(bands: 8, rows: 3), largestSampled: 150, seed: 42,
        normalization: normalization)
    let page = 4096
    // Sections as long as the header requires: 4 offsets for 3 documents, 10 + 8 band headers
    // and the sample table's of 32 bytes, one checksum for one block.
    let header = IndexHeader(
        parameters: parameters, documentCount: 3, fileLength: page + 688,
        records: page..<(page + 40), offsets: (page + 40)..<(page + 72),
        bands: (page + 72)..<(page + 680), checksums: (page + 680)..<(page + 688),
        checksumsHash: 99)
    let bytes = header.encode()
    #expect(bytes.count == IndexHeader.pageSize)
    #expect(Array(bytes.prefix(8)) == Array("DOPPELIX".utf8))
    let decoded = try bytes.withUnsafeBytes {
        try IndexHeader(decoding: $0, actualLength: page + 688, path: "x")
    }
    #expect(decoded == header)
    #expect(decoded.parameters.normalization.foldVariants && decoded.parameters.cluster.containmentThreshold == nil)
    #expect(decoded.parameters.cluster.alignedShare == 0.9 && decoded.parameters.cluster.shortItemShingles == 200)
    #expect(decoded.parameters.containmentLSH == (try LSHParameters(bands: 8, rows: 3)))
    #expect(decoded.parameters.largestSampled == 150 && decoded.parameters.sampleTable == 18)
}

@Test func parametersOutOfRangeAreABadIndexEvenWithAValidChecksum() throws {
    let header = IndexHeader(
        parameters: IndexParameters(), documentCount: 0, fileLength: 4096 + 1840,
        records: 4096..<4096, offsets: 4096..<4104, bands: 4104..<5928,
        checksums: 5928..<5936, checksumsHash: 0)
    var bytes = header.encode()
    bytes[48] = 3  // three permutations
    let sum = IndexChecksum.hash(Array(bytes[0..<IndexHeader.checkedLength]))
    let checksum = IndexHeader.checkedLength
    withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(checksum..<(checksum + 8), with: $0) }
    #expect(throws: DoppelError.self) {
        try bytes.withUnsafeBytes { try IndexHeader(decoding: $0, actualLength: 5936, path: "x") }
    }
}

@Test func theLayoutTableListsEveryFieldOnceTilingTheCheckedBytesAndTheirChecksum() {
    #expect(IndexHeader.layout.map(\.field) == IndexHeader.Field.allCases)
    var next = 0
    for row in IndexHeader.layout {
        #expect(row.offset == next, "\(row.field)")
        #expect(row.width == 4 || row.width == 8, "\(row.field)")
        next = row.offset + row.width
    }
    #expect(IndexHeader.row(.headerChecksum).offset == IndexHeader.checkedLength)
    #expect(next == IndexHeader.checkedLength + 8)
}

@Test func everyFieldIsWrittenWhereTheTableSays() {
    let header = IndexHeader(
        parameters: IndexParameters(), documentCount: 0, fileLength: 4096 + 1840,
        records: 4096..<4096, offsets: 4096..<4104, bands: 4104..<5928,
        checksums: 5928..<5936, checksumsHash: 0x0102_0304_0506_0708)
    let bytes = header.encode()
    bytes.withUnsafeBytes { page in
        let reader = IndexBytes.Reader(page)
        #expect(Array(bytes[0..<8]) == Array("DOPPELIX".utf8))
        #expect(IndexHeader.row(.magic).read(reader) == IndexHeader.magicValue)
        #expect(IndexHeader.row(.fileLength).read(reader) == 4096 + 1840)
        #expect(IndexHeader.row(.permutations).read(reader) == 128)
        #expect(IndexHeader.row(.bandsStart).read(reader) == 4104)
        #expect(IndexHeader.row(.bandsLength).read(reader) == 1824)
        #expect(IndexHeader.row(.containmentBands).read(reader) == 32)
        #expect(IndexHeader.row(.containmentRows).read(reader) == 4)
        #expect(IndexHeader.row(.largestSampled).read(reader) == 200)
        #expect(IndexHeader.row(.alignedShare).read(reader) == 0.85.bitPattern)
        #expect(IndexHeader.row(.checksumsHash).read(reader) == 0x0102_0304_0506_0708)
        #expect(
            IndexHeader.row(.headerChecksum).read(reader)
                == IndexChecksum.hash(Array(bytes[0..<IndexHeader.checkedLength])))
    }
}
