import Dispatch
import DoppelIO

/// A small streaming JSON writer with a fixed key order, so reports are byte-for-byte
/// reproducible. Strings are escaped per RFC 8259; non-ASCII text is written as UTF-8. The
/// document is built as UTF-8 bytes; `output` makes the `String` once.
public struct JSONWriter: Sendable {
    private var bytes: [UInt8] = []
    /// The document written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// The document and a final line break as UTF-8, handed over without a copy (a long report
    /// is held once); the writer is left empty.
    public mutating func finish() -> [UInt8] {
        bytes.append(0x0A)
        defer { bytes = [] }
        return bytes
    }
    private var needsComma: [Bool] = [false]
    private let pretty: Bool

    /// - Parameter pretty: indent nested values by two spaces (one value per line otherwise).
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// An empty writer for more values of the array this writer is in, after the ones it has
    /// (or, with `followingValues`, after values another continuation writes first): parts of a
    /// long array can be written on several threads, then added in order with `append(_:)`.
    ///
    /// ```swift
    /// var json = JSONWriter(pretty: true)
    /// json.beginArray()
    /// var second = json.continuation(followingValues: true)
    /// second.value(2)
    /// json.value(1)
    /// json.append(second)
    /// json.endArray()  // [1, 2]
    /// ```
    ///
    /// - Complexity: O(depth of nesting).
    public func continuation(followingValues: Bool) -> JSONWriter {
        var part = JSONWriter(pretty: pretty)
        part.needsComma = needsComma
        part.needsComma[needsComma.count - 1] = needsComma[needsComma.count - 1] || followingValues
        return part
    }

    /// Adds the values `part` wrote, `part` being a `continuation` of the array this writer is in
    /// with its values and containers complete.
    ///
    /// - Precondition: `part` is as deeply nested as this writer.
    /// - Complexity: O(bytes of `part`).
    public mutating func append(_ part: JSONWriter) {
        precondition(part.needsComma.count == needsComma.count && !part.pendingValueAfterKey)
        bytes.append(contentsOf: part.bytes)
        if !part.bytes.isEmpty { needsComma[needsComma.count - 1] = true }
    }

    /// Adds the values each of `parts` wrote, in order, as `append(_:)` does, making room for
    /// them all first (each byte copied once).
    ///
    /// - Complexity: O(bytes of `parts`).
    public mutating func append(contentsOf parts: [JSONWriter]) {
        bytes.reserveCapacity(bytes.count + parts.reduce(0) { $0 + $1.bytes.count })
        for part in parts { append(part) }
    }

    /// Writes the values of `count` items into the array this writer is in: `write(range, &part)`
    /// writes those of `range`, part after part of `itemsPerPart` items on all cores, the parts
    /// then added in order; the same bytes as writing them all here, in one part when there are
    /// no more items than that.
    ///
    /// - Complexity: O(size of the values), spread over the cores.
    public mutating func writeInParts(
        _ count: Int, itemsPerPart: Int, _ write: @Sendable (Range<Int>, inout JSONWriter) -> Void
    ) {
        let parts = (count + itemsPerPart - 1) / itemsPerPart
        if parts <= 1 { return write(0..<count, &self) }
        let first = continuation(followingValues: false)
        let next = continuation(followingValues: true)
        let written = SharedSlots<JSONWriter?>(repeating: nil, count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            var writer = part == 0 ? first : next
            write(part * itemsPerPart..<min(count, (part + 1) * itemsPerPart), &writer)
            written[part] = writer
        }
        append(contentsOf: written.take(resettingTo: nil).map { $0! })
    }

    public mutating func beginObject() {
        openValue()
        raw("{")
        needsComma.append(false)
    }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() {
        openValue()
        raw("[")
        needsComma.append(false)
    }
    public mutating func endArray() { close("]") }

    /// Writes a key; the next call writes its value.
    public mutating func key(_ name: String) {
        separate()
        Self.escape(name, into: &bytes)
        raw(pretty ? ": " : ":")
        needsComma[needsComma.count - 1] = false
        pendingValueAfterKey = true
    }

    public mutating func value(_ s: String) {
        openValue()
        Self.escape(s, into: &bytes)
    }
    public mutating func value(_ n: Int) {
        openValue()
        raw(String(n))
    }
    public mutating func value(_ b: Bool) {
        openValue()
        raw(b ? "true" : "false")
    }
    public mutating func null() {
        openValue()
        raw("null")
    }

    /// Writes code points as a JSON string: the same bytes as `value(_:)` of their `String`
    /// (values that are not scalars as U+FFFD), encoded and escaped in one pass without building
    /// the string.
    ///
    /// - Complexity: O(n).
    public mutating func value(codePoints: UnsafeBufferPointer<UInt32>) {
        openValue()
        Self.escape(codePoints, into: &bytes)
    }

    public mutating func field(_ name: String, codePoints: ArraySlice<UInt32>) {
        key(name)
        codePoints.withUnsafeBufferPointer { value(codePoints: $0) }
    }
    public mutating func field(_ name: String, scalars: ArraySlice<Unicode.Scalar>) {
        key(name)
        scalars.withUnsafeBufferPointer { buffer in
            // A `Unicode.Scalar` is its 32-bit value: the same size, stride and alignment.
            buffer.withMemoryRebound(to: UInt32.self) { value(codePoints: $0) }
        }
    }

    /// Writes a number with at most `digits` decimals, trailing zeros trimmed (`0.8125`, `1`).
    public mutating func value(_ d: Double, digits: Int = 4) {
        openValue()
        raw(Self.format(d, digits: digits))
    }

    public mutating func field(_ name: String, _ s: String) {
        key(name)
        value(s)
    }
    public mutating func field(_ name: String, _ n: Int) {
        key(name)
        value(n)
    }
    public mutating func field(_ name: String, _ b: Bool) {
        key(name)
        value(b)
    }
    public mutating func field(_ name: String, _ d: Double) {
        key(name)
        value(d)
    }
    /// A number, or `null` when there is none (an option that is off).
    public mutating func field(_ name: String, _ d: Double?) {
        key(name)
        if let d { value(d) } else { null() }
    }

    private var pendingValueAfterKey = false

    private mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    private mutating func openValue() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
        } else {
            separate()
        }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
        if pretty && needsComma.count > 1 { newLine(depth: needsComma.count - 1) }
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { newLine(depth: needsComma.count - 1) }
        raw(bracket)
    }

    /// A line break and two spaces per level, appended without building a string.
    private mutating func newLine(depth: Int) {
        bytes.append(0x0A)
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
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

    /// Appends code points as a JSON string literal, as `escape(_:into:)` does for their
    /// `String`.
    ///
    /// - Complexity: O(n).
    static func escape(_ codePoints: UnsafeBufferPointer<UInt32>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + 2 + 3 * codePoints.count)
        out.append(0x22)
        // Runs that need no escape are encoded whole (`UTF8Encoding.append`).
        var start = 0
        for (i, u) in codePoints.enumerated() where u < 0x20 || u == 0x22 || u == 0x5C || u == 0x2028 || u == 0x2029 {
            UTF8Encoding.append(UnsafeBufferPointer(rebasing: codePoints[start..<i]), to: &out)
            start = i + 1
            switch u {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0x2028, 0x2029: out.append(contentsOf: Array((u == 0x2028 ? "\\u2028" : "\\u2029").utf8))
            default:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(u >> 4)], hex[Int(u & 0xF)]])
            }
        }
        UTF8Encoding.append(UnsafeBufferPointer(rebasing: codePoints[start...]), to: &out)
        out.append(0x22)
    }

    /// Appends `s` as a JSON string literal (UTF-8), escaping quotes, backslashes, control
    /// characters and U+2028/U+2029; runs that need no escape are copied whole.
    ///
    /// - Complexity: O(n) in the UTF-8 length of `s`.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Most strings need no escape: copy them whole without looking byte by byte twice.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out.append(contentsOf: s.utf8)
            out.append(0x22)
            return
        }
        let utf8 = Array(s.utf8)
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            if end > start { out.append(contentsOf: utf8[start..<end]) }
        }
        while i < utf8.count {
            let byte = utf8[i]
            var escaped: [UInt8]?
            var width = 1
            switch byte {
            case 0x22: escaped = Array("\\\"".utf8)
            case 0x5C: escaped = Array("\\\\".utf8)
            case 0x0A: escaped = Array("\\n".utf8)
            case 0x0D: escaped = Array("\\r".utf8)
            case 0x09: escaped = Array("\\t".utf8)
            case 0x08: escaped = Array("\\b".utf8)
            case 0x0C: escaped = Array("\\f".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                escaped = Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                escaped = Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default:
                break
            }
            if let escaped {
                flush(i)
                out.append(contentsOf: escaped)
                i += width
                start = i
            } else {
                i += 1
            }
        }
        flush(utf8.count)
        out.append(0x22)
    }
}
