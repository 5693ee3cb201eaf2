import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelReport
@testable import DoppelText

@Suite struct HTMLDiffReportTests {
    static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
    static let page = HTMLDiffReport.page(samples)

    /// The number of the first edit whose two sides read `a` and `b`.
    private func number(_ c: Comparison, _ a: String, _ b: String) -> Int? {
        let layout = SideBySide(c)
        var n = 0
        for row in layout.rows {
            guard case let .pair(p) = row.content else { continue }
            for edit in c.pairs[p].edits {
                n += 1
                if c.textA.string(edit.a) == a && c.textB.string(edit.b) == b { return n }
            }
        }
        return nil
    }

    private func compare(_ a: String, _ b: String) -> Comparison {
        Comparer.compare(SourceText(path: "a.txt", text: a), SourceText(path: "b.txt", text: b))
    }

    @Test func pageShowsBothVersionsSideBySideInTheirOwnLines() {
        let page = Self.page
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<td class=\"a\">") && page.contains("<td class=\"b\">"))
        // Print line 12 of B, as printed (full-width punctuation kept, not normalised).
        #expect(page.contains("<span class=\"no\">12</span><div class=\"tx\">西夏区职工<a "))
        #expect(page.contains("<span class=\"no\">1</span><div class=\"tx\"> 阅 读 提 示</div>"))
        // Web line 99 of A is one long line.
        #expect(page.contains("<span class=\"no\">99</span>"))
    }

    @Test func sampleEditsAreHighlightedInBothColumnsAndLinkedToTheirTwins() throws {
        for (a, b, before, after) in [("王", "马", "王", "马"), ("蔚", "莉", "蔚", "莉"), ("", "短", "", "短")] {
            let n = try #require(number(Self.samples, a, b))
            #expect(Self.page.contains("id=\"e\(n)-a\" href=\"#e\(n)-b\""))
            #expect(Self.page.contains("id=\"e\(n)-b\" href=\"#e\(n)-a\""))
            let pieceA = Self.page.components(separatedBy: "id=\"e\(n)-a\"")[1]
            let pieceB = Self.page.components(separatedBy: "id=\"e\(n)-b\"")[1]
            #expect(pieceA.split(separator: ">", maxSplits: 1)[1].hasPrefix("\(before)</a>"))
            #expect(pieceB.split(separator: ">", maxSplits: 1)[1].hasPrefix("\(after)</a>"))
        }
    }

    @Test func everyEditHasOneAnchorInEachColumn() {
        for n in 1...Self.samples.editCount {
            #expect(Self.page.components(separatedBy: "id=\"e\(n)-a\"").count == 2)
            #expect(Self.page.components(separatedBy: "id=\"e\(n)-b\"").count == 2)
            #expect(Self.page.contains("<a href=\"#e\(n)-a\">"))  // the list of edits jumps to it
        }
    }

    @Test func summaryCountsEditsByKindSimilarityAndLayout() {
        let edits = Self.samples.pairs.flatMap(\.edits)
        let count = { (kind: EditKind) in edits.filter { $0.kind == kind }.count }
        #expect(
            Self.page.contains(
                "<b>\(edits.count)</b> edits: \(count(.text)) text, \(count(.number)) number, \(count(.punctuation)) punctuation"
            ))
        #expect(Self.page.contains("<b>\(JSONWriter.format(Self.samples.similarity, digits: 3))</b> similarity"))
        #expect(Self.page.contains("line breaks joined \(Self.samples.ledger.lineBreaksJoined)"))
        #expect(Self.page.contains("<b>\(Self.samples.onlyInB.count)</b> only in B"))
    }

    @Test func pageIsSelfContained() {
        for outside in ["<script", "<link", "src=", "http://", "https://", "@import", "url("] {
            #expect(!Self.page.contains(outside), "found \(outside)")
        }
        #expect(Self.page.contains("<style>") && Self.page.contains("@media print"))
    }

    @Test func markupInTheInputIsEscaped() {
        let a = "第一段文字说明今天的天气很好。<script>alert('x')</script>&amp;\n\n我们一起去公园散步看花。"
        let b = "第一段文字说明今天的天气不错。<script>alert('x')</script>&amp;\n\n我们一起去公园散步看花。"
        let page = HTMLDiffReport.page(compare(a, b))
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;"))
        let hostilePath = HTMLDiffReport.page(
            Comparer.compare(
                SourceText(path: "<b>\"x\".txt", text: a),
                SourceText(path: "b.txt", text: b)))
        #expect(!hostilePath.contains("<b>\"x\""))
        #expect(hostilePath.contains("&lt;b&gt;&quot;x&quot;.txt"))
    }

    @Test func textOnOneSideOnlyIsInItsOwnShadedRow() {
        let shared = "今天的天气很好,我们一起去公园散步,看见了很多美丽的花朵和绿色的树木。"
        let extra = "这一段只在第二个版本里出现,讲的是另外一件完全不同的事情,和前面没有关系。"
        let c = compare(shared, shared + "\n\n" + extra)
        let page = HTMLDiffReport.page(c)
        #expect(c.onlyInB.count == 1)
        #expect(page.contains("<tr class=\"only only-b\"><td class=\"a absent\">not in A</td><td class=\"b\">"))
        #expect(page.contains("only in B</span> B 3:1"))
        let reversed = HTMLDiffReport.page(compare(shared + "\n\n" + extra, shared))
        #expect(reversed.contains("<tr class=\"only only-a\"><td class=\"a\">"))
    }

    @Test func movedPassagesAreMarked() {
        let first = "第一篇文章讲的是城市里的工会如何帮助女职工讨回被拖欠的工资和福利待遇。"
        let second = "第二篇文章讲的是农村合作社怎样组织农民学习新的种植技术并提高收入水平。"
        let page = HTMLDiffReport.page(compare(first + "\n\n" + second, second + "\n\n" + first))
        #expect(page.contains("<tr class=\"hd pair moved\"><td colspan=\"2\"><span class=\"badge moved\">moved</span>"))
    }

    @Test func insertionIsAPointInOneColumnAndTextInTheOther() {
        let page = HTMLDiffReport.page(compare("工作人员发来感谢信表示感谢。今天天气很好。", "工作人员发来感谢短信表示感谢。今天天气很好。"))
        #expect(page.contains("<a class=\"ed ins k-text at\" id=\"e1-a\" href=\"#e1-b\""))
        #expect(page.contains("感谢<a class=\"ed ins k-text at\" id=\"e1-a\""))
        #expect(
            page.contains(
                "<a class=\"ed ins k-text\" id=\"e1-b\" href=\"#e1-a\" data-edit=\"1\" title=\"text edit 1: B adds 短\">短</a>信"
            ))
    }

    @Test func editBrokenAcrossPrintLinesIsHighlightedOnBothLinesWithOneAnchor() {
        // B is hard-wrapped print: 讨回 is split across the line break.
        let a = "西夏区总了解情况后及时介入并启动维权联动机制很快为马女士讨回了工资这是一个案例"
        let b = "西夏区总了解情况后及时介入并启动维权联动机制很快为马女士讨\n要了工资这是一个案例"
        let page = HTMLDiffReport.page(compare(a, b))
        #expect(page.components(separatedBy: "id=\"e1-b\"").count == 2)
        #expect(page.components(separatedBy: "data-edit=\"1\"").count >= 3)
    }

    @Test func editsSharingOneFoldedCharacterEachKeepTheirAnchor() {
        // ㈱ folds to three units, (株); B changes both brackets: two edits, one original character.
        let c = compare("㈱今天天气很好我们一起去公园散步", "[株]今天天气很好我们一起去公园散步")
        let page = HTMLDiffReport.page(c)
        for n in 1...max(1, c.editCount) {
            #expect(page.contains("id=\"e\(n)-a\"") && page.contains("id=\"e\(n)-b\""))
        }
        // The original character is shown once in column A (titles and the edit list quote it).
        #expect(page.components(separatedBy: ">㈱</a>").count == 2)
    }

    @Test func sectionIdsStartWithTheAnchor() {
        let section = HTMLDiffReport.section(Self.samples, anchor: "d7", heading: "member")
        #expect(section.hasPrefix("<section class=\"diff\" id=\"d7\">"))
        #expect(section.contains("id=\"d7-e1-a\" href=\"#d7-e1-b\""))
        #expect(!section.contains("id=\"e1-a\""))
    }

    @Test func controlCharactersNeverReachThePage() {
        var out = ""
        HTML.escape("a\u{1}b\u{7F}c\td".unicodeScalars, into: &out)
        #expect(out == "a\u{FFFD}b\u{FFFD}c\td")
    }

    @Test func aPDFsGutterShowsThePageOverTheLineWhereAPageStarts() {
        let a = SourceText(path: "a.txt", text: "第一页的文字很长很长。\n今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b.pdf", text: "第一页的文字很长很长。\n\u{0C}今天天气不错我们去公园散步看花", format: .pdf)
        let page = HTMLDiffReport.page(Comparer.compare(a, b))
        #expect(page.contains("<span class=\"no\"><span class=\"pg\">p1</span>1</span>"))
        #expect(page.contains("<span class=\"no\"><span class=\"pg\">p2</span>3</span>"))
        #expect(page.contains("B p2 3:5"))
    }

    /// `count` numbered English lines; `edited` lines say "a" where the others say "the".
    private func lines(_ count: Int, edited: Set<Int> = []) -> String {
        (1...count).map { k in
            "Line \(k) of \(edited.contains(k) ? "a" : "the") long report. It was printed and read by many.\n"
        }.joined()
    }

    @Test func longUnchangedRunsOfLinesAreFoldedAndStayInThePage() {
        let page = HTMLDiffReport.page(compare(lines(200), lines(200, edited: [100])))
        // Lines 1-99 and 101-200 are unchanged: all but three at each end of each run fold.
        #expect(page.contains("<details class=\"fold\"><summary>93 unchanged lines</summary>"))
        #expect(page.contains("<details class=\"fold\"><summary>94 unchanged lines</summary>"))
        #expect(page.components(separatedBy: "<details class=\"fold\">").count - 1 == 4)  // two per column
        // Folded, not dropped: every line is still in the page, expandable in place.
        for k in [1, 50, 97, 150, 200] { #expect(page.contains("Line \(k) of the long report.")) }
        // The first fold holds lines 4-96: three lines stay in view at each end of the run.
        let open = page.range(of: "<details class=\"fold\">")!
        let close = page.range(of: "</details>", range: open.upperBound..<page.endIndex)!
        let folded = page[open.upperBound..<close.lowerBound]
        #expect(folded.contains("Line 4 of the") && folded.contains("Line 96 of the"))
        #expect(!folded.contains("Line 3 of the") && !folded.contains("Line 97 of the"))
    }

    @Test func shortUnchangedRunsAreNotFolded() {
        let page = HTMLDiffReport.page(compare(lines(12), lines(12, edited: [1])))
        #expect(!page.contains("class=\"fold\""))
    }

    @Test func longUnchangedTextWithinOneLineIsFoldedAroundTheEdit() throws {
        let words = (1...600).map { "w\($0)" }
        let a = words.joined(separator: " ")
        var edited = words
        edited[300] = "changed"
        let page = HTMLDiffReport.page(compare(a, edited.joined(separator: " ")))
        #expect(page.components(separatedBy: "unchanged characters</summary>").count - 1 == 4)  // two per column
        #expect(page.contains(">changed</a>") && page.contains(">w301</a>"))
        for word in ["w1 ", "w150 ", "w450 ", "w600<"] { #expect(page.contains(word)) }
        // Each fold is block content of its line's text `<div>`, inside no span or link (valid HTML).
        var rest = page[...]
        while let fold = rest.range(of: "<details class=\"fold\">") {
            let line = try #require(page[..<fold.lowerBound].range(of: "<div class=\"tx\">", options: .backwards))
            let before = page[line.upperBound..<fold.lowerBound]
            #expect(!before.contains("<span"))
            #expect(before.components(separatedBy: "<a ").count == before.components(separatedBy: "</a>").count)
            rest = rest[fold.upperBound...]
        }
    }

    @Test func theReportOfADenselyEditedPairStaysWithinTenTimesItsInputs() {
        // An edit in every sentence of about 60 characters (each edit adds about 300 bytes:
        // its two highlights, their links and its line in the list; docs/safety.md).
        let a = lines(3000)
        let b = lines(3000, edited: Set(1...3000))
        let page = HTMLDiffReport.page(compare(a, b))
        #expect(page.utf8.count <= 10 * (a.utf8.count + b.utf8.count))
    }
}
