import Testing

@testable import DoppelText

private func validate(_ bytes: [UInt8]) -> UTF8Decoding.Validation {
    bytes.withUnsafeBufferPointer { UTF8Decoding.validate($0) }
}

@Test func decodesEveryLengthOfSequenceLikeTheStandardLibrary() {
    let text = "ASCII run longer than eight, é, 中文, 😀 and more ASCII at the end"
    let decoded = Array(text.utf8).withUnsafeBufferPointer { UTF8Decoding.decode($0) }
    #expect(decoded == Array(text.unicodeScalars))
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
    #expect(validate(Array("中a😀".utf8)) == .valid(count: 3))
    #expect(validate([]) == .valid(count: 0))
}
