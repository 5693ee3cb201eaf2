import Doppel
import Testing

@testable import DoppelDiff

/// The text between passages judged by what it is on the page (`PassageGaps`): another article's
/// headline is not an edit, a paragraph added inside an article is one, of kind `paragraph`.
@Suite struct PassageGapsTests {
    static let bodyOne = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作,全面掌握社会组织的数量分布和职工人数。"
    static let bodyOneMore = "聚焦全市民办医院、学校、养老机构等社会组织,西宁市总采取上门走访、集中宣讲等方式,推动社会组织依法建立工会,吸引职工加入工会。"
    static let bodyTwo = "本报讯(记者田国全通讯员魏星)日前,由山东省日照市五莲县总工会组织的劳模工匠送技入企活动走进山东鸿日新能源汽车有限公司。"
    static let bodyTwoMore = "五莲县总创新开展职工技能提升行动,先后组织齐鲁工匠、日照工匠以及省、市劳模到企业开展技能讲座三十余场,受到职工欢迎。"
    static let added = "活动现场还设置了技能比武环节,二十余名青年职工同台竞技,比出了水平,赛出了风格,营造了比学赶超的浓厚氛围。"

    static func compare(_ a: [String], _ b: [String]) -> Comparison {
        Comparer.compare(
            SourceText(path: "a", text: a.joined(separator: "\n\n")),
            SourceText(path: "b", text: b.joined(separator: "\n\n")))
    }

    static func edits(_ c: Comparison) -> [(a: String, b: String, edit: Edit)] {
        c.pairs.flatMap(\.edits).map { (c.textA.string($0.a), c.textB.string($0.b), $0) }
    }

    @Test func headlinesPrintedAfterTheirBodyAreNotEditsOfTheNextArticle() {
        // Web: headline, body; print: body, then its headline (edited in one character).
        let c = Self.compare(
            ["西宁市总多措并举推进社会组织建会", Self.bodyOne, Self.bodyOneMore, "五莲县总组织劳模工匠送技入企", Self.bodyTwo, Self.bodyTwoMore],
            [Self.bodyOne, Self.bodyOneMore, "西宁市总多措并举推动社会组织建会", Self.bodyTwo, Self.bodyTwoMore, "五莲县总组织劳模工匠送技入企"])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(found.first.map { $0.a == "进" && $0.b == "动" } == true)
        // Each headline is aligned with itself, after its body: a moved pair.
        let headline = c.pairs.first { c.textA.string($0.pair.a) == "五莲县总组织劳模工匠送技入企" }
        #expect(headline.map { c.textB.string($0.pair.b) == "五莲县总组织劳模工匠送技入企" && $0.pair.moved } == true)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func unrelatedParagraphsFacingEachOtherAreOneSidedNotAReplace() {
        let c = Self.compare(
            [Self.bodyOne, "劳模助农服务进农场", Self.bodyTwo],
            [Self.bodyOne, "沙漠绿洲里的热门打卡点", Self.bodyTwo])
        #expect(Self.edits(c).isEmpty)
        #expect(c.onlyInA.map { c.textA.string($0) } == ["劳模助农服务进农场"])
        #expect(c.onlyInB.map { c.textB.string($0) } == ["沙漠绿洲里的热门打卡点"])
    }

    @Test func aParagraphAddedInsideAnArticleIsAParagraphInsertOfItsPair() {
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore, Self.bodyOneMore],
            [Self.bodyTwo, Self.added, Self.bodyTwoMore, Self.bodyOneMore])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .insert && $0.b == Self.added } == true
        )
        #expect(c.pairs.count == 1 && c.onlyInB.isEmpty)
    }

    @Test func aParagraphRemovedInsideAnArticleIsAParagraphDelete() {
        let c = Self.compare(
            [Self.bodyTwo, Self.added, Self.bodyTwoMore, Self.bodyOneMore],
            [Self.bodyTwo, Self.bodyTwoMore, Self.bodyOneMore])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .delete && $0.a == Self.added } == true
        )
        #expect(c.onlyInA.isEmpty)
    }

    @Test func aParagraphWhoseBreakPrintLostIsStillAParagraphInsert() {
        // Print joined the added paragraph to the one before (that one's last line was full):
        // the sentence end where A has a paragraph boundary is the paragraph's edge.
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore, Self.bodyOneMore],
            [Self.bodyTwo + Self.added, Self.bodyTwoMore, Self.bodyOneMore])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .insert && $0.b == Self.added } == true
        )
        #expect(c.pairs.count == 1 && c.onlyInB.isEmpty)
    }

    @Test func aParagraphAddedAfterAClauseAppendedToTheParagraphBeforeIsAParagraphInsertBesideTheClause() {
        // The gap is the clause (before the final full stop) and the paragraph on one side, the
        // full stop on the other: the paragraph is still a paragraph insert of the pair.
        let clause = ",取得了良好效果"
        let edited = Self.bodyTwo.dropLast() + clause + "。"
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore, Self.bodyOneMore],
            [String(edited), Self.added, Self.bodyTwoMore, Self.bodyOneMore])
        let found = Self.edits(c)
        #expect(found.contains { $0.edit.kind == .paragraph && $0.edit.operation == .insert && $0.b == Self.added })
        #expect(found.contains { $0.edit.kind != .paragraph && $0.b == clause }, "\(found)")
        #expect(c.pairs.count == 1 && c.onlyInB.isEmpty)
    }

    @Test func aParagraphAddedBeforeAParagraphWithItsFirstCharacterEditedIsAParagraphInsertBesideTheEdit() {
        // Print also lost the break after the added paragraph (its last line was full).
        let edited = "主" + Self.bodyTwoMore.dropFirst()
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore, Self.bodyOneMore],
            [Self.bodyTwo, Self.added + edited, Self.bodyOneMore])
        let found = Self.edits(c)
        #expect(found.contains { $0.edit.kind == .paragraph && $0.edit.operation == .insert && $0.b == Self.added })
        #expect(found.contains { $0.edit.kind != .paragraph && $0.a == "五" && $0.b == "主" }, "\(found)")
        #expect(c.pairs.count == 1 && c.onlyInB.isEmpty)
    }

    @Test func aRemovedParagraphThatOpensWithADispatchCreditIsAParagraphDeleteOfTheArticleItOpened() {
        // The web page has the article's first paragraph (`本报讯…`, which opens an article in
        // the article model) between two passages that are neighbours in print.
        let credited = Self.bodyTwo.dropLast() + ",劳模工匠对汽车涂装技术等疑难问题开展现场指导,既解决了技术难题,又节约了生产成本。"
        let c = Self.compare(
            [Self.bodyOne, Self.bodyOneMore, String(credited), Self.bodyTwoMore, Self.added],
            [Self.bodyOne, Self.bodyOneMore, Self.bodyTwoMore, Self.added])
        let found = Self.edits(c)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .delete && $0.a == credited }
                == true)
        #expect(c.onlyInA.isEmpty)
        // A brief of its own (a credited paragraph with a headline after it) stays one-sided.
        let brief = Self.compare(
            [Self.bodyOne, Self.bodyOneMore, String(credited), "五莲县总组织劳模工匠送技入企", Self.added],
            [Self.bodyOne, Self.bodyOneMore, Self.added])
        #expect(Self.edits(brief).isEmpty)
    }

    @Test func aParagraphAddedBeforeAPrintOnlyArticleOpenedByOneHeadlineIsItsArticlesParagraphInsert() {
        // The print-only article has a headline and no kicker or byline, so the article model
        // starts no article at it; its heading between two body paragraphs still opens it.
        let added =
            "The proposal will be discussed again at the next meeting of the full council in the autumn, when members are expected to vote on the final budget."
        let cycle = [
            "Cycle lanes extended to the northern suburbs",
            "Protected cycle lanes will be extended from the city centre to three northern suburbs by the end of the year, the transport committee announced.",
            "Some shop owners remain concerned about the loss of on-street parking. The committee said it would create additional short-stay bays in side streets.",
        ]
        let hospital = [
            "Hospital opens new emergency wing",
            "The general hospital has opened a new emergency wing designed to cut waiting times, with twice the number of treatment bays.",
            "Staff said the old department, built in the 1970s, had become overcrowded during the winter months.",
        ]
        let options = try! ComparisonOptions(normalization: NormalizationOptions(layout: .flowed))
        let c = Comparer.compare(
            SourceText(path: "a", text: cycle.joined(separator: "\n\n")),
            SourceText(path: "b", text: (cycle + [added] + hospital).joined(separator: "\n\n")), options: options)
        let found = Self.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.b == added, "\(found)")
        #expect(c.onlyInB.map { c.textB.string($0) } == hospital)
    }

    @Test func aParagraphRemovedAtTheEndOfTheTextIsAParagraphDeleteOfItsArticle() {
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore, Self.added], [Self.bodyTwo, Self.bodyTwoMore])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .delete && $0.a == Self.added } == true
        )
        #expect(c.onlyInA.isEmpty)
    }

    @Test func aParagraphRemovedAfterTheLastArticleOfThePageIsItsParagraphDeleteWhereTheOtherPageGoesOn() {
        // The web page ends with the article and its last paragraph; print removed that
        // paragraph and has the next article there: the page's end closes the article as the
        // next article's start would.
        let (one, two) = ("西宁市总多举措推进社会组织建会", "五莲县总组织劳模工匠送技入企")
        let c = Self.compare(
            [two, Self.bodyTwo, Self.bodyTwoMore, one, Self.bodyOne, Self.bodyOneMore, Self.added],
            [one, Self.bodyOne, Self.bodyOneMore, two, Self.bodyTwo, Self.bodyTwoMore])
        let found = Self.edits(c)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .delete && $0.a == Self.added } == true
        )
        #expect(c.onlyInA.isEmpty)
    }

    @Test func aParagraphRemovedBeforeAHeadingIsItsArticlesParagraphDeleteWhereTheOtherPageGoesOn() {
        // The paragraph is followed by a heading on the web (a sub-heading the article model
        // does not start an article at) and by the next article in print (its dispatch credit
        // opens it), which print placed before the rest of the article.
        let (one, two, sub) = ("西宁市总多举措推进社会组织建会", "五莲县总组织劳模工匠送技入企", "严格落实党组会议第一议题")
        let more = "拓展技术革新、技术协作、发明创造、合理化建议和群众性经济技术创新活动,健全竞赛组织、评估、激励等机制。"
        let c = Self.compare(
            [one, Self.bodyOne, Self.bodyOneMore, Self.added, sub, more, two, Self.bodyTwo, Self.bodyTwoMore],
            [one, Self.bodyOne, Self.bodyOneMore, two, Self.bodyTwo, Self.bodyTwoMore, sub, more])
        let found = Self.edits(c)
        #expect(found.count == 1, "\(found)")
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .delete && $0.a == Self.added } == true
        )
        #expect(c.onlyInA.isEmpty)
    }

    @Test func anArticleWithItsHeadlineAfterTheLastPassageStaysOneSided() {
        // Print: body, then its headline; an article only in B is not drawn into the one before.
        let c = Self.compare(
            [Self.bodyTwo, Self.bodyTwoMore],
            [Self.bodyTwo, Self.bodyTwoMore, Self.added, "技能比武赛出风格"])
        #expect(Self.edits(c).isEmpty)
        #expect(c.onlyInB.map { c.textB.string($0) } == [Self.added, "技能比武赛出风格"])
    }

    @Test func aHeadlineBetweenPassagesIsNotAParagraphEdit() {
        // A headline (not body text) only in B between two passages that are neighbours in A.
        let c = Self.compare(
            [Self.bodyOne, Self.bodyOneMore, Self.bodyTwo],
            [Self.bodyOne, Self.bodyOneMore, "五莲县总组织劳模工匠送技入企", Self.bodyTwo])
        #expect(Self.edits(c).isEmpty)
        #expect(c.onlyInB.map { c.textB.string($0) } == ["五莲县总组织劳模工匠送技入企"])
    }

    @Test func sharedCharactersDecideWhetherTwoStretchesAreVersions() {
        func units(_ s: String) -> ArraySlice<UInt32> { ArraySlice(s.unicodeScalars.map(\.value)) }
        #expect(PassageGaps.shareCharacters(units("西宁市总多措并举推进"), units("西宁市总多举措推进")))
        #expect(!PassageGaps.shareCharacters(units("劳模助农服务进农场"), units("沙漠绿洲里的热门打卡点")))
        #expect(PassageGaps.shareCharacters(units(""), units("任何")))
        #expect(!PassageGaps.shareCharacters(units(""), units("任何"), emptyShares: false))
    }
}
