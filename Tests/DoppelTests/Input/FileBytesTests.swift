import Foundation
import Testing

@testable import DoppelIO

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

@Test func readsLongFilesWhoseBufferIsMarkedForHugePagesExactly() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("long.bin")
    let bytes = (0..<(HugePages.minimumBytes + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 16) }
    try Data(bytes).write(to: file)
    #expect(try FileBytes.read(rawPath: Array(file.path.utf8), displayPath: "long") == bytes)
}

@Test func readsAPipeOfUnknownLengthThroughSeveralDoublings() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let bytes = (0..<70_001).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let writer = Thread {
        let fd = open(fifo, O_WRONLY)
        guard fd >= 0 else { return }
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let got = write(fd, buffer.baseAddress! + written, min(1000, buffer.count - written))
                if got <= 0 { break }
                written += got
            }
        }
        close(fd)
    }
    writer.start()
    #expect(try FileBytes.read(rawPath: Array(fifo.utf8), displayPath: "pipe") == bytes)
}

@Test func aFileLongerThanTheLimitIsRefusedAndOneOfExactlyTheLimitIsRead() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("ten.txt")
    try Data(repeating: 0x61, count: 10).write(to: file)
    let raw = Array(file.path.utf8)
    #expect(try FileBytes.read(rawPath: raw, displayPath: "ten", limit: 10).count == 10)
    #expect(
        throws: DoppelError.unreadable(path: "ten", reason: "larger than 9 bytes, the most doppel reads from one input")
    ) {
        try FileBytes.read(rawPath: raw, displayPath: "ten", limit: 9)
    }
}

@Test func anEndlessPipeIsRefusedOnceTheLimitIsRead() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fifo = folder.appendingPathComponent("endless").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Thread {
        let fd = open(fifo, O_WRONLY)
        guard fd >= 0 else { return }
        signal(SIGPIPE, SIG_IGN)
        let chunk = [UInt8](repeating: 0x79, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress!, $0.count) }) > 0 {}
        close(fd)
    }
    writer.start()
    #expect(
        throws: DoppelError.unreadable(
            path: "endless", reason: "larger than 100000 bytes, the most doppel reads from one input")
    ) {
        try FileBytes.read(rawPath: Array(fifo.utf8), displayPath: "endless", limit: 100_000)
    }
}
