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

/// What `decode` and `validate` make of `bytes`: the code points or the error, and the error.
private func decodeAndValidate(_ bytes: [UInt8]) -> (Result<[UInt32], JSONLineError>, JSONLineError?) {
    bytes.withUnsafeBufferPointer { buffer in
        let decoded: Result<[UInt32], JSONLineError>
        do throws(JSONLineError) {
            decoded = .success(try JSONCursor.decode(buffer, column: 1).map(\.value))
        } catch {
            decoded = .failure(error)
        }
        do throws(JSONLineError) {
            try JSONCursor.validate(buffer, column: 1)
            return (decoded, nil)
        } catch {
            return (decoded, error)
        }
    }
}

@Test func threeByteSequencesDecodeAsUTF8AndMalformedOnesFailAtTheirColumn() {
    // Every lead byte of three-byte sequences (the common E1-EC, EE, EF and the checked E0, ED)
    // with edge continuation bytes, inside ASCII and Han text.
    for lead in UInt8(0xE0)...0xEF {
        for second: UInt8 in [0x80, 0x9F, 0xA0, 0xBF] {
            let bytes = Array("a中".utf8) + [lead, second, 0xBF] + Array("文b".utf8)
            let (decoded, invalid) = decodeAndValidate(bytes)
            if let expected = String(validating: bytes, as: UTF8.self) {
                #expect(decoded == .success(expected.unicodeScalars.map(\.value)))
                #expect(invalid == nil)
            } else {
                let error = JSONLineError(column: 5, message: "invalid UTF-8 in string")
                #expect(decoded == .failure(error), "lead \(lead) second \(second)")
                #expect(invalid == error)
            }
        }
    }
    // A common lead without its continuation bytes, cut short or followed by ASCII, alone or in
    // the middle of a run of Han text.
    let run = Array("中文".utf8)
    let broken: [([UInt8], Int)] = [
        ([0x61, 0xE4, 0xB8], 2), ([0x61, 0xE4, 0x41, 0x80], 2), ([0x61, 0xE4, 0xB8, 0x41], 2),
        (run + [0xE4, 0x41, 0x80] + run + run, 7), (run + run + [0xE4, 0xB8], 13),
    ]
    for (bytes, column) in broken {
        let error = JSONLineError(column: column, message: "invalid UTF-8 in string")
        let (decoded, invalid) = decodeAndValidate(bytes)
        #expect(decoded == .failure(error))
        #expect(invalid == error)
    }
}

@Test func validationThrowsWhatDecodingThrows() {
    let inputs: [[UInt8]] = [
        Array(#"a\x"#.utf8), Array(#"a\u12G4"#.utf8), Array("ab\tc".utf8), [0x61, 0xFF],
        Array(#"fine \u4E2d 😀 text"#.utf8), Array(String(repeating: "plain 中文 ", count: 9).utf8),
        [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
    ]
    for bytes in inputs {
        let (decoded, invalid) = decodeAndValidate(bytes)
        switch decoded {
        case .success: #expect(invalid == nil)
        case .failure(let error): #expect(invalid == error)
        }
    }
}
