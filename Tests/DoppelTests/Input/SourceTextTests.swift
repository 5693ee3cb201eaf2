import Foundation
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

@Test func textFromHTMLIsLocatedOnThePagesLines() {
    let markup = Array("<html>\n<body>\n  <p>甲乙</p>\n</body>".unicodeScalars)
    let (text, offsets) = HTMLText.extract(markup)
    let source = SourceText(path: "a.html", encoding: .utf8, scalars: text, markup: markup, offsets: offsets)
    #expect(source.format == .html && source.text(in: 0..<2) == "甲乙")
    #expect(source.location(of: 0) == (3, 6) && source.location(of: 1) == (3, 7))
    #expect(source.textLine(of: 1) == 0)
    #expect(source.location(of: 2) == (3, 8))  // past the end: after the last code point
}

@Test func htmlInputsReadTheMainContentUnlessAskedForAll() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("page.html").path
    try "<html><head><title>站名</title></head><body><nav>导航</nav>\n<p>正文</p></body></html>".write(
        toFile: path, atomically: true, encoding: .utf8)
    let main = try InputReader.read(path: path, options: InputOptions())
    #expect(main.text(in: 0..<main.scalars.count) == "正文" && main.location(of: 0) == (2, 4))
    var all = InputOptions()
    all.htmlMainContentOnly = false
    let everything = try InputReader.read(path: path, options: all)
    #expect(everything.text(in: 0..<everything.scalars.count) == "站名\n\n导航\n\n正文")
}
