import DoppelIO
import Foundation

/// Reading a long UTF-8 file straight into code points through one small buffer, instead of
/// reading it whole and decoding that: the file's bytes never take memory of their own (10 MB
/// of fresh pages for a 10 MB file, each zeroed by the kernel before it is written), the buffer
/// stays in cache, and the decoder's counting pass is not needed (the code points cannot outnumber
/// the file's bytes, so that many are room enough; memory never written is never touched).
///
/// It gives exactly what `TextDecoding.decode` gives on the file's bytes, or nothing: a file it
/// does not decode to the end as valid UTF-8 without a NUL byte (another encoding, a byte order
/// mark, a binary signature, a PDF, bad bytes, a file that grew) is left to the whole-file path,
/// which reads it again from its start and decides as always.
enum UTF8FileReading {
    /// Files shorter than this are read whole: a second buffer would not pay.
    static let minimumBytes = 1 << 20

    /// The bytes read at a time: small enough to stay in a core's cache.
    static let bufferBytes = 1 << 17

    /// The code points of the regular file open at `fd`, whose size is `size`, read from its
    /// start with `pread` (the descriptor's offset is left at 0); `nil` when the whole-file path
    /// must read it: shorter than `minimumBytes`, longer than `FileBytes.maximumBytes`, a PDF,
    /// or anything `TextDecoding` would not read as plain UTF-8.
    ///
    /// - Throws: `DoppelError.unreadable` naming `path` when reading fails.
    /// - Complexity: O(n) in the size of the file, one pass; O(`bufferBytes`) memory besides the
    ///   code points.
    static func read(_ fd: Int32, size: Int, path: String) throws -> (
        scalars: [Unicode.Scalar], starts: LineStarts
    )? {
        guard size >= minimumBytes, size <= FileBytes.maximumBytes else { return nil }
        var buffer = [UInt8](repeating: 0, count: bufferBytes)
        var whole = true
        var starts = LineStarts()
        let scalars = try [Unicode.Scalar](unsafeUninitializedCapacity: size) { out, initialized in
            HugePages.advise(out)
            try out.withMemoryRebound(to: UInt32.self) { o in
                try buffer.withUnsafeMutableBufferPointer { b in
                    // Invariant: `offset` bytes of the file were read, `carry` of them (the start
                    // of a sequence cut by the buffer's end) wait at the buffer's start, and `k`
                    // code points, fewer than the `offset - carry` bytes decoded, are written;
                    // a run is decoded only while `offset <= size`, so `k` stays within `size`.
                    let base = b.baseAddress!
                    var offset = 0
                    var carry = 0
                    var k = 0
                    var indexed = 0
                    while true {
                        let got = FileBytes.readAt(fd, base + carry, b.count - carry, offset: offset)
                        guard got >= 0 else {
                            throw DoppelError.unreadable(path: path, reason: FileBytes.reason(errno))
                        }
                        if offset == 0 {
                            let head = Array(b[0..<min(got, 16)])
                            guard TextDecoding.reachesUTF8Step(head), !PDFText.looksLikePDF(head) else {
                                whole = false
                                break
                            }
                        }
                        offset += got
                        let final = got == 0
                        guard offset <= size, memchr(base + carry, 0, got) == nil else {
                            whole = false
                            break
                        }
                        let run = UTF8Decoding.decode(base, carry + got, into: o.baseAddress! + k, final: final)
                        k += run.written
                        guard !run.invalid else {
                            whole = false
                            break
                        }
                        // A break is judged by the code point after it: the last one waits for the
                        // next run, unless the text ends here.
                        let decoded = UnsafePointer(o.baseAddress!)
                        indexed = starts.scan(decoded, from: indexed, to: final ? k : k - 1, count: k)
                        if final { break }
                        carry = carry + got - run.read
                        if carry > 0 { memmove(base, base + run.read, carry) }
                    }
                    initialized = k
                }
            }
        }
        return whole ? (scalars, starts) : nil
    }
}
