/// Strict UTF-16 decoding (either byte order) into code points.
enum UTF16Decoding {
    /// The outcome of decoding: the code points, or the byte offset of the first code unit that
    /// cannot be decoded (an unpaired surrogate, or a final odd byte).
    enum Result {
        case decoded([Unicode.Scalar])
        case invalid(offset: Int)
    }

    /// Decodes `bytes` as UTF-16 in the given byte order; a byte order mark is not dropped here.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> Result {
        let n = bytes.count
        guard n % 2 == 0 else { return .invalid(offset: n - 1) }
        guard let base = bytes.baseAddress else { return .decoded([]) }
        let high = bigEndian ? 0 : 1
        let low = 1 - high
        @inline(__always) func unit(_ i: Int) -> UInt32 {
            UInt32(base[i + high]) << 8 | UInt32(base[i + low])
        }
        var failure: Int?
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n / 2) { buffer, initialized in
            buffer.withMemoryRebound(to: UInt32.self) { out in
                var i = 0
                var k = 0
                while i < n {
                    let u = unit(i)
                    if u & 0xF800 != 0xD800 {
                        out[k] = u
                        i += 2
                    } else if u <= 0xDBFF, i + 2 < n, unit(i + 2) & 0xFC00 == 0xDC00 {
                        out[k] = 0x10000 + ((u - 0xD800) << 10 | (unit(i + 2) - 0xDC00))
                        i += 4
                    } else {
                        failure = i
                        break
                    }
                    k += 1
                }
                initialized = k
            }
        }
        if let failure { return .invalid(offset: failure) }
        return .decoded(scalars)
    }

    /// Guesses the byte order of UTF-16 text without a byte order mark from where its NUL bytes
    /// fall in the first 64 KiB: ASCII characters (line ends, digits, spaces) put a NUL in the
    /// high byte of their code unit, so NULs gather at odd offsets in little-endian text and at
    /// even offsets in big-endian text. A Han character whose low byte is zero (U+4E00, U+5B00, ...)
    /// puts one on the other side, hence the tolerance of one in eight.
    ///
    /// - Returns: `true` for big-endian, `false` for little-endian, `nil` when the pattern is not
    ///   that of UTF-16 (no NULs, NULs on both sides, or an odd length).
    /// - Complexity: O(min(n, 65536)).
    static func byteOrderFromNULs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count % 2 == 0 else { return nil }
        let limit = min(bytes.count, 65536)
        var even = 0
        var odd = 0
        var i = 0
        while i < limit {
            if bytes[i] == 0 { even += 1 }
            if bytes[i + 1] == 0 { odd += 1 }
            i += 2
        }
        if odd > 0, even <= odd / 8 { return false }
        if even > 0, odd <= even / 8 { return true }
        return nil
    }
}
