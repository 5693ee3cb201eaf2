import Testing

@testable import DoppelIO
@testable import DoppelText

private func parse(_ line: String) throws(JSONLineError) -> (id: String, text: String)? {
    let bytes = Array(line.utf8)
    let parser = JSONLineParser(idField: "id", textField: "text")
    var result: (id: String, text: [Unicode.Scalar])?
    var failure: JSONLineError?
    bytes.withUnsafeBufferPointer { buffer in
        do throws(JSONLineError) { result = try parser.parse(buffer) } catch { failure = error }
    }
    if let failure { throw failure }
    return result.map { ($0.id, String(String.UnicodeScalarView($0.text))) }
}

@Test func blankLinesAreNotRecords() throws {
    #expect(try parse("") == nil)
    #expect(try parse(" \t\r") == nil)
}

@Test func escapedFieldNamesStillMatch() throws {
    let record = try parse(#"{"\u0069d": "a", "te\u0078t": "b"}"#)
    #expect(record?.id == "a" && record?.text == "b")
}

@Test func emptyObjectLacksTheText() {
    #expect(throws: JSONLineError(column: nil, message: "missing \"text\" field")) { try parse("{}") }
}

@Test func duplicateFieldsAreRejected() {
    #expect(throws: JSONLineError(column: 20, message: "duplicate \"text\" field")) {
        try parse(#"{"text":"a","id":1,"text":"b"}"#)
    }
}

@Test func skippedValuesAreCheckedForStructure() {
    #expect(throws: JSONLineError(column: 13, message: "expected ',' or ']'")) {
        try parse(#"{"x": [1, 2 3], "id": 1, "text": "t"}"#)
    }
    #expect(throws: JSONLineError(column: 7, message: "invalid literal")) {
        try parse(#"{"x": tru, "id": 1, "text": "t"}"#)
    }
    #expect(throws: JSONLineError(column: 7, message: "invalid number")) {
        try parse(#"{"x": 01, "id": 1, "text": "t"}"#)
    }
    #expect(throws: JSONLineError(column: 1, message: "expected '{'")) { try parse("[1]") }
    #expect(throws: JSONLineError(column: 6, message: "expected a value (end of line)")) { try parse(#"{"x":"#) }
}

@Test func randomJSONSoupFailsCleanly() {
    let pieces = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "id", "text", "1", "-", ".", "e",
        "true", "nul", " ", "字", "\"id\":", "\"text\":",
    ]
    var random = SplitMix64(seed: 11)
    for _ in 0..<500 {
        var line = ""
        for _ in 0..<40 { line += pieces[Int(random.next() % UInt64(pieces.count))] }
        do {
            _ = try parse(line)
        } catch {
            #expect(error.column.map { $0 >= 1 && $0 <= line.utf8.count + 1 } ?? true)
        }
    }
}
