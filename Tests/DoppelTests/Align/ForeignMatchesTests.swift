import Doppel
import Testing

@testable import DoppelDiff

/// Templated siblings (reports sharing a dateline and an opening) pair by their distinctive
/// text: a chain is not bridged across text whose distinctive matches lie elsewhere
/// (`ForeignMatches`).
@Suite struct ForeignMatchesTests {
    static let opening = "本台消息,据中央广播电视总台报道,国务院新闻办公室今天举行新闻发布会。"
    static let news = [
        "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作。",
        "由山东省日照市五莲县总工会组织的劳模工匠送技入企活动走进山东鸿日新能源汽车有限公司。",
        "活动现场还设置了技能比武环节,二十余名青年职工同台竞技,比出了水平,赛出了风格。",
    ]
    static let headlines = ["西宁市总推进社会组织建会", "劳模工匠送技入企", "青年职工同台竞技"]
    static let other = "五莲县总创新开展职工技能提升行动,先后组织齐鲁工匠、日照工匠以及省、市劳模到企业开展技能讲座三十余场,受到职工欢迎。"

    /// Sibling `n`: headline, dateline (11月5日, 6日, 7日) and the opening before its news.
    static func sibling(_ n: Int, headlineLast: Bool = false, news: String? = nil) -> [String] {
        let body = ["《新闻联播》 2024年11月\(5 + n)日", opening + (news ?? Self.news[n])]
        return headlineLast ? body + [headlines[n]] : [headlines[n]] + body
    }

    static func compare(_ a: [[String]], _ b: [[String]]) -> Comparison {
        Comparer.compare(
            SourceText(path: "a", text: a.flatMap { $0 }.joined(separator: "\n\n")),
            SourceText(path: "b", text: b.flatMap { $0 }.joined(separator: "\n\n")))
    }

    static func edits(_ c: Comparison) -> [String] {
        c.pairs.flatMap(\.edits).map { "[-\(c.textA.string($0.a))-]{+\(c.textB.string($0.b))+}" }
    }

    @Test func siblingsInAnotherOrderAreEachPairedWithThemselves() {
        // Print puts sibling 2 where the web has sibling 1 (between sibling 0 and another
        // article), headlines after the body: a chain from sibling 0 to the other article would
        // bridge two different siblings that share their dateline and opening.
        let c = Self.compare(
            [Self.sibling(0), Self.sibling(1), [Self.other], Self.sibling(2)],
            [
                Self.sibling(0, headlineLast: true), Self.sibling(2, headlineLast: true), [Self.other],
                Self.sibling(1, headlineLast: true),
            ])
        #expect(Self.edits(c) == [], "\(Self.edits(c))")
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(!c.hasDifferences)
    }

    @Test func anEditInOneSiblingIsThatEditAlone() {
        let edited = Self.news[1].replacingOccurrences(of: "劳模工匠", with: "劳模巧匠")
        let c = Self.compare(
            [Self.sibling(0), Self.sibling(1), [Self.other], Self.sibling(2)],
            [Self.sibling(0), Self.sibling(2), [Self.other], Self.sibling(1, news: edited)])
        #expect(Self.edits(c) == ["[-工-]{+巧+}"])
    }

    @Test func aChainIsCutWhereALongMatchInItsGapLiesElsewhere() {
        // Matches at 0 and 100 chain A 0..<140 to B 0..<140; a match of 30 units at A 50 whose
        // B side (500) is outside the gap cuts the chain; one at B 60 (inside both gaps) or of
        // fewer than `minimumLength` units does not.
        let first = ExactMatch(a: 0, b: 0, length: 40)
        let second = ExactMatch(a: 100, b: 100, length: 40)
        let chain = AlignedPair(a: 0..<140, b: 0..<140, moved: false, matches: [first, second])
        let foreign = ExactMatch(a: 50, b: 500, length: 30)
        let cut = ForeignMatches.split([chain], among: [first, foreign, second], minimumLength: 16)
        #expect(cut.map(\.a) == [0..<40, 100..<140])
        #expect(cut.map(\.b) == [0..<40, 100..<140])
        let inside = ExactMatch(a: 50, b: 60, length: 30)
        #expect(ForeignMatches.split([chain], among: [first, inside, second], minimumLength: 16) == [chain])
        let short = ExactMatch(a: 50, b: 500, length: 10)
        #expect(ForeignMatches.split([chain], among: [first, short, second], minimumLength: 16) == [chain])
        // The same from B's side: a match inside B's gap whose A side is elsewhere.
        let foreignB = ExactMatch(a: 700, b: 45, length: 30)
        #expect(ForeignMatches.split([chain], among: [first, second, foreignB], minimumLength: 16).count == 2)
    }

    @Test func siblingsCrossedBehindHeadlinesPrintedAfterTheirBodyArePairedWithThemselves() {
        // The web has headline 14, sibling 14, headline 13, sibling 13, the next article's
        // headline and body; print has sibling 13, headline 13, a label, sibling 14, headline 14,
        // the body, its headline. The match of headline 13 grows on through the shared dateline
        // into sibling 13 (web) and sibling 14 (print) and chains on to the next body; each
        // sibling's own news grows back through the same dateline into it, so only a cut where
        // both sides hold such a match keeps the dates and the news from being edits.
        let opening = "本台消息,据中央广播电视总台报道,国务院新闻办公室今天举行新闻发布会。"
        let news = [
            "目前,已建工会的100人以上非公有制企业单独建制率达到80%以上。据介绍,升级后,长春办事处降低了参保人数限制条件,规定参加本活动的职工不得少于全体职工的80%;10人(含)以下的单位须全体参加。",
            "每位职工由班组老师傅进行结对帮带,确保学习效果,同时,根据职工的特点和意愿量身定制专属成长规划。100余名来自辽宁省沈阳市机关事业单位、央企及外资企业的青年职工以伞为媒,迎接爱情。",
        ]
        let headlines = ["兵团总工会发挥困难职工帮扶", "同时各师工会统一更名为"]
        func sibling(_ n: Int, headlineLast: Bool) -> [String] {
            let body = ["《新闻联播》 2024年11月\(13 + n)日", opening + news[n]]
            return headlineLast ? body + [headlines[n]] : [headlines[n]] + body
        }
        let lead = "劳模工匠送技入企活动走进山东鸿日新能源汽车有限公司,既解决了技术难题,又节约了生产成本。"
        let headline = "职工子女的快乐“云上”时光"
        let body = [
            "本报记者 裴龙翔",
            "“爱心云辅导真是解决了我的大麻烦,孩子每次辅导完都主动和我分享学到的知识和开心的瞬间,感谢公司提供这样的机会。”在西南G5京昆高速项目奋战的中建八局新型建造工程公司职工陈军说。",
            "近日,由中建八局新型建造工程公司工会与华东师范大学孟宪承书院携手举办的爱心云辅导落下帷幕,35名职工子女度过了一段难忘的“云上”时光。",
        ]
        let c = Self.compare(
            [[lead], sibling(1, headlineLast: false), sibling(0, headlineLast: false), [headline], body],
            [[lead], sibling(0, headlineLast: true), ["工会新闻3"], sibling(1, headlineLast: true), body, [headline]])
        #expect(Self.edits(c) == [], "\(Self.edits(c))")
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(!c.hasDifferences)
    }

    @Test func aHeadlinePrintedBeforeTheNextSiblingDoesNotTakeItsDateline() {
        // Print put each sibling's headline after its body, so headline 0 stands right before
        // sibling 1's dateline; each dateline is edited. The match of headline 0 would grow on
        // into the dateline both siblings begin with (`《新闻联播》 2024年11`), pairing sibling 0's
        // dateline with sibling 1's: boilerplate is not grown into, and each dateline keeps its edit.
        let c = Self.compare(
            [Self.sibling(0), [Self.other], Self.sibling(1)],
            [
                ["《新闻联播》 2024至11月5日", Self.opening + Self.news[0], Self.headlines[0]],
                ["《新闻联播》 2024年11毛6日", Self.opening + Self.news[1], Self.headlines[1]], [Self.other],
            ])
        #expect(Self.edits(c) == ["[-年-]{+至+}", "[-月-]{+毛+}"], "\(Self.edits(c))")
        // Each edit in the pair of its own sibling's dateline: 至 in the 5th's, 毛 in the 6th's.
        for (day, inserted) in [("11月5日", "至"), ("11月6日", "毛")] {
            let pair = c.pairs.first { $0.edits.contains { c.textB.string($0.b) == inserted } }
            #expect(pair.map { c.textA.string($0.pair.a).contains(day) } == true, "\(day)")
        }
    }

    @Test func aDatelineEditedAlikeInEverySiblingStaysWithItsOwn() {
        // `联播` deleted from both datelines, the siblings in another order, headlines after the
        // body: once each sibling's date and news aligned, the two `《新闻联播` left in A are as
        // like the two `《新闻` left in B; each pairs with the one before its own sibling.
        func dated(_ n: Int) -> [String] { ["《新闻》 2024年11月\(5 + n)日", Self.opening + Self.news[n], Self.headlines[n]] }
        let c = Self.compare(
            [Self.sibling(0, headlineLast: true), [Self.other], Self.sibling(1, headlineLast: true)],
            [dated(1), [Self.other], dated(0)])
        #expect(Self.edits(c) == ["[-联播-]{++}", "[-联播-]{++}"], "\(Self.edits(c))")
        // Each deletion in the pair of its own sibling: the same date on both sides.
        for pair in c.pairs where !pair.edits.isEmpty {
            let (textA, textB) = (c.textA.string(pair.pair.a), c.textB.string(pair.pair.b))
            #expect(["11月5日", "11月6日"].allSatisfy { textA.contains($0) == textB.contains($0) }, "\(textA)")
        }
    }
}
