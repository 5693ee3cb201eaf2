import Testing

@testable import Doppel

@Suite struct DiffReportTextTests {
    private static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))

    @Test func editsAreShownInSlicesOfTheOriginals() {
        let report = DiffReport.text(Self.samples)
        // The print file has full-width brackets and a space; the normalised text has neither.
        #expect(report.contains("（记者郑[-蔚-]{+莉+} 郝赫）"))
        #expect(!report.contains("(记者郑[-蔚-]{+莉+}郝赫)"))
    }

    @Test func aRunOfLayoutWhitespaceWithALineBreakIsOneMark() {
        let source = SourceText(path: "a", text: "第一行\n\n  第二行 和 空格\t!")
        #expect(DiffReport.original(source, 0..<source.scalars.count) == "第一行⏎第二行 和 空格\t!")
    }

    @Test func onlyPassagesWithEditsAreListedAndOneLineCountsTheRest() {
        let c = Self.samples
        let report = DiffReport.text(c)
        let listed = c.pairs.filter { !$0.edits.isEmpty }.count
        #expect(report.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count == listed)
        #expect(listed < c.pairs.count)
        let moved = c.pairs.filter { $0.edits.isEmpty && $0.pair.moved }.count
        #expect(
            report.contains(
                "\(c.pairs.count - listed) other passages aligned without edits (\(moved) moved), not listed"))
        let all = DiffReport.text(c, style: DiffReport.TextStyle(allPassages: true))
        #expect(all.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count == c.pairs.count)
        #expect(!all.contains("--all-passages lists them"))
    }

    @Test func identicalInputsGiveNothing() {
        let a = SourceText(path: "a", text: "今天天气很好，我们去公园散步")
        let b = SourceText(path: "b", text: "今天天气很好,\n我们去公园散步")
        #expect(DiffReport.text(Comparer.compare(a, b)) == "")
        #expect(!DiffReport.text(Comparer.compare(a, b), style: DiffReport.TextStyle(allPassages: true)).isEmpty)
    }

    @Test func positionsInAPDFCarryTheirPage() {
        let a = SourceText(path: "a.txt", text: "第一页的文字很长很长。\n今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b.pdf", text: "第一页的文字很长很长。\n\u{0C}今天天气不错我们去公园散步看花", format: .pdf)
        let report = DiffReport.text(Comparer.compare(a, b))
        // pdftotext's "\n\u{0C}": the form feed ends an empty line and starts page 2 on line 3.
        #expect(report.contains("  A 2:5  B p2 3:5  text"))
        #expect(report.contains("B p1 1:1-3:15"))
    }

    @Test func countsOfOneAreSingular() {
        let a = SourceText(path: "a", text: "今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b", text: "今天天气不错我们去公园散步看花")
        let summary = DiffReport.summary(Comparer.compare(a, b))
        #expect(summary.contains("1 passage aligned") && summary.contains("; 1 edit ("))
    }
}
