import Testing

@testable import DoppelText

@Test func bidirectionalControlsStayUnitsOfTheNormalisedText() {
    let controls: [UInt32] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    for control in controls {
        let source = "权限\(String(Unicode.Scalar(control)!))用户\u{202C}。"
        let text = Normalizer().normalize(SourceText(path: "t", text: source))
        #expect(text.units.contains(control), "U+\(String(control, radix: 16))")
        #expect(BidiControl.contains(control) && BidiControl.name(control) != nil)
    }
}

@Test func otherInvisibleCharactersStayLayout() {
    // Zero-width space, soft hyphen, zero-width joiner, word joiner, BOM: dropped, as before.
    let text = Normalizer().normalize(SourceText(path: "t", text: "a\u{200B}b\u{00AD}c\u{200D}d\u{2060}e\u{FEFF}f"))
    #expect(text.units == Array("abcdef".unicodeScalars.map(\.value)))
    #expect(!BidiControl.contains(0x200B) && !BidiControl.contains(0x2060) && !BidiControl.contains(0x200F))
}

@Test func controlsAreShownByNameNeverRaw() {
    #expect(BidiControl.visible("a\u{202E}b\u{202C}c\u{2066}d\u{2069}") == "a<RLO>b<PDF>c<LRI>d<PDI>")
    #expect(BidiControl.visible("无控制") == "无控制")
}
