import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO

private func builtIndex(_ folder: TemporaryFolder) throws -> (path: String, bytes: [UInt8]) {
    let path = folder.path("a.doppel")
    try IndexFixture.build(IndexFixture.archiveDocuments(), at: path)
    return (path, try IndexFixture.bytes(path))
}

private func badIndex(_ path: String, _ reason: String) -> DoppelError {
    .badIndex(path: path, reason: reason)
}

@Test func aDamagedByteAnywhereIsABadIndex() throws {
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    var generator = SplitMix64(seed: 11)
    // The header's checked bytes, then positions all over the payload and checksum section.
    let positions =
        [0, 9, 40, 183, 190, 207, 212]
        + (0..<40).map { _ in
            IndexHeader.pageSize + Int(generator.next() % UInt64(bytes.count - IndexHeader.pageSize))
        }
    for position in positions {
        var damaged = bytes
        damaged[position] ^= 0x20
        try IndexFixture.write(damaged, to: path)
        #expect(throws: DoppelError.self, "byte \(position)") {
            try IndexArchive(path: path).verify()
        }
    }
    var damaged = bytes
    damaged[IndexHeader.pageSize + 100] ^= 1
    try IndexFixture.write(damaged, to: path)
    #expect(throws: badIndex(path, "checksum mismatch")) { try IndexArchive(path: path).verify() }
}

@Test func aQueryRefusesTheDamagedRecordItReads() throws {
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    let archive = try IndexArchive(path: path)
    let record = try archive.recordOffsets()[4] + UInt64(archive.header.records.lowerBound)
    var damaged = bytes
    damaged[Int(record) + IndexedDocument.fixedLength + 8] ^= 0x01  // a shingle of document 4
    try IndexFixture.write(damaged, to: path)
    let search = try IndexQuery(archive: try IndexArchive(path: path))
    #expect(throws: badIndex(path, "checksum mismatch")) {
        try search.matches(for: IndexFixture.archiveDocuments()[4])
    }
}

@Test func aTruncatedFileIsABadIndex() throws {
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    for length in [0, 5, 100, IndexHeader.pageSize, bytes.count / 2, bytes.count - 1] {
        try IndexFixture.write(Array(bytes.prefix(length)), to: path)
        #expect(throws: DoppelError.self, "length \(length)") { try IndexArchive(path: path) }
    }
    try IndexFixture.write(Array(bytes.prefix(bytes.count - 1)), to: path)
    #expect(throws: badIndex(path, "truncated: \(bytes.count - 1) of \(bytes.count) bytes")) {
        try IndexArchive(path: path)
    }
    try IndexFixture.write(bytes + [0], to: path)
    #expect(throws: badIndex(path, "1 bytes after the end of the index")) { try IndexArchive(path: path) }
}

@Test func anotherFormatVersionIsRefused() throws {
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    var newer = bytes
    newer[8] = 4
    try IndexFixture.write(newer, to: path)
    #expect(throws: badIndex(path, "format version 4; this doppel reads version 3 only")) {
        try IndexArchive(path: path)
    }
}

@Test func anIndexOfFormatVersionOneIsRefusedWithAnAskToRebuildIt() throws {
    // Version 1 kept ascending shingle sets, without the text order the aligned share needs:
    // its queries could not apply doppel cluster's rules, and the file cannot be converted
    // without the texts. The version is read before anything else of the header.
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    var older = bytes
    older[8] = 1
    try IndexFixture.write(older, to: path)
    #expect(
        throws: badIndex(
            path,
            "format version 1, without the text order the aligned share needs; "
                + "this doppel reads version 3 only: rebuild it with doppel index build")
    ) { try IndexArchive(path: path) }
}

@Test func anIndexOfFormatVersionTwoIsRefusedWithAnAskToRebuildIt() throws {
    // Version 2 had no sample table: its queries could not find what doppel cluster's
    // containment sample of short documents finds, and the table needs the texts' sets sampled
    // at build time (a rebuild reads them again).
    let folder = try TemporaryFolder()
    let (path, bytes) = try builtIndex(folder)
    var older = bytes
    older[8] = 2
    try IndexFixture.write(older, to: path)
    #expect(
        throws: badIndex(
            path,
            "format version 2, without the table the containment sample of short documents needs; "
                + "this doppel reads version 3 only: rebuild it with doppel index build")
    ) { try IndexArchive(path: path) }
}

@Test func aFileThatIsNotAnIndexIsRefused() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("notes.txt")
    try IndexFixture.write(Array("本报记者 some text".utf8), to: path)
    #expect(throws: badIndex(path, "not a doppel index: no DOPPELIX magic")) { try IndexArchive(path: path) }
    #expect(throws: DoppelError.unreadable(path: folder.path("none"), reason: "no such file")) {
        try IndexArchive(path: folder.path("none"))
    }
    #expect(throws: DoppelError.unreadable(path: folder.url.path, reason: "is a directory")) {
        try IndexArchive(path: folder.url.path)
    }
}

@Test func documentsReadBackAsTheyWereIndexed() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let archive = try IndexArchive(path: folder.path("a.doppel"))
    #expect(archive.documentCount == documents.count)
    #expect(archive.parameters == IndexParameters())
    for number in [0, 7, documents.count - 1] {
        let stored = try archive.document(number)
        let set = Shingler().compactShingleSet(of: documents[number].text)
        #expect(stored.id == documents[number].id && stored.chars == documents[number].chars)
        #expect(stored.shingleSet.sorted() == set && stored.shingleCount == set.count)
        // In text order, as doppel cluster verifies from.
        #expect(stored.material == StreamMaterial.values(of: documents[number].text, shingler: Shingler()))
    }
}
