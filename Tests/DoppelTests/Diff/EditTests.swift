import Testing

@testable import DoppelDiff

private func kind(_ removed: String, _ added: String) -> EditKind {
    EditKind.of(
        removed: removed.unicodeScalars.map(\.value),
        added: added.unicodeScalars.map(\.value))
}

@Test func editKindIsNumberWhenEitherSideHasADigit() {
    #expect(kind("2023", "2024") == .number)
    #expect(kind("五", "5") == .number)
    #expect(kind("约50", "") == .number)
}

@Test func editKindIsPunctuationWhenBothSidesHaveOnlyPunctuationOrSpace() {
    #expect(kind(",", "。") == .punctuation)
    #expect(kind("", "、 ") == .punctuation)
}

@Test func editKindIsTextOtherwise() {
    #expect(kind("王", "马") == .text)
    #expect(kind(",", "和") == .text)
    #expect(kind("", "word") == .text)
}

@Test func editKindIsControlWhenEitherSideHasABidirectionalControl() {
    #expect(kind("", "\u{202E}") == .control)
    #expect(kind("\u{2066}", "\u{2067}") == .control)
    #expect(kind("user", "\u{202E}resu\u{202C}") == .control)
    #expect(kind("2023\u{202C}", "2024") == .control)
    #expect(kind("\u{200E}", "") == .punctuation || kind("\u{200E}", "") == .text)
}
