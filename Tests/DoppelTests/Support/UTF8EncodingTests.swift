import Testing

@testable import DoppelIO

@Suite struct UTF8EncodingTests {
    @Test func encodesEveryWidthAndReplacesWhatIsNotAScalar() {
        let text = "a é 中 𠀀 😀"
        let units = text.unicodeScalars.map(\.value)
        #expect(UTF8Encoding.string(units[...]) == text)
        #expect(UTF8Encoding.string(Array(text.unicodeScalars)[...]) == text)
        #expect(UTF8Encoding.string([0x61, 0xD800, 0x62, 0x110000][...]) == "a\u{FFFD}b\u{FFFD}")
        #expect(UTF8Encoding.string([UInt32]()[...]).isEmpty)
    }

    @Test func aSliceIsEncodedFromItsOwnBounds() {
        let units = "王女士给马先生".unicodeScalars.map(\.value)
        #expect(UTF8Encoding.string(units[4..<7]) == "马先生")
    }
}
