/// UTF-8 encoding of code points, straight into a `String`'s storage or onto a byte array: the
/// fast way to turn many code points into text (no append per scalar, no generic iteration).
package enum UTF8Encoding {
    /// The code points as a `String`, encoded straight into the string's own storage (values
    /// that are not scalars become U+FFFD).
    ///
    /// - Complexity: O(n).
    package static func string(_ units: UnsafeBufferPointer<UInt32>) -> String {
        guard !units.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: units.count * 4) { encode(units, into: $0) }
    }

    /// Appends the UTF-8 bytes of code points (values that are not scalars as U+FFFD), encoded
    /// a chunk at a time into a buffer on the stack and appended whole: no capacity check per
    /// byte.
    ///
    /// - Complexity: O(n).
    package static func append(_ units: UnsafeBufferPointer<UInt32>, to bytes: inout [UInt8]) {
        let chunk = 1024
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * chunk) { buffer in
            var i = 0
            while i < units.count {
                let end = min(i + chunk, units.count)
                let n = encode(UnsafeBufferPointer(rebasing: units[i..<end]), into: buffer)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<n]))
                i = end
            }
        }
    }

    /// Writes the UTF-8 bytes of code points at the start of `out` (values that are not
    /// scalars as U+FFFD) and returns how many it wrote.
    ///
    /// - Precondition: `out.count >= 4 * units.count`.
    /// - Complexity: O(n).
    static func encode(_ units: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(out.count >= 4 * units.count)
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
