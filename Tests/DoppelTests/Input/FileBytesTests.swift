import Foundation
import Testing
@testable import Doppel

@Test func readsFilesLargerThanOneBufferExactly() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("big.bin")
    let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(bytes).write(to: file)
    #expect(try FileBytes.read(rawPath: Array(file.path.utf8), displayPath: "big") == bytes)
}

@Test func readsNonUTF8Names() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let raw = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9]
    let fd = (raw + [0]).withUnsafeBufferPointer { p in
        p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    #expect(fd >= 0)
    _ = write(fd, "hi", 2)
    close(fd)
    #expect(try FileBytes.read(rawPath: raw, displayPath: "cafe") == Array("hi".utf8))
}

@Test func errnoReasonsAreShortAndHuman() {
    #expect(FileBytes.reason(ENOENT) == "no such file")
    #expect(FileBytes.reason(EACCES) == "permission denied")
    #expect(FileBytes.reason(EISDIR) == "is a directory")
}
