import Testing
@testable import DoppelText

@Test func lineStartsFollowLFCRLFAndLoneCR() {
    let text = SourceText(path: "t", text: "a\r\nb\rc\nd")
    #expect(text.lineStarts == [0, 3, 5, 7])
    #expect(text.location(of: 5) == (line: 3, column: 1))
    #expect(text.location(of: 8) == (line: 4, column: 2))
}

@Test func formFeedEndsALineAndStartsAPage() {
    let text = SourceText(path: "t", text: "one\u{0C}two\nthree\u{0C}")
    #expect(text.lineStarts == [0, 4, 8, 14])
    #expect(text.pageStarts == [0, 4])
    #expect(text.page(of: 2) == 1)
    #expect(text.page(of: 9) == 2)
}
