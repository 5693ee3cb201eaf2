extension JSONCursor {
    /// Decodes the raw content of a JSON string (the bytes between its quotes) into code points.
    ///
    /// Runs of eight plain ASCII bytes (no backslash, no control character) are copied a word at
    /// a time; other bytes are validated as UTF-8 or read as escapes. The array is allocated
    /// once, sized by the number of bytes that are not UTF-8 continuation bytes (exact when there
    /// are no escapes).
    ///
    /// - Parameter column: the 1-based column of `raw`'s first byte, for error messages.
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, column: Int) throws(JSONLineError) -> [Unicode.Scalar] {
        let n = raw.count
        guard n > 0, let p = raw.baseAddress else { return [] }
        let capacity = n - continuationBytes(p, n)
        var failure: JSONLineError?
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            buffer.withMemoryRebound(to: UInt32.self) { out in
                let o = out.baseAddress!
                var i = 0
                var k = 0
                while i < n {
                    if i + 8 <= n {
                        let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                        if isPlainASCII(w) {
                            for j in 0..<8 { o[k + j] = UInt32(p[i + j]) }
                            i += 8
                            k += 8
                            continue
                        }
                    }
                    if i + 4 <= n, isCommonThreeByteSequence(loadWord(p + i)) {
                        // A run of Han (or kana, hangul, full-width) text, four bytes read at a time.
                        repeat {
                            let w = loadWord(p + i)
                            o[k] = (w & 0x0F) << 12 | (w >> 2 & 0xFC0) | (w >> 16 & 0x3F)
                            i += 3
                            k += 1
                        } while i + 4 <= n && isCommonThreeByteSequence(loadWord(p + i))
                        continue
                    }
                    let b = p[i]
                    if b >= 0x20 && b < 0x80 && b != 0x5C {
                        o[k] = UInt32(b)
                        i += 1
                    } else if b == 0x5C {
                        guard let (value, length) = escape(p, i, n) else {
                            failure = JSONLineError(column: column + i, message: "invalid escape in string")
                            break
                        }
                        o[k] = value
                        i += length
                    } else if b < 0x20 {
                        failure = JSONLineError(column: column + i, message: "control character in string")
                        break
                    } else {
                        let length = UTF8Decoding.sequenceLength(p, i, n)
                        guard length > 0 else {
                            failure = JSONLineError(column: column + i, message: "invalid UTF-8 in string")
                            break
                        }
                        o[k] = utf8Value(p, i, length)
                        i += length
                    }
                    k += 1
                }
                initialized = k
            }
        }
        if let failure { throw failure }
        return scalars
    }

    /// Checks the raw content of a JSON string as `decode` reads it, throwing the error `decode`
    /// would throw, without producing the code points: escapes, control characters and UTF-8
    /// are checked, runs of eight plain ASCII bytes skipped a word at a time.
    ///
    /// - Parameter column: the 1-based column of `raw`'s first byte, for error messages.
    /// - Complexity: O(n) in the number of bytes; allocates nothing.
    static func validate(_ raw: UnsafeBufferPointer<UInt8>, column: Int) throws(JSONLineError) {
        let n = raw.count
        guard n > 0, let p = raw.baseAddress else { return }
        var i = 0
        while i < n {
            if i + 8 <= n, isPlainASCII(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            if i + 4 <= n, isCommonThreeByteSequence(loadWord(p + i)) {
                repeat { i += 3 } while i + 4 <= n && isCommonThreeByteSequence(loadWord(p + i))
                continue
            }
            let b = p[i]
            if b >= 0x20 && b < 0x80 && b != 0x5C {
                i += 1
            } else if b == 0x5C {
                guard let (_, length) = escape(p, i, n) else {
                    throw JSONLineError(column: column + i, message: "invalid escape in string")
                }
                i += length
            } else if b < 0x20 {
                throw JSONLineError(column: column + i, message: "control character in string")
            } else {
                let length = UTF8Decoding.sequenceLength(p, i, n)
                guard length > 0 else {
                    throw JSONLineError(column: column + i, message: "invalid UTF-8 in string")
                }
                i += length
            }
        }
    }

    /// The four bytes at `p`, the first lowest.
    @inline(__always)
    private static func loadWord(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
    }

    /// Whether the lowest three bytes of `w` (bytes in text order, the first lowest) are a
    /// three-byte UTF-8 sequence led by `E1`-`EC`, `EE` or `EF`, whose second byte may be any
    /// continuation byte: most of the BMP, Han, kana, hangul and full-width forms included. Such
    /// a sequence is always well-formed, so CJK text skips `UTF8Decoding.sequenceLength`'s
    /// range checks; `E0` and `ED` (overlong forms, surrogates) take the checked path.
    @inline(__always)
    private static func isCommonThreeByteSequence(_ w: UInt32) -> Bool {
        let lead = w & 0xFF
        return w & 0x00C0_C0F0 == 0x0080_80E0 && lead != 0xE0 && lead != 0xED
    }

    /// Whether none of the eight bytes of `w` is a backslash, a control character or non-ASCII.
    @inline(__always)
    private static func isPlainASCII(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let backslash = w ^ (ones &* 0x5C)
        let hasBackslash = (backslash &- ones) & ~backslash & high
        let hasControl = (w &- ones &* 0x20) & ~w & high
        return (w & high) | hasBackslash | hasControl == 0
    }

    /// The number of UTF-8 continuation bytes (`10xxxxxx`) among the `n` bytes at `p`.
    private static func continuationBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var count = 0
        var i = 0
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            count += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < n {
            if p[i] & 0xC0 == 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The code point of the valid UTF-8 sequence of `length` bytes at `i`.
    @inline(__always)
    private static func utf8Value(_ p: UnsafePointer<UInt8>, _ i: Int, _ length: Int) -> UInt32 {
        let lead = UInt32(p[i])
        switch length {
        case 2: return (lead & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
        case 3: return (lead & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                | UInt32(p[i + 3] & 0x3F)
        }
    }

    /// The code point and byte length of the escape at `i` (a backslash), or `nil` if invalid.
    /// A `\u` high surrogate followed by a `\u` low surrogate is one code point; a lone
    /// surrogate is U+FFFD.
    private static func escape(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int)? {
        guard i + 1 < n else { return nil }
        switch p[i + 1] {
        case 0x22: return (0x22, 2)
        case 0x5C: return (0x5C, 2)
        case 0x2F: return (0x2F, 2)
        case 0x62: return (0x08, 2)
        case 0x66: return (0x0C, 2)
        case 0x6E: return (0x0A, 2)
        case 0x72: return (0x0D, 2)
        case 0x74: return (0x09, 2)
        case 0x75:
            guard let unit = hex4(p, i + 2, n) else { return nil }
            if unit & 0xFC00 == 0xD800 {
                if i + 11 < n, p[i + 6] == 0x5C, p[i + 7] == 0x75, let low = hex4(p, i + 8, n),
                    low & 0xFC00 == 0xDC00
                {
                    return (0x10000 + ((unit - 0xD800) << 10 | (low - 0xDC00)), 12)
                }
                return (0xFFFD, 6)
            }
            return (unit & 0xF800 == 0xD800 ? 0xFFFD : unit, 6)
        default:
            return nil
        }
    }

    /// The value of four hexadecimal digits at `i`, or `nil`.
    private static func hex4(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt32? {
        guard i + 4 <= n else { return nil }
        var value: UInt32 = 0
        for k in i..<i + 4 {
            let c = UInt32(p[k])
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x61...0x66: digit = c - 0x61 + 10
            case 0x41...0x46: digit = c - 0x41 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
