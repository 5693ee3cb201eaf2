import Testing

@testable import DoppelText

@Suite struct LineLayoutTests {
    private func analyze(_ text: String, layout: NormalizationOptions.Layout = .auto) -> LineLayout {
        let scalars = Array(text.unicodeScalars)
        return scalars.withUnsafeBufferPointer { LineLayout.analyze($0, layout: layout) }
    }

    /// Two hard-wrapped paragraphs: three lines of 20 ideographs and a short line that ends the
    /// sentence, `short` standing for that last line.
    private func printed(short: String = "经济发展。", indentSecondLine: Bool = false) -> String {
        let line = String(repeating: "经济", count: 10)
        let second = (indentSecondLine ? "\u{3000}\u{3000}" : "") + line
        return [line, second, line, short, line, line, line, short].joined(separator: "\n")
    }

    @Test func hardWrappedLinesEndAParagraphAfterAShortSentenceEnd() {
        let layout = analyze(printed())
        #expect(layout.isPrint && layout.ideographic)
        #expect(layout.paragraphBefore == [false, false, false, true, false, false, false])
    }

    @Test func trailingWhiteSpaceDoesNotWidenALine() {
        let layout = analyze(printed(short: "经济发展。" + String(repeating: " ", count: 30) + "\t\u{3000}"))
        #expect(layout.paragraphBefore == [false, false, false, true, false, false, false])
    }

    @Test func spacesInsideALineCountAsColumns() {
        let layout = analyze(printed(short: "经济" + String(repeating: " ", count: 30) + "发展。"))
        #expect(layout.paragraphBefore == [false, false, false, false, false, false, false])
    }

    @Test func anIndentedLineBeginsAParagraphInPrint() {
        let layout = analyze(printed(indentSecondLine: true))
        #expect(layout.paragraphBefore == [true, false, false, true, false, false, false])
    }

    @Test func twoHeadingLinesShortOfTheMeasureAreTwoParagraphs() {
        // A measure of 18 ideographs; a headline printed after its body fills 16 of them, and
        // the next article's headline (14) follows on the next line: two headings, not one.
        let full = String(repeating: "经济社会", count: 4) + "发展"  // 18
        let headings = ["西宁市总多措并举推进社会组织建会", "据介绍家驻会产业工会分别由原"]
        let lines = [full, full, full, "和职工人数。"] + headings + [full, full, full, "和职工人数。"]
        let layout = analyze(lines.joined(separator: "\n"), layout: .print)
        #expect(layout.paragraphBefore[3] && layout.paragraphBefore[4] && layout.paragraphBefore[5])
        // A body line one short of the measure (kinsoku moved a character on) stays wrapped.
        let wrapped = [full, full, String(full.dropLast()), "和职工人数。", full, full, full, "和职工人数。"]
        #expect(
            analyze(wrapped.joined(separator: "\n"), layout: .print).paragraphBefore
                == [false, false, false, true, false, false, false])
    }

    @Test func ideographsBeyondTheBasicPlaneCountAsIdeographs() {
        #expect(analyze("\u{20000}\u{20001}\u{20002} abcdef").ideographic)
        #expect(!analyze("丁 abcdef").ideographic)
    }

    @Test func blankLinesSeparateFlowedParagraphsAndCRLFIsOneBreak() {
        let layout = analyze("one line\r\nsame paragraph\r\n\r\nnext paragraph", layout: .flowed)
        #expect(!layout.isPrint)
        #expect(layout.paragraphBefore == [false, true])
    }
}
