import DoppelIO
import Foundation
import Testing

@testable import DoppelText

/// `UTF8FileReading` gives what `TextDecoding` gives on the whole file, or leaves the file to it.
@Suite struct UTF8FileReadingTests {
    /// Seeded text of every sequence length, longer than `minimumBytes`, so that sequences fall
    /// across the buffer's ends.
    private func longText(seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        let pieces = ["abc ", "中文", "é", "😀", "\n", "，", "Zeitung ", "報紙", "\r\n", "\r", "\u{0C}"].map {
            Array($0.utf8)
        }
        var bytes: [UInt8] = []
        while bytes.count < UTF8FileReading.minimumBytes + UTF8FileReading.bufferBytes {
            bytes += pieces[Int(rng.next() % UInt64(pieces.count))]
        }
        return bytes
    }

    /// The result of `UTF8FileReading.read` on a file holding `bytes`.
    private func streamed(_ bytes: [UInt8]) throws -> (scalars: [Unicode.Scalar], starts: LineStarts)? {
        let folder = try InputFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (fd, size) = try FileBytes.openForReading(rawPath: Array(path.utf8), displayPath: path)
        defer { close(fd) }
        return try UTF8FileReading.read(fd, size: size, path: path)
    }

    @Test func decodesALongFileAndIndexesItsLinesAsTheWholeFileDecodes() throws {
        for seed: UInt64 in [1, 2, 3] {
            for end in ["", "\r", "\u{0C}", "\r\n"] {
                let bytes = longText(seed: seed) + Array(end.utf8)
                let whole = SourceText(
                    path: "long.txt", scalars: try TextDecoding.decode(bytes, path: "long.txt").scalars)
                let read = try #require(try streamed(bytes))
                #expect(read.scalars == whole.scalars)
                #expect(read.starts.lines == whole.lineStarts)
                #expect(read.starts.pages == whole.pageStarts)
                #expect(whole.pageStarts.count > 1)
            }
        }
    }

    @Test func leavesToTheWholeFilePathWhatItDoesNotReadAsPlainUTF8() throws {
        let bytes = longText(seed: 4)
        #expect(try streamed(Array(bytes.prefix(UTF8FileReading.minimumBytes - 1))) == nil)  // short
        #expect(try streamed([0xEF, 0xBB, 0xBF] + bytes) == nil)  // byte order mark
        #expect(try streamed(Array("%PDF-1.4\n".utf8) + bytes) == nil)
        var bad = bytes
        bad[bad.count - 2] = 0xFF
        #expect(try streamed(bad) == nil)
        var nul = bytes
        nul[UTF8FileReading.bufferBytes + 7] = 0
        #expect(try streamed(nul) == nil)
        #expect(try streamed(bytes + [0xE4, 0xB8]) == nil)  // cut off by the end of the file
    }

    @Test func theReaderReportsABadByteOfALongFileAtItsOffsetAsBefore() throws {
        var bytes = longText(seed: 5)
        bytes[UTF8FileReading.bufferBytes * 3] = 0xFF
        let folder = try InputFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: DoppelError.notText(
                path: path,
                reason: "invalid UTF-8 at offset \(UTF8FileReading.bufferBytes * 3) and not GB18030 or Big5")
        ) {
            try InputReader.read(path: path)
        }
    }

    @Test func aRunThatEndsInsideASequenceStopsBeforeIt() {
        let bytes = Array("ab中".utf8)
        var out = [UInt32](repeating: 0, count: bytes.count)
        let cut = bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer {
                UTF8Decoding.decode(b.baseAddress!, 4, into: $0.baseAddress!, final: false)
            }
        }
        #expect(cut.read == 2 && cut.written == 2 && !cut.invalid)
        let last = bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer {
                UTF8Decoding.decode(b.baseAddress!, 4, into: $0.baseAddress!, final: true)
            }
        }
        #expect(last.read == 2 && last.invalid)
    }
}
