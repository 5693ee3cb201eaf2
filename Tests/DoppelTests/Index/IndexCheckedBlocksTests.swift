import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func onlyTheBlocksMarkedAreChecked() {
    let blocks = IndexCheckedBlocks(count: 130)
    #expect(!(0..<130).contains { blocks.contains($0) })
    blocks.insert(64)
    blocks.insert(129)
    #expect((0..<130).filter { blocks.contains($0) } == [64, 129])
}

@Test func aBlockWhoseChecksumFailsIsRefusedAtEveryRead() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("a.doppel")
    try IndexFixture.build(IndexFixture.archiveDocuments(), at: path)
    let archive = try IndexArchive(path: path)
    let last = archive.documentCount - 1
    let record = Int(try archive.recordOffsets()[last]) + archive.header.records.lowerBound
    var damaged = try IndexFixture.bytes(path)
    damaged[record + IndexedDocument.fixedLength + 8] ^= 0x01  // a shingle of the last document
    try IndexFixture.write(damaged, to: path)
    let opened = try IndexArchive(path: path)
    let first = try opened.document(0)  // its blocks match, and are read again without hashing
    #expect(try opened.document(0) == first)
    for _ in 0..<2 {
        #expect(throws: DoppelError.badIndex(path: path, reason: "checksum mismatch")) {
            try opened.document(last)
        }
    }
}
