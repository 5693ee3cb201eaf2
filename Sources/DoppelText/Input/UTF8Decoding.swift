import DoppelIO

/// Strict UTF-8 validation and decoding into code points, over contiguous bytes.
///
/// Two passes: `validate` checks every sequence (RFC 3629: no overlongs, no surrogates, nothing
/// above U+10FFFF) and counts code points; `decodeValid` then fills an exactly sized array without
/// checks. Both passes skip runs of ASCII eight bytes at a time.
enum UTF8Decoding {
    /// The outcome of validation: the number of code points, or the offset of the first byte of the
    /// first invalid (or truncated) sequence.
    enum Validation: Equatable {
        case valid(count: Int)
        case invalid(offset: Int)
    }

    /// Decodes strictly; `nil` when the bytes are not valid UTF-8 (call `validate` for the offset).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        guard case let .valid(count) = validate(bytes) else { return nil }
        return decodeValid(bytes, count: count)
    }

    /// Checks that the bytes are well-formed UTF-8 and counts the code points.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Validation {
        guard let base = bytes.baseAddress else { return .valid(count: 0) }
        let n = bytes.count
        var i = 0
        var count = 0
        while i < n {
            let lead = base[i]
            if lead < 0x80 {
                if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    count += 8
                } else {
                    i += 1
                    count += 1
                }
                continue
            }
            let length = sequenceLength(base, i, n)
            if length == 0 { return .invalid(offset: i) }
            i += length
            count += 1
        }
        return .valid(count: count)
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

    /// Decodes bytes already known to be valid UTF-8 holding exactly `count` code points.
    ///
    /// - Precondition: `validate(bytes) == .valid(count: count)`.
    /// - Complexity: O(n) in the number of bytes.
    static func decodeValid(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [Unicode.Scalar] {
        guard count > 0, let base = bytes.baseAddress else { return [] }
        let n = bytes.count
        return [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
            HugePages.advise(buffer)
            buffer.withMemoryRebound(to: UInt32.self) { out in
                guard let o = out.baseAddress else { return }
                var i = 0
                var k = 0
                while i < n {
                    let lead = UInt32(base[i])
                    if lead < 0x80 {
                        if i + 8 <= n,
                            UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                        {
                            for j in 0..<8 { o[k + j] = UInt32(base[i + j]) }
                            i += 8
                            k += 8
                            continue
                        }
                        o[k] = lead
                        i += 1
                    } else if lead < 0xE0 {
                        o[k] = (lead & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                        i += 2
                    } else if lead < 0xF0 {
                        o[k] =
                            (lead & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6
                            | UInt32(base[i + 2] & 0x3F)
                        i += 3
                    } else {
                        o[k] =
                            (lead & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12
                            | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                        i += 4
                    }
                    k += 1
                }
            }
            initialized = count
        }
    }
}
