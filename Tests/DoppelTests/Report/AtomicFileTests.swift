import Foundation
import Testing
@testable import Doppel

@Test func theDestinationChangesOnlyAtCommit() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.jsonl")
    try IndexFixture.write(Array("old\n".utf8), to: path)
    let file = try AtomicFile(path: path)
    try file.append(Array("new ".utf8))
    try file.append(Array("lines\n".utf8))
    #expect(try IndexFixture.bytes(path) == Array("old\n".utf8))
    #expect(try folder.contents().count == 2)
    try file.commit()
    #expect(try IndexFixture.bytes(path) == Array("new lines\n".utf8))
    #expect(try folder.contents() == ["out.jsonl"])
}

@Test func discardingLeavesTheOldFileAndNoTemporary() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.jsonl")
    try IndexFixture.write(Array("old\n".utf8), to: path)
    var temporaries: [String?] = []
    do {
        let file = try AtomicFile(path: path) { temporaries.append($0) }
        try file.append(Array("partial".utf8))
    }
    #expect(temporaries.count == 2 && temporaries[0] != nil && temporaries[1] == nil)
    #expect(try IndexFixture.bytes(path) == Array("old\n".utf8))
    #expect(try folder.contents() == ["out.jsonl"])
}

@Test func aFolderIsNotAFileToReplace() throws {
    let folder = try TemporaryFolder()
    #expect(throws: DoppelError.unwritable(path: folder.url.path, reason: "is a directory")) {
        try AtomicFile(path: folder.url.path)
    }
}
