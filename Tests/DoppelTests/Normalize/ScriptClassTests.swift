import Testing

@testable import DoppelText

@Test func scriptClassOfHanIsIdeograph() { #expect(ScriptClass.of(0x738B) == .ideograph) }

/// The start-up table skips general categories for the fixed blocks; every BMP code point must
/// still get what its general category says: no combining mark inside a fixed block, every
/// letter, digit, space and punctuation outside them classed by its category.
@Test func bmpTableAgreesWithTheGeneralCategoryOfEveryCodePoint() {
    for u in UInt32(0)..<0x10000 {
        guard let scalar = Unicode.Scalar(u) else { continue }
        let category = scalar.properties.generalCategory
        let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(category)
        #expect(ScriptClass.isCombiningMark(u) == (u >= 0x300 && mark), "U+\(String(u, radix: 16))")
        let expected: ScriptClass
        switch category {
        case .decimalNumber: expected = .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber:
            expected = .letter
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: expected = .space
        case .control: expected = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85].contains(u) ? .space : .other
        case .unassigned, .privateUse, .surrogate, .format: expected = .other
        default: expected = .punctuation
        }
        let actual = ScriptClass.of(u)
        // The fixed blocks are ideographs (or private use) whatever their letters' categories.
        #expect(
            actual == expected || actual == .ideograph && expected == .letter
                || actual == .ideograph && category == .unassigned
                || actual == .ideograph
                    && [.otherNumber, .letterNumber, .modifierLetter, .otherPunctuation, .dashPunctuation].contains(
                        category),
            "U+\(String(u, radix: 16)): \(actual) against \(category)")
    }
}
