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

    @Test func appendingCodePointsAddsTheirBytesAcrossChunks() {
        var rng = SplitMix64(seed: 7)
        let alphabet: [UInt32] = [0x61, 0xE9, 0x4E2D, 0x20000, 0xD800]
        let units = (0..<5_000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        var bytes: [UInt8] = [0x7B]
        units.withUnsafeBufferPointer { UTF8Encoding.append($0, to: &bytes) }
        #expect(bytes == [0x7B] + Array(UTF8Encoding.string(units[...]).utf8))
        #expect(bytes.count > 1 + 4_096)
    }

    @Test func aSliceIsEncodedFromItsOwnBounds() {
        let units = "王女士给马先生".unicodeScalars.map(\.value)
        #expect(UTF8Encoding.string(units[4..<7]) == "马先生")
    }
}
