/// UTF-8 encoding of code points into a byte buffer: the fast way to build a `String` from
/// many code points (one `String(decoding:as:)` at the end instead of an append per scalar).
package enum UTF8Encoding {
    /// Appends the UTF-8 bytes of `u`; values that are not scalars become U+FFFD.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    package static func append(_ u: UInt32, to bytes: inout [UInt8]) {
        switch u {
        case 0..<0x80:
            bytes.append(UInt8(u))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (u >> 6)))
            bytes.append(UInt8(0x80 | (u & 0x3F)))
        case 0xD800..<0xE000:
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (u >> 12)))
            bytes.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (u & 0x3F)))
        case 0x10000..<0x110000:
            bytes.append(UInt8(0xF0 | (u >> 18)))
            bytes.append(UInt8(0x80 | ((u >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (u & 0x3F)))
        default:
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
        }
    }

    /// The code points as a `String`, encoded straight into the string's own storage (values
    /// that are not scalars become U+FFFD).
    ///
    /// - Complexity: O(n).
    package static func string(_ units: UnsafeBufferPointer<UInt32>) -> String {
        guard !units.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: units.count * 4) { out in
            // Invariant: each code point takes at most 4 bytes, so `n + 4 <= out.count` before
            // every write.
            var n = 0
            for u in units {
                switch u {
                case 0..<0x80:
                    out[n] = UInt8(u)
                    n += 1
                case 0x80..<0x800:
                    out[n] = UInt8(0xC0 | (u >> 6))
                    out[n + 1] = UInt8(0x80 | (u & 0x3F))
                    n += 2
                case 0x800..<0xD800, 0xE000..<0x10000:
                    out[n] = UInt8(0xE0 | (u >> 12))
                    out[n + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                    out[n + 2] = UInt8(0x80 | (u & 0x3F))
                    n += 3
                case 0x10000..<0x110000:
                    out[n] = UInt8(0xF0 | (u >> 18))
                    out[n + 1] = UInt8(0x80 | ((u >> 12) & 0x3F))
                    out[n + 2] = UInt8(0x80 | ((u >> 6) & 0x3F))
                    out[n + 3] = UInt8(0x80 | (u & 0x3F))
                    n += 4
                default:
                    (out[n], out[n + 1], out[n + 2]) = (0xEF, 0xBF, 0xBD)
                    n += 3
                }
            }
            return n
        }
    }

    /// The code points of a slice as a `String`.
    ///
    /// - Complexity: O(n).
    package static func string(_ units: ArraySlice<UInt32>) -> String {
        units.withUnsafeBufferPointer { string($0) }
    }

    /// The scalars of a slice as a `String`.
    ///
    /// - Complexity: O(n).
    package static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        scalars.withUnsafeBufferPointer { buffer in
            // A `Unicode.Scalar` is its 32-bit value: the same size, stride and alignment.
            buffer.withMemoryRebound(to: UInt32.self) { string($0) }
        }
    }
}
