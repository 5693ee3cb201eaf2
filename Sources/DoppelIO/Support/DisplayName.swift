/// File names as messages and text reports show them: on one line, and distinct when the names
/// are. A file name may hold any byte but `/` and NUL, so a name read from a folder can contain a
/// line break, a terminal escape, or bytes that are not UTF-8.
public enum DisplayName {
    /// The raw bytes of a name as a string: valid UTF-8 as it is, each byte of an invalid
    /// sequence as `\xHH` (upper-case hex), so two names that differ in such bytes stay apart.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decoding(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var out = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                out.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case let .error(length):
                for byte in bytes[offset..<offset + length] { out.append(contentsOf: hex(byte).unicodeScalars) }
                offset += length
            case .emptyInput:
                break loop
            }
        }
        return String(out)
    }

    /// `name` with the characters that would break a one-line message escaped: `\n`, `\r`, `\t`,
    /// other C0 and C1 controls and DEL as `\xHH` or `\u{HH}`, and the line and paragraph
    /// separators U+2028 and U+2029 as `\u{2028}` and `\u{2029}`. Other text is unchanged.
    ///
    /// - Complexity: O(n) in the length of the name.
    public static func oneLine(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: needsEscape) else { return name }
        var out = ""
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F: out += hex(UInt8(scalar.value))
            case 0x80..<0xA0, 0x2028, 0x2029: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (byte < 0x10 ? "0" : "") + digits
    }
}
