import Foundation

/// GB18030 and Big5 decoding: a structural check of our own (which reports the offset of the
/// first malformed sequence) followed by Foundation's converters.
///
/// The `String.Encoding` raw values are CoreFoundation's encoding constants wrapped as Foundation
/// does (`0x8000_0000 | kCFStringEncodingGB_18030_2000` and `... | kCFStringEncodingBig5`); the
/// tests round-trip Chinese text through both.
enum ChineseEncodings {
    /// Foundation's GB18030 encoding.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
    /// Foundation's Big5 encoding.
    static let big5 = String.Encoding(rawValue: 0x8000_0A03)

    /// The outcome of decoding: the code points, or why the bytes are not in the encoding.
    enum Result {
        case decoded([Unicode.Scalar])
        case invalid(reason: String)
    }

    /// Decodes `bytes` as GB18030 or Big5 (`encoding` must be one of the two).
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding) -> Result {
        let isGB = encoding == .gb18030
        let malformed = bytes.withUnsafeBufferPointer { buffer in
            isGB ? firstMalformedGB18030(buffer) : firstMalformedBig5(buffer)
        }
        if let malformed {
            return .invalid(reason: "invalid \(encoding.rawValue) at offset \(malformed)")
        }
        guard let string = String(bytes: bytes, encoding: isGB ? gb18030 : big5) else {
            return .invalid(reason: "not valid \(encoding.rawValue)")
        }
        return .decoded(Array(string.unicodeScalars))
    }

    /// The offset of the first byte that does not start a well-formed GB18030 sequence: one byte
    /// 0x00-0x80 (0x80 is the euro sign in Foundation's table), two bytes 81-FE + 40-7E|80-FE, or
    /// four bytes 81-FE + 30-39 + 81-FE + 30-39.
    ///
    /// - Complexity: O(n).
    static func firstMalformedGB18030(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            if b <= 0x80 {
                i += 1
                continue
            }
            guard b != 0xFF, i + 1 < n else { return i }
            let second = p[i + 1]
            if (0x40...0xFE).contains(second) && second != 0x7F {
                i += 2
            } else if (0x30...0x39).contains(second), i + 3 < n, (0x81...0xFE).contains(p[i + 2]),
                (0x30...0x39).contains(p[i + 3])
            {
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    /// The offset of the first byte that does not start a well-formed Big5 sequence: one byte
    /// 0x00-0x80, or two bytes 81-FE + 40-7E|A1-FE.
    ///
    /// - Complexity: O(n).
    static func firstMalformedBig5(_ p: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            if b <= 0x80 {
                i += 1
                continue
            }
            guard b != 0xFF, i + 1 < n else { return i }
            let second = p[i + 1]
            guard (0x40...0x7E).contains(second) || (0xA1...0xFE).contains(second) else { return i }
            i += 2
        }
        return nil
    }
}
