import Doppel
import Testing

@testable import DoppelDiff

@Suite struct PassageSelectionOneSidedTextTests {
    /// Print lines of at most 19 characters, each a paragraph of its own (a page whose lines
    /// are separated by blank lines).
    static func printLines(_ paragraphs: [String]) -> String {
        paragraphs.flatMap { p in
            stride(from: 0, to: p.count, by: 19).map { String(p.dropFirst($0).prefix(19)) }
        }.joined(separator: "\n\n")
    }

    @Test func aPrintOnlyArticlesHeadlineSetRightAfterAnotherHeadingIsNotAnEditOfThatHeading() {
        // Print: an article's body, its headline (a full line), then the headline and body of
        // an article print alone has; the normaliser joins the two headings. The print-only
        // headline opens one-sided text, not words added to the other headline.
        let g = PassageGapsTests.self
        let headline = "《全国工会重点工作创新案例》出版发行"
        let body = "全国总工会日前发布首批全国工会重点工作创新案例,涵盖劳动和技能竞赛、发挥劳模工匠作用、产业工人队伍建设改革等领域。"
        let printOnly = "近年来在该模式推动下银"
        let c = Comparer.compare(
            SourceText(
                path: "a",
                text: [headline, body, "西宁市总多举措推进社会组织建会", g.bodyOne, g.bodyOneMore].joined(separator: "\n\n")),
            SourceText(
                path: "b",
                text: Self.printLines([body]) + "\n\n" + headline + "\n\n" + printOnly + "\n\n"
                    + Self.printLines([g.bodyTwo, g.bodyOne, g.bodyOneMore]) + "\n\n西宁市总多举措推进社会组织建会"))
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInB.map { c.textB.string($0) }.first == printOnly)
    }

    @Test func wordsAddedAtTheEndOfAHeadlineBeforeItsOwnBodyAreStillAnEdit() {
        let g = PassageGapsTests.self
        let headline = "西宁市总多举措推进社会组织建会"
        let c = Comparer.compare(
            SourceText(path: "a", text: [headline, g.bodyOne, g.bodyOneMore].joined(separator: "\n\n")),
            SourceText(path: "b", text: Self.printLines([headline + "见成效", g.bodyOne, g.bodyOneMore])))
        #expect(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" } == ["[--]{+见成效+}"])
    }
}
