import DoppelIO

/// Strict UTF-8 decoding into code points, over contiguous bytes.
///
/// Two passes: `leadByteCount` counts the bytes that are not continuation bytes, which is the
/// number of code points when the bytes are valid, and sizes the array exactly; `decode` then
/// checks every sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) as it
/// decodes it into that array, stopping at the first invalid one. Both skip runs of ASCII eight
/// bytes at a time. `decode(_:_:into:final:)` decodes one run of bytes of a longer input
/// (`UTF8FileReading` reads a file through one buffer).
enum UTF8Decoding {
    /// The outcome of decoding: the code points, or the offset of the first byte of the first
    /// invalid (or truncated) sequence.
    enum Decoding: Equatable {
        case decoded([Unicode.Scalar])
        case invalid(offset: Int)
    }

    /// Decodes strictly.
    ///
    /// - Complexity: O(n) in the number of bytes: one pass to count, one to check and decode.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoding {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return .decoded([]) }
        let count = leadByteCount(bytes)
        var invalid = -1
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(buffer)
            buffer.withMemoryRebound(to: UInt32.self) { out in
                guard let o = out.baseAddress else { return }
                // `count` code points are room for every sequence of the bytes (one lead byte each).
                let run = decode(base, bytes.count, into: o, final: true)
                if run.invalid { invalid = run.read }
                initialized = run.written
            }
        }
        return invalid >= 0 ? .invalid(offset: invalid) : .decoded(scalars)
    }

    /// Decodes the `n` bytes at `base` into code points at `o`, up to the first invalid sequence,
    /// or, when `final` is false, up to a sequence the bytes end inside (its first byte is among
    /// the last three, and the bytes after it may complete it), which the next run starts with.
    ///
    /// - Precondition: `o` has room for one code point per lead byte (at most `n`).
    /// - Returns: the bytes decoded (where decoding stopped), the code points written, and
    ///   whether it stopped at an invalid sequence.
    /// - Complexity: O(n), runs of ASCII eight bytes at a time.
    static func decode(
        _ base: UnsafePointer<UInt8>, _ n: Int, into o: UnsafeMutablePointer<UInt32>, final: Bool
    ) -> (read: Int, written: Int, invalid: Bool) {
        // Invariant: `k` is the number of sequences decoded, each from a lead byte before `i`, so
        // every write below is inside the room the caller gave; continuation bytes are checked
        // before a write.
        @inline(__always) func isContinuation(_ j: Int) -> Bool { j < n && base[j] & 0xC0 == 0x80 }
        var i = 0
        var k = 0
        while i < n {
            let lead = base[i]
            if lead < 0x80 {
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for j in 0..<8 { o[k + j] = UInt32(base[i + j]) }
                    i += 8
                    k += 8
                    continue
                }
                o[k] = UInt32(lead)
                i += 1
                k += 1
                continue
            }
            switch lead {
            case 0xC2...0xDF:
                guard isContinuation(i + 1) else { break }
                o[k] = UInt32(lead & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                i += 2
                k += 1
                continue
            case 0xE0...0xEF:
                guard i + 1 < n else { break }
                let second = base[i + 1]
                let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                guard second >= low, second <= high, isContinuation(i + 2) else { break }
                o[k] = UInt32(lead & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
                i += 3
                k += 1
                // A run of three-byte sequences (Chinese text) taken in one loop: a lead of
                // E1-EC or EE-EF (whose second byte is any continuation byte) and two
                // continuation bytes, all inside the `n` bytes, are one code point; anything else
                // goes back to the switch.
                while i + 3 <= n {
                    let l = base[i]
                    let b1 = base[i + 1]
                    let b2 = base[i + 2]
                    guard l & 0xF0 == 0xE0, l != 0xE0, l != 0xED, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { break }
                    o[k] = UInt32(l & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
                    i += 3
                    k += 1
                }
                continue
            case 0xF0...0xF4:
                guard i + 1 < n else { break }
                let second = base[i + 1]
                let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                guard second >= low, second <= high, isContinuation(i + 2), isContinuation(i + 3) else { break }
                o[k] =
                    UInt32(lead & 0x07) << 18 | UInt32(second & 0x3F) << 12 | UInt32(base[i + 2] & 0x3F) << 6
                    | UInt32(base[i + 3] & 0x3F)
                i += 4
                k += 1
                continue
            default:
                break
            }
            // Not decodable here: invalid, or cut off by the end of a run that is not the last.
            return (i, k, final || i + 4 <= n)
        }
        return (i, k, false)
    }

    /// The number of bytes that are not continuation bytes (`10xxxxxx`): the number of code
    /// points of valid UTF-8.
    ///
    /// - Complexity: O(n), eight bytes at a time.
    static func leadByteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var count = 0
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Bit 7 of each byte set when the byte is 10xxxxxx.
            let continuation = w & 0x8080_8080_8080_8080 & ((~w & 0x4040_4040_4040_4040) << 1)
            count += 8 - continuation.nonzeroBitCount
            i += 8
        }
        while i < n {
            if base[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The length of the well-formed sequence starting with a non-ASCII lead byte at `i` of the
    /// `n` bytes at `p`, or 0 when it is malformed or truncated.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        @inline(__always) func isContinuation(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        let lead = p[i]
        switch lead {
        case 0xC2...0xDF:
            return isContinuation(i + 1) ? 2 : 0
        case 0xE0...0xEF:
            guard i + 1 < n else { return 0 }
            let second = p[i + 1]
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard second >= low, second <= high, isContinuation(i + 2) else { return 0 }
            return 3
        case 0xF0...0xF4:
            guard i + 1 < n else { return 0 }
            let second = p[i + 1]
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard second >= low, second <= high, isContinuation(i + 2), isContinuation(i + 3) else {
                return 0
            }
            return 4
        default:
            return 0
        }
    }
}
