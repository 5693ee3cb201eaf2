/// UTF-8 encoding of code points into a byte buffer: the fast way to build a `String` from
/// many code points (one `String(decoding:as:)` at the end instead of an append per scalar).
package enum UTF8Encoding {
    /// Appends the UTF-8 bytes of `u`; values that are not scalars become U+FFFD.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    static func append(_ u: UInt32, to bytes: inout [UInt8]) {
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

    /// The code points as a `String`.
    ///
    /// - Complexity: O(n).
    package static func string<C: Collection>(_ units: C) -> String where C.Element == UInt32 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.count * 3)
        for u in units { append(u, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
