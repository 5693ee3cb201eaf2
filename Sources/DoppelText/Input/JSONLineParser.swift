#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure while parsing one JSON Lines record; `column` is 1-based, in bytes.
struct JSONLineError: Error, Equatable {
    var column: Int?
    var message: String

    /// The reason as `DoppelError.badRecord` words it.
    var reason: String { column.map { "\(message) at column \($0)" } ?? message }
}

/// Parses one line of a JSON Lines file: an object from which the id and the text are taken.
///
/// The grammar is JSON's (RFC 8259) for the object and its values; values of other fields are
/// checked for structure (brackets, commas, colons, string quotes, number and literal syntax) and
/// skipped without being decoded. The id must be a string or an integer (kept as written, e.g.
/// `-12`); the text must be a string. Strings are decoded with all escapes, surrogate pairs
/// (`\ud83d\ude00`) combined; a lone surrogate escape becomes U+FFFD. The id and text strings must
/// be valid UTF-8 and hold no raw control characters.
struct JSONLineParser {
    let idKey: [UInt8]
    let textKey: [UInt8]

    init(idField: String, textField: String) {
        idKey = Array(idField.utf8)
        textKey = Array(textField.utf8)
    }

    /// The id and text of the record on `line` (without its `\n`), or `nil` for a blank line.
    ///
    /// - Complexity: O(n) in the length of the line.
    func parse(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLineError) -> (id: String, text: [Unicode.Scalar])? {
        guard let (id, text) = try parseFields(line, decodingText: true) else { return nil }
        return (id, text ?? [])
    }

    /// The id of the record on `line`, or `nil` for a blank line, with every check `parse` makes
    /// (the text is validated as `parse` would decode it, and the same errors are thrown), but
    /// without decoding the text: a scan that only needs each record's id and location (the
    /// first pass over a JSON Lines corpus) allocates nothing per code point.
    ///
    /// - Complexity: O(n) in the length of the line.
    func parseID(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLineError) -> String? {
        try parseFields(line, decodingText: false)?.id
    }

    /// The id and, when `decodingText`, the decoded text of the record on `line`.
    private func parseFields(_ line: UnsafeBufferPointer<UInt8>, decodingText: Bool) throws(JSONLineError)
        -> (id: String, text: [Unicode.Scalar]?)?
    {
        var cursor = JSONCursor(line)
        cursor.skipSpace()
        if cursor.atEnd { return nil }
        try cursor.expect(UInt8(ascii: "{"), "expected '{'")
        var id: String?
        var text: [Unicode.Scalar]?
        var sawText = false
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "}") {
            cursor.advance()
        } else {
            while true {
                guard cursor.peek == UInt8(ascii: "\"") else { throw cursor.error("expected a field name") }
                let keyStart = cursor.position
                let key = try cursor.stringSpan()
                cursor.skipSpace()
                try cursor.expect(UInt8(ascii: ":"), "expected ':'")
                cursor.skipSpace()
                if try cursor.spanEquals(key, textKey) {
                    guard !sawText else {
                        throw JSONLineError(column: keyStart + 1, message: "duplicate \(quoted(textKey)) field")
                    }
                    guard cursor.peek == UInt8(ascii: "\"") else {
                        throw cursor.error("\(quoted(textKey)) is not a string")
                    }
                    sawText = true
                    if decodingText {
                        text = try cursor.decodedString()
                    } else {
                        try cursor.validatedString()
                    }
                } else if try cursor.spanEquals(key, idKey) {
                    guard id == nil else {
                        throw JSONLineError(column: keyStart + 1, message: "duplicate \(quoted(idKey)) field")
                    }
                    id = try cursor.idValue(quoted(idKey))
                } else {
                    try cursor.skipValue()
                }
                cursor.skipSpace()
                if cursor.peek == UInt8(ascii: ",") {
                    cursor.advance()
                    cursor.skipSpace()
                } else if cursor.peek == UInt8(ascii: "}") {
                    cursor.advance()
                    break
                } else {
                    throw cursor.error("expected ',' or '}'")
                }
            }
        }
        cursor.skipSpace()
        guard cursor.atEnd else { throw cursor.error("unexpected text after the object") }
        guard sawText else { throw JSONLineError(column: nil, message: "missing \(quoted(textKey)) field") }
        guard let id else { throw JSONLineError(column: nil, message: "missing \(quoted(idKey)) field") }
        return (id, text)
    }

    private func quoted(_ key: [UInt8]) -> String { "\"\(String(decoding: key, as: UTF8.self))\"" }
}

/// A read position in one line of JSON, with the scanning primitives of `JSONLineParser`.
struct JSONCursor {
    private let p: UnsafePointer<UInt8>
    private let n: Int
    private(set) var position = 0

    init(_ line: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; any valid pointer serves, as none is read.
        p = line.baseAddress ?? UnsafePointer(bitPattern: 1)!
        n = line.count
    }

    var atEnd: Bool { position >= n }
    /// The current byte, or 0 at the end (0 never starts a valid token).
    var peek: UInt8 { position < n ? p[position] : 0 }

    mutating func advance() { position += 1 }

    func error(_ message: String) -> JSONLineError {
        JSONLineError(column: position + 1, message: atEnd ? "\(message) (end of line)" : message)
    }

    mutating func skipSpace() {
        while position < n {
            let b = p[position]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8, _ message: String) throws(JSONLineError) {
        guard peek == byte else { throw error(message) }
        position += 1
    }

    /// Moves past the string starting at the current `"`; returns the range of its raw content.
    /// The closing quote is the first `"` preceded by an even number of backslashes.
    mutating func stringSpan() throws(JSONLineError) -> Range<Int> {
        let start = position + 1
        var i = start
        while i < n, let hit = memchr(p + i, 0x22, n - i) {
            let quote = UnsafeRawPointer(hit) - UnsafeRawPointer(p)
            var backslashes = 0
            while quote - backslashes - 1 >= start, p[quote - backslashes - 1] == 0x5C { backslashes += 1 }
            if backslashes % 2 == 0 {
                position = quote + 1
                return start..<quote
            }
            i = quote + 1
        }
        throw JSONLineError(column: start, message: "unterminated string")
    }

    /// Whether the raw string content `span` spells `key` (decoding escapes when it has any).
    func spanEquals(_ span: Range<Int>, _ key: [UInt8]) throws(JSONLineError) -> Bool {
        let raw = UnsafeBufferPointer(start: p + span.lowerBound, count: span.count)
        if memchr(raw.baseAddress!, 0x5C, raw.count) == nil {
            return raw.elementsEqual(key)
        }
        let decoded = try Self.decode(raw, column: span.lowerBound + 1)
        return String(String.UnicodeScalarView(decoded)).utf8.elementsEqual(key)
    }

    /// Decodes the string starting at the current `"` and moves past it.
    mutating func decodedString() throws(JSONLineError) -> [Unicode.Scalar] {
        let span = try stringSpan()
        return try Self.decode(
            UnsafeBufferPointer(start: p + span.lowerBound, count: span.count),
            column: span.lowerBound + 1)
    }

    /// Checks the string starting at the current `"` as `decodedString` decodes it (the same
    /// errors at the same columns) and moves past it.
    mutating func validatedString() throws(JSONLineError) {
        let span = try stringSpan()
        try Self.validate(
            UnsafeBufferPointer(start: p + span.lowerBound, count: span.count),
            column: span.lowerBound + 1)
    }

    /// The id at the current position: a string, or an integer kept as written.
    mutating func idValue(_ name: String) throws(JSONLineError) -> String {
        let b = peek
        if b == 0x22 { return String(String.UnicodeScalarView(try decodedString())) }
        if b == 0x2D || (b >= 0x30 && b <= 0x39) {
            let start = position
            let isInteger = try skipNumber()
            guard isInteger else {
                throw JSONLineError(column: start + 1, message: "\(name) is a number but not an integer")
            }
            return String(decoding: UnsafeBufferPointer(start: p + start, count: position - start), as: UTF8.self)
        }
        throw error("\(name) is not a string or an integer")
    }

    /// Moves past a number (RFC 8259 syntax); returns whether it has no fraction or exponent.
    mutating func skipNumber() throws(JSONLineError) -> Bool {
        func digits(_ i: inout Int) -> Int {
            let start = i
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
            return i - start
        }
        var i = position
        if i < n, p[i] == 0x2D { i += 1 }
        let intStart = i
        let intDigits = digits(&i)
        guard intDigits > 0, intDigits == 1 || p[intStart] != 0x30 else {
            throw JSONLineError(column: intStart + 1, message: "invalid number")
        }
        var integer = true
        if i < n, p[i] == 0x2E {
            i += 1
            integer = false
            guard digits(&i) > 0 else { throw JSONLineError(column: i + 1, message: "invalid number") }
        }
        if i < n, p[i] | 0x20 == 0x65 {
            i += 1
            integer = false
            if i < n, p[i] == 0x2B || p[i] == 0x2D { i += 1 }
            guard digits(&i) > 0 else { throw JSONLineError(column: i + 1, message: "invalid number") }
        }
        position = i
        return integer
    }

    /// Moves past one value of any type, checking its structure without decoding it.
    mutating func skipValue() throws(JSONLineError) {
        var open: [UInt8] = []  // the closing bracket expected for each container entered
        while true {
            // A value.
            switch peek {
            case 0x22:
                _ = try stringSpan()
            case 0x2D, 0x30...0x39:
                _ = try skipNumber()
            case 0x74: try literal("true")
            case 0x66: try literal("false")
            case 0x6E: try literal("null")
            case 0x7B, 0x5B:
                let closing: UInt8 = peek == 0x7B ? 0x7D : 0x5D
                position += 1
                skipSpace()
                if peek == closing {
                    position += 1
                } else {
                    open.append(closing)
                    if closing == 0x7D { try memberName() }
                    continue
                }
            default:
                throw error("expected a value")
            }
            // After a value: close containers, or go on to the next element.
            while let closing = open.last {
                skipSpace()
                if peek == 0x2C {
                    position += 1
                    skipSpace()
                    if closing == 0x7D { try memberName() }
                    break
                } else if peek == closing {
                    position += 1
                    open.removeLast()
                } else {
                    throw error(closing == 0x7D ? "expected ',' or '}'" : "expected ',' or ']'")
                }
            }
            if open.isEmpty { return }
        }
    }

    /// Moves past `"name" :` and the space after it, inside a skipped object.
    private mutating func memberName() throws(JSONLineError) {
        guard peek == 0x22 else { throw error("expected a field name") }
        _ = try stringSpan()
        skipSpace()
        try expect(UInt8(ascii: ":"), "expected ':'")
        skipSpace()
    }

    private mutating func literal(_ word: StaticString) throws(JSONLineError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= n, memcmp(p + position, word.utf8Start, count) == 0 else {
            throw error("invalid literal")
        }
        position += count
    }
}
