import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct ExcerptTests {
    @Test func rangesAreJoinedAsParagraphsAndMappedBack() {
        let text = NormalizedText(identity: "0123456789abcdefghij")
        let excerpt = Excerpt(text, ranges: [2..<5, 10..<14])
        #expect(excerpt.text.string(0..<excerpt.text.count) == "234abcd")
        #expect(excerpt.text.paragraphStarts == [0, 3])
        #expect(excerpt.original(1..<3) == 3..<5)
        #expect(excerpt.original(3..<5) == 10..<12)
        #expect(excerpt.original(3..<3) == 10..<10)
        #expect(excerpt.original(7..<7) == 14..<14)
    }
}
