import Testing

@testable import DoppelText

private func decode(_ raw: String) throws(JSONLineError) -> String {
    let bytes = Array(raw.utf8)
    var result: [Unicode.Scalar] = []
    var failure: JSONLineError?
    bytes.withUnsafeBufferPointer { buffer in
        do throws(JSONLineError) { result = try JSONCursor.decode(buffer, column: 1) } catch { failure = error }
    }
    if let failure { throw failure }
    return String(String.UnicodeScalarView(result))
}

@Test func allEscapesDecode() throws {
    #expect(try decode(#"a\"b\\c\/d\be\ff\ng\rh\ti"#) == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti")
    #expect(try decode(#"\u4E2d\u6587"#) == "中文")
    #expect(try decode(#"\ud83d\ude00!"#) == "😀!")
}

@Test func loneSurrogatesBecomeReplacementCharacters() throws {
    #expect(try decode(#"\ud83dx\ude00"#) == "\u{FFFD}x\u{FFFD}")
}

@Test func longPlainRunsAndMultibyteTextDecodeExactly() throws {
    let text = String(repeating: "plain ascii run, 中文字符 and 😀 ", count: 40)
    #expect(try decode(text) == text)
}

@Test func badEscapesControlsAndInvalidUTF8AreErrors() {
    #expect(throws: JSONLineError(column: 2, message: "invalid escape in string")) { try decode(#"a\x"#) }
    #expect(throws: JSONLineError(column: 2, message: "invalid escape in string")) { try decode(#"a\u12G4"#) }
    #expect(throws: JSONLineError(column: 3, message: "control character in string")) { try decode("ab\tc") }
    var failure: JSONLineError?
    ([0x61, 0xFF] as [UInt8]).withUnsafeBufferPointer { buffer in
        do throws(JSONLineError) { _ = try JSONCursor.decode(buffer, column: 10) } catch { failure = error }
    }
    #expect(failure == JSONLineError(column: 11, message: "invalid UTF-8 in string"))
}
