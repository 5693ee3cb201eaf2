import DoppelIO
import Testing

@testable import DoppelText

private func validate(_ bytes: [UInt8]) -> UTF8Decoding.Decoding {
    bytes.withUnsafeBufferPointer { UTF8Decoding.decode($0) }
}

@Test func decodesEveryLengthOfSequenceLikeTheStandardLibrary() {
    let text = "ASCII run longer than eight, é, 中文, 😀 and more ASCII at the end"
    let decoded = Array(text.utf8).withUnsafeBufferPointer { UTF8Decoding.decode($0) }
    #expect(decoded == .decoded(Array(text.unicodeScalars)))
}

@Test func rejectsOverlongsSurrogatesAndOutOfRange() {
    #expect(validate([0xC0, 0x80]) == .invalid(offset: 0))
    #expect(validate([0x61, 0xE0, 0x80, 0x80]) == .invalid(offset: 1))
    #expect(validate([0xED, 0xA0, 0x80]) == .invalid(offset: 0))
    #expect(validate([0xF4, 0x90, 0x80, 0x80]) == .invalid(offset: 0))
    #expect(validate([0x80]) == .invalid(offset: 0))
}

@Test func truncatedSequenceAtTheEndIsInvalid() {
    #expect(validate(Array("abcdefghij".utf8) + [0xE4, 0xB8]) == .invalid(offset: 10))
}

@Test func countsCodePoints() {
    #expect(validate(Array("中a😀".utf8)) == .decoded(Array("中a😀".unicodeScalars)))
    #expect(validate([]) == .decoded([]))
    let text = "中a😀 and more than eight"
    #expect(Array(text.utf8).withUnsafeBufferPointer { UTF8Decoding.leadByteCount($0) } == text.unicodeScalars.count)
}

@Test func decodesLikeTheStandardLibraryOnSeededRandomText() {
    // Every length of sequence at every alignment against the eight-byte ASCII steps, and a
    // byte broken at a random place: the first invalid offset is where the standard library's
    // decoder stops.
    var rng = SplitMix64(seed: 8)
    let pool: [Unicode.Scalar] = ["a", "Z", " ", "é", "ß", "中", "文", "。", "😀", "\u{10FFFF}", "\u{E000}"]
    for _ in 0..<200 {
        let scalars = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in pool.randomElement(using: &rng)! }
        var bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
        #expect(validate(bytes) == .decoded(scalars))
        guard !bytes.isEmpty else { continue }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        bytes[at] = [0x80, 0xC0, 0xFF, 0xED, 0xF5].randomElement(using: &rng)!
        var expected = UTF8Decoding.Decoding.decoded(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0 })
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: break loop
            case .error:
                expected = .invalid(offset: offset)
                break loop
            }
        }
        #expect(validate(bytes) == expected, "\(bytes)")
    }
}

@Test func runOfThreeByteSequencesStopsWhereTheSwitchWould() {
    // After a three-byte sequence the following ones are taken in a loop of their own: it must
    // decode the edges of the three-byte range and stop at an overlong, a surrogate or a cut one.
    let han = Array("中文中".utf8)
    let edges: [UInt8] = [0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80, 0xEF, 0xBF, 0xBF]
    #expect(validate(han + edges) == .decoded(Array("中文中\u{800}\u{D7FF}\u{E000}\u{FFFF}".unicodeScalars)))
    #expect(validate(han + [0xED, 0xA0, 0x80]) == .invalid(offset: 9))
    #expect(validate(han + [0xE0, 0x9F, 0xBF]) == .invalid(offset: 9))
    #expect(validate(han + [0xE4, 0xB8, 0x41]) == .invalid(offset: 9))
    #expect(validate(han + [0xE4, 0xB8]) == .invalid(offset: 9))
}
