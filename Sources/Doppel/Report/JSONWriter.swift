/// A small streaming JSON writer with a fixed key order, so reports are byte-for-byte
/// reproducible. Strings are escaped per RFC 8259; non-ASCII text is written as UTF-8.
public struct JSONWriter {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    /// - Parameter pretty: indent nested values by two spaces (one value per line otherwise).
    public init(pretty: Bool = false) { self.pretty = pretty }

    public mutating func beginObject() { openValue(); output += "{"; needsComma.append(false) }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { openValue(); output += "["; needsComma.append(false) }
    public mutating func endArray() { close("]") }

    /// Writes a key; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        Self.escape(name, into: &output)
        output += pretty ? ": " : ":"
        needsComma[needsComma.count - 1] = false
        pendingValueAfterKey = true
    }

    public mutating func value(_ s: String) { openValue(); Self.escape(s, into: &output) }
    public mutating func value(_ n: Int) { openValue(); output += String(n) }
    public mutating func value(_ b: Bool) { openValue(); output += b ? "true" : "false" }
    public mutating func null() { openValue(); output += "null" }

    /// Writes a number with at most `digits` decimals, trailing zeros trimmed (`0.8125`, `1`).
    public mutating func value(_ d: Double, digits: Int = 4) {
        openValue()
        output += Self.format(d, digits: digits)
    }

    public mutating func field(_ name: String, _ s: String) { key(name); value(s) }
    public mutating func field(_ name: String, _ n: Int) { key(name); value(n) }
    public mutating func field(_ name: String, _ b: Bool) { key(name); value(b) }
    public mutating func field(_ name: String, _ d: Double) { key(name); value(d) }

    private var pendingValueAfterKey = false

    private mutating func openValue() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
        } else {
            separate()
        }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { output += "," }
        if pretty && needsComma.count > 1 {
            output += "\n" + String(repeating: "  ", count: needsComma.count - 1)
        }
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { output += "\n" + String(repeating: "  ", count: needsComma.count - 1) }
        output += bracket
    }

    /// Formats a number with at most `digits` decimals, trailing zeros trimmed.
    public static func format(_ d: Double, digits: Int = 4) -> String {
        guard d.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (d * scale).rounded() / scale
        if rounded == rounded.rounded(.towardZero) && abs(rounded) < 1e15 {
            return String(Int(rounded))
        }
        var s = String(rounded)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// Appends `s` as a JSON string literal.
    public static func escape(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0..<0x20, 0x2028, 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
