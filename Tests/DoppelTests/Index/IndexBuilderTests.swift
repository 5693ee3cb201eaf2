import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func addThenQuerySeesTheNewDocuments() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    let path = folder.path("a.doppel")
    try IndexFixture.build(Array(documents.prefix(20)), at: path)
    let summary = try IndexBuilder.add(
        InMemoryDocumentCollection(Array(documents[20...])),
        to: try IndexArchive(path: path), writingTo: path)
    #expect(summary.added == documents.count - 20 && summary.documentCount == documents.count)
    let archive = try IndexArchive(path: path)
    try archive.verify()
    #expect(archive.documentCount == documents.count)
    #expect(try archive.id(of: documents.count - 1) == "a\(documents.count - 1)")
    let search = try IndexQuery(archive: archive)
    for probe in [0, 19, 20, documents.count - 1] {
        let query = TestCorpus.document(
            "q",
            TestCorpus.mutate(
                IndexFixture.articles[probe], edits: 2,
                seed: UInt64(probe)))
        #expect(try search.matches(for: query).map(\.id) == ["a\(probe)"])
    }
}

@Test func addingInSeveralStepsWritesTheSameFileAsBuildingOnce() throws {
    let folder = try TemporaryFolder()
    // With short documents among them, whose samples the sample table merges.
    var documents = IndexFixture.archiveDocuments()
    for (number, length) in [(3, 90), (7, 150), (8, 60)] {
        documents.insert(
            TestCorpus.document("brief\(number)", String(IndexFixture.articles[number].prefix(length))),
            at: number)
    }
    try IndexFixture.build(documents, at: folder.path("once.doppel"))
    let path = folder.path("steps.doppel")
    try IndexFixture.build([], at: path)
    for part in [0..<7, 7..<8, 8..<documents.count] {
        let summary = try IndexBuilder.add(
            InMemoryDocumentCollection(Array(documents[part])),
            to: try IndexArchive(path: path), writingTo: path)
        #expect(summary.added == part.count && summary.documentCount == part.upperBound)
    }
    #expect(try IndexFixture.bytes(path) == IndexFixture.bytes(folder.path("once.doppel")))
}

@Test func documentsWhoseIDIsAlreadyIndexedAreSkipped() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments(count: 10)
    let path = folder.path("a.doppel")
    try IndexFixture.build(documents, at: path)
    let before = try IndexFixture.bytes(path)
    let again = try IndexBuilder.add(
        InMemoryDocumentCollection(Array(documents.prefix(3))),
        to: try IndexArchive(path: path), writingTo: path)
    #expect(again.added == 0 && again.skippedIDs == ["a0", "a1", "a2"])
    #expect(try IndexFixture.bytes(path) == before)
    let repeated = [documents[0], TestCorpus.document("a0", "另一篇文章")]
    let built = try IndexFixture.build(repeated, at: folder.path("r.doppel"))
    #expect(built.added == 1 && built.skippedIDs == ["a0"])
}

@Test func aFailedAddLeavesTheOldIndexIntactAndNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    let path = folder.path("a.doppel")
    try IndexFixture.build(Array(documents.prefix(10)), at: path)
    let before = try IndexFixture.bytes(path)
    let failing = VanishingDocuments(documents: Array(documents[10...]), failing: 5)
    #expect(throws: DoppelError.unreadable(path: documents[15].path, reason: "gone")) {
        try IndexBuilder.add(failing, to: try IndexArchive(path: path), writingTo: path)
    }
    #expect(try IndexFixture.bytes(path) == before)
    #expect(try folder.contents() == ["a.doppel"])
}

/// Makes `folder` unwritable and returns how to undo it: `chmod 555`, or for root (whom modes do
/// not stop) the immutable attribute, `chattr +i`. Nil where neither works.
private func makeUnwritable(_ folder: URL) -> (() -> Void)? {
    if geteuid() != 0 {
        chmod(folder.path, 0o555)
        return { chmod(folder.path, 0o755) }
    }
    func chattr(_ flag: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, folder.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    return chattr("+i") ? { _ = chattr("-i") } : nil
}

@Test func writingIntoAReadOnlyFolderFailsAndKeepsTheOldIndex() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("a.doppel")
    try IndexFixture.build(IndexFixture.archiveDocuments(count: 5), at: path)
    let before = try IndexFixture.bytes(path)
    // A file system without modes for root nor the immutable attribute cannot show this.
    guard let undo = makeUnwritable(folder.url) else { return }
    defer { undo() }
    #expect(throws: DoppelError.self) {
        try IndexBuilder.add(
            InMemoryDocumentCollection(IndexFixture.archiveDocuments()),
            to: try IndexArchive(path: path), writingTo: path)
    }
    #expect(try IndexFixture.bytes(path) == before)
    #expect(try folder.contents() == ["a.doppel"])
}

@Test func writingIntoAMissingFolderFailsWithUnwritable() throws {
    let folder = try TemporaryFolder()
    #expect(throws: DoppelError.unwritable(path: folder.path("no/a.doppel"), reason: "no such folder")) {
        try IndexFixture.build(IndexFixture.archiveDocuments(count: 2), at: folder.path("no/a.doppel"))
    }
}

@Test func buildsAreByteForByteReproducible() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("1.doppel"))
    try IndexFixture.build(documents, at: folder.path("2.doppel"))
    #expect(try IndexFixture.bytes(folder.path("1.doppel")) == IndexFixture.bytes(folder.path("2.doppel")))
}
