import Doppel
import Testing

@testable import DoppelCluster
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct PassageSelectionTests {
    /// The reference: for each passage the heaviest chain ending at it, over every earlier
    /// passage before it in B, ties to the earliest; the kept chain ends at the first heaviest.
    static func referenceMoved(_ pairs: [AlignedPair]) -> [Bool] {
        let n = pairs.count
        var best = [Int](repeating: 0, count: n)
        var previous = [Int](repeating: -1, count: n)
        for i in 0..<n {
            best[i] = pairs[i].a.count
            for j in 0..<i
            where pairs[j].b.upperBound <= pairs[i].b.lowerBound
                && best[j] + pairs[i].a.count > best[i]
            {
                best[i] = best[j] + pairs[i].a.count
                previous[i] = j
            }
        }
        var keep = [Bool](repeating: false, count: n)
        var i = best.indices.max { best[$0] < best[$1] } ?? -1
        while i >= 0 {
            keep[i] = true
            i = previous[i]
        }
        return keep.map { !$0 }
    }

    /// `count` passages disjoint on both sides, in A order, in a shuffled B order.
    static func shuffledPassages(_ count: Int, seed: UInt64) -> [AlignedPair] {
        var rng = SplitMix64(seed: seed)
        let lengths = (0..<count).map { _ in Int.random(in: 1...50, using: &rng) }
        var startsA: [Int] = []
        var position = 0
        for length in lengths {
            startsA.append(position)
            position += length + Int.random(in: 0...5, using: &rng)
        }
        // Mostly in order, with some blocks swapped, as moved articles are.
        var orderB = Array(0..<count)
        for _ in 0..<(count / 4) {
            let x = Int.random(in: 0..<count, using: &rng)
            let y = Int.random(in: 0..<count, using: &rng)
            orderB.swapAt(x, y)
        }
        var startsB = [Int](repeating: 0, count: count)
        position = 0
        for index in orderB {
            startsB[index] = position
            position += lengths[index] + Int.random(in: 0...5, using: &rng)
        }
        return (0..<count).map {
            AlignedPair(
                a: startsA[$0]..<startsA[$0] + lengths[$0], b: startsB[$0]..<startsB[$0] + lengths[$0],
                moved: false, matches: [])
        }
    }

    @Test(arguments: 1...20 as ClosedRange<UInt64>)
    func movedMarksKeepTheHeaviestIncreasingChainAsTheQuadraticReferenceDoes(seed: UInt64) {
        var pairs = Self.shuffledPassages(Int(seed) * 7, seed: seed)
        let expected = Self.referenceMoved(pairs)
        PassageSelection.markMoved(&pairs)
        #expect(pairs.map(\.moved) == expected, "seed \(seed)")
    }

    @Test func inOrderPassagesAreNeverMoved() {
        var pairs = (0..<100).map {
            AlignedPair(a: $0 * 10..<$0 * 10 + 5, b: $0 * 7..<$0 * 7 + 5, moved: true, matches: [])
        }
        PassageSelection.markMoved(&pairs)
        #expect(pairs.allSatisfy { !$0.moved })
    }

    @Test func mergingAdjacentPassagesKeepsEveryMatchInOrder() {
        let pairs = (0..<500).map { i in
            AlignedPair(
                a: i * 20..<i * 20 + 18, b: i * 21..<i * 21 + 18, moved: false,
                matches: [ExactMatch(a: i * 20, b: i * 21, length: 18)])
        }
        let text = NormalizedText(identity: String(repeating: "x", count: 500 * 21))
        let merged = PassageSelection.mergeAdjacent(pairs, options: .standard, gaps: PassageGaps(text, text))
        #expect(merged.count == 1)
        #expect(merged[0].a == 0..<(499 * 20 + 18) && merged[0].b == 0..<(499 * 21 + 18))
        #expect(merged[0].matches == pairs.flatMap(\.matches))
    }

    @Test func aParagraphAddedBeforeItsArticlesHeadlinePrintedAfterTheBodyIsAParagraphInsert() throws {
        // Web: headline, body, then the next article (kicker and headline open it); print: body,
        // the added paragraph, then the article's own headline.
        let (headline, kicker, next) = ("五莲县总组织劳模工匠送技入企", "聚焦基层治理", "西宁市总多措并举推进社会组织建会")
        let g = PassageGapsTests.self
        // Lines are paragraphs (two long lines in a row would otherwise be read as one wrapped one).
        let options = try ComparisonOptions(normalization: NormalizationOptions(layout: .flowed))
        let c = Comparer.compare(
            SourceText(
                path: "a",
                text: [headline, g.bodyTwo, g.bodyTwoMore, kicker, next, g.bodyOne, g.bodyOneMore].joined(
                    separator: "\n\n")),
            SourceText(
                path: "b",
                text: [g.bodyTwo, g.bodyTwoMore, g.added, headline, g.bodyOne, g.bodyOneMore, kicker, next].joined(
                    separator: "\n\n")),
            options: options)
        let found = g.edits(c)
        #expect(found.count == 1)
        #expect(
            found.first.map { $0.edit.kind == .paragraph && $0.edit.operation == .insert && $0.b == g.added } == true)
        #expect(c.onlyInB.isEmpty)
    }

    @Test func aParagraphAddedAfterAnArticlesLastParagraphBeforeTheNextArticleIsItsParagraphInsert() {
        // Headlines first on both sides (an English print page): the next article follows the
        // added paragraph in print and the article's last paragraph on the web.
        let g = PassageGapsTests.self
        let (one, two) = ("西宁市总多举措推进社会组织建会", "五莲县总组织劳模工匠送技入企")
        let options = try! ComparisonOptions(normalization: NormalizationOptions(layout: .flowed))
        let c = Comparer.compare(
            SourceText(
                path: "a",
                text: [one, g.bodyOne, g.bodyOneMore, two, g.bodyTwo, g.bodyTwoMore].joined(separator: "\n\n")),
            SourceText(
                path: "b",
                text: [one, g.bodyOne, g.bodyOneMore, g.added, two, g.bodyTwo, g.bodyTwoMore].joined(separator: "\n\n")),
            options: options)
        let found = g.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.b == g.added, "\(found)")
        #expect(c.onlyInB.isEmpty)
    }

    @Test func aParagraphAddedBeforeTheNextArticleWhoseHeadlinePrintFollowsItsBodyIsAParagraphInsert() {
        // Web: each article's headline first; print: the next article's headline after its body,
        // so in print the added paragraph is followed by that article's body (opened by a
        // sub-heading), on the web the article's last paragraph by that headline.
        let one = [
            "权益咋维护 普法课上知",
            "本报记者 马学礼 李静楠 本报通讯员 马小燕",
            "“参加市总组织的普法宣传宣讲活动后,我知道了该怎样维护自己的合法权益。”参加",
            "完3月中旬银川市总组织开展的法律法规普法宣传活动中,宁夏国斌亚琦纺织有限公司女职工苏秀金表示。",
            "为提升女职工的法律意识,近年来,银川市各级工会组织普法维权宣传活动50余次,发放宣传资料3万余份。广泛开展“安全生产——女职工在行动”安全主题普法宣传活动,引导女职工切实筑牢安全防范意识;定期邀请相关专家对法律法规中涉及女职工的法律问题进行解读和现场答疑。在就业招聘期间,各级工会集中发放《促进工作场所性别平等指导手册》,进行前置维权。",
            "此外,银川市各级工会构筑指尖普法阵地,延伸宣传教育触角。广泛运用网、端、微、群、圈等便捷灵活方式,全方位普及法律法规知识,推出“女职工普法维权以案释法”特辑、“小工说法”、普法“云课堂”等在线普法专栏。今年初,银川市总组织开展女职工普法宣传线上有奖竞答活动,吸引20多万人(次)参加。",
        ]
        let headline = "银川工会探索“机制+宣传+维权”工作模式,提升女职工维权工作质效——"
        let two = [
            "三位一体为“她”打造“安全屋”",
            "“省心、省力、省时,太感谢了!”近日,拿到被拖欠的工资后,宁夏回族自治区银川市西夏区职工王女士给西夏区总工会工作人员发来感谢信。2023年末,王女士辞去了餐饮公司的工作,但公司拖欠她1个月工资迟迟不发,多次沟通均未解决。西夏区总了解情况后,及时介入并启动“工会+”维权联动机制,很快为王女士讨回了工资。",
            "这是银川工会高效为女职工维权的一个案例。近年来,银川市总工会聚焦女职工合法权益和特殊利益维护,逐步探索创立“机制+宣传+维权”的三位一体维护女职工权益的工作新模式,提升女职工维权工作质量。据统计显示,仅今年以来,银川市各级工会共受理女职工维权案件50余件,调解成功42件,为100余名女职工(女农民工)挽回经济损失80余万元。",
        ]
        let added = "行动计划满一年后进行考核,对表现优秀者进行提拔。采取保留、调整、撤并重组的方式,对同一行业或性质相近的行业进行合并同类项。"
        let c = Comparer.compare(
            SourceText(path: "a", text: (one + [headline] + two).joined(separator: "\n\n")),
            SourceText(path: "b", text: (one + [added] + two + [headline]).joined(separator: "\n\n")))
        let found = PassageGapsTests.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.b == added, "\(found)")
        #expect(c.onlyInB.isEmpty)
    }

    @Test func aParagraphAddedBeforeAnArticleOfPrintOnlyIsItsArticlesParagraphInsert() {
        // Headlines first (an English print page): in print the article with the added
        // paragraph is followed by an article the web page has not; on the web, by an article
        // print placed before it.
        let cycle = [
            "TRANSPORT", "Cycle lanes extended to the northern suburbs",
            "Protected cycle lanes will be extended from the city centre to three northern suburbs by the end of the year, the transport committee announced after a review of last summer's pilot scheme.",
            "Some shop owners remain concerned about the loss of on-street parking. The committee said it would create additional short-stay bays in side streets.",
        ]
        let added =
            "The proposal will be discussed again at the next meeting of the full council in the autumn, when members are expected to vote on the final budget."
        let museum = [
            "Museum reopens after fifteen-month restoration", "By Clara Jennings",
            "The natural history museum reopened its doors on Saturday after a fifteen-month restoration that uncovered original ceiling panels.",
            "Visitors queued around the block on the opening morning. Entry remains free, although the museum has introduced timed tickets.",
        ]
        let hospital = [
            "Hospital opens new emergency wing", "By Ahmed Rahman",
            "The general hospital has opened a new emergency wing designed to cut waiting times, with twice the number of treatment bays.",
            "Staff said the old department, built in the 1970s, had become overcrowded during the winter months.",
        ]
        let options = try! ComparisonOptions(normalization: NormalizationOptions(layout: .flowed))
        let c = Comparer.compare(
            SourceText(path: "a", text: (cycle + museum).joined(separator: "\n\n")),
            SourceText(path: "b", text: (museum + cycle + [added] + hospital).joined(separator: "\n\n")),
            options: options)
        let found = PassageGapsTests.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.b == added, "\(found)")
        // The print-only article stays one-sided, headline and body.
        let onlyB = c.onlyInB.map { c.textB.string($0) }
        #expect(onlyB.first == hospital[0] && onlyB.last == hospital[3], "\(onlyB)")
    }

    @Test func paragraphsBeyondAJumpLineAtAPassagesEdgeAreNotDrawnIn() {
        // Print resumes the article from page 1: its jump line closes the headline's passage (a
        // short stretch takes in its neighbour), and the web's first paragraphs, on the other
        // page in print, face nothing between the two passages.
        let headline = "Schools trial four-day timetable for older pupils"
        let first = "Eleven secondary schools will take part in a year-long trial of a compressed timetable."
        let second = "Under the scheme, lessons will be concentrated into four longer days of teaching."
        let rest = "Parents will be surveyed at the end of each term, and the results published in full."
        let last = "The department said the trial was not a first step towards a shorter school week."
        let a = NormalizedText.flowed([headline, first, second, rest, last])
        let b = NormalizedText.flowed([headline, "Continued from Page 1", rest, last])
        func range(_ from: Int, _ to: Int, _ text: NormalizedText) -> Range<Int> {
            text.paragraphStarts[from]..<(to < text.paragraphStarts.count ? text.paragraphStarts[to] : text.count)
        }
        func pair(_ ra: Range<Int>, _ rb: Range<Int>) -> AlignedPair {
            AlignedPair(
                a: ra, b: rb, moved: false, matches: [ExactMatch(a: ra.lowerBound, b: rb.lowerBound, length: 8)])
        }
        var pairs = [pair(range(0, 1, a), range(0, 2, b)), pair(range(3, 5, a), range(2, 4, b))]
        PassageSelection.drawInParagraphs(&pairs, gaps: PassageGaps(a, b))
        #expect(pairs[1].a == range(3, 5, a))
        // Without the jump line the two paragraphs are the article's, removed in print.
        let plain = NormalizedText.flowed([headline, "Schools: a trial", rest, last])
        pairs = [pair(range(0, 1, a), range(0, 2, plain)), pair(range(3, 5, a), range(2, 4, plain))]
        PassageSelection.drawInParagraphs(&pairs, gaps: PassageGaps(a, plain))
        #expect(pairs[1].a == range(1, 5, a))
    }

    @Test func aParagraphRemovedWherePrintPutAnArticleOfItsOwnIsItsArticlesParagraphDelete() {
        // The web page has a paragraph at the end of an article; print removed it and put an
        // article the web page has not in its place: that article is no counterpart of the
        // paragraph, which is the first article's paragraph delete.
        let cycle = [
            "TRANSPORT", "Cycle lanes extended to the northern suburbs",
            "Protected cycle lanes will be extended from the city centre to three northern suburbs by the end of the year, the transport committee announced after a review of last summer's pilot scheme.",
            "Some shop owners remain concerned about the loss of on-street parking. The committee said it would create additional short-stay bays in side streets.",
        ]
        let removed =
            "The proposal will be discussed again at the next meeting of the full council in the autumn, when members are expected to vote on the final budget."
        let museum = [
            "Museum reopens after fifteen-month restoration", "By Clara Jennings",
            "The natural history museum reopened its doors on Saturday after a fifteen-month restoration that uncovered original ceiling panels.",
            "Visitors queued around the block on the opening morning. Entry remains free, although the museum has introduced timed tickets.",
        ]
        let hospital = [
            "EDUCATION", "Hospital opens new emergency wing",
            "The general hospital has opened a new emergency wing designed to cut waiting times, with twice the number of treatment bays.",
            "Staff said the old department, built in the 1970s, had become overcrowded during the winter months.",
            "The wing includes a separate area for children and a rapid assessment unit for patients arriving by ambulance, which managers expect to shorten handover times at the front door.",
            "Hospital managers said recruitment for the additional nursing posts was well advanced, although some specialist roles were still being filled by temporary staff.",
        ]
        // (A whole article: longer than the gap a replace may span, so not taken for one.)
        let options = try! ComparisonOptions(normalization: NormalizationOptions(layout: .flowed))
        let c = Comparer.compare(
            SourceText(path: "a", text: (cycle + [removed] + museum).joined(separator: "\n\n")),
            SourceText(path: "b", text: (cycle + hospital + museum).joined(separator: "\n\n")),
            options: options)
        let found = PassageGapsTests.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.a == removed, "\(found)")
        #expect(c.onlyInA.isEmpty)
        let onlyB = c.onlyInB.map { c.textB.string($0) }
        #expect(onlyB.first == hospital.first && onlyB.last == hospital.last, "\(onlyB)")
    }

    @Test func aParagraphRemovedAfterAPassageWhoseBreakPrintLostIsItsParagraphDelete() {
        // Print joined the article's two paragraphs into one (the first one's last line was
        // full): the passage is two paragraphs on the web, which is evidence enough of an article.
        let g = PassageGapsTests.self
        let c = g.compare([g.bodyTwo, g.bodyTwoMore, g.added], [g.bodyTwo + g.bodyTwoMore])
        let found = g.edits(c)
        #expect(found.count == 1 && found.first?.edit.kind == .paragraph && found.first?.a == g.added, "\(found)")
        #expect(c.onlyInA.isEmpty)
    }

    @Test func textAfterALoneSharedParagraphIsNotDrawnIntoIt() {
        let g = PassageGapsTests.self
        let c = g.compare([g.bodyOne], [g.bodyOne, g.added])
        #expect(g.edits(c).isEmpty)
        #expect(c.onlyInB.map { c.textB.string($0) } == [g.added])
    }

    @Test func anEnglishClauseAtAParagraphsEndIsAnEditUpToThreeTimesTheSlack() {
        // The last clause deleted from one paragraph (52 units, over the 40 of ideographic
        // text), a clause appended to the next: two edits, the full stops kept in place (not
        // paired with each other as moved text).
        let g = PassageGapsTests.self
        let first =
            "\"Children who have eaten are ready to learn. It really is that simple,\" said Marion Whitfield, head of Oakfield Primary"
        let second =
            "Parents will not need to apply, and the clubs will open at 8 a.m. Schools can choose whether to run the clubs with their own staff or through a local catering partner"
        let c = g.compare(
            [first + ", where about 90 pupils attend the club each morning.", second + "."],
            [first + ".", second + ", according to the report."])
        #expect(
            g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" } == [
                "[-, where about 90 pupils attend the club each morning-]{++}", "[--]{+, according to the report+}",
            ])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func theFirstWordOfABodyPrintJoinedToItsHeadlineIsTheBodysEdit() {
        // Print lines are separated by blank lines, so the headline (no sentence end) is read
        // into one paragraph with the body's first line, and the byline between them on the web
        // went after the body. The web's paragraph ends with the headline: the replaced first
        // word is the body's edit, not an insert after the headline and a deletion.
        let web = [
            "WEATHER", "Storm brings record rainfall to coastal towns", "By Helen Whitaker",
            "PORTHAVEN, Nov. 14 - Coastal towns were cleaning up on Thursday after a slow-moving storm dropped 142 millimetres of rain in 24 hours, the highest daily total recorded at the harbour station since measurements began in 1911.",
            "\"The water came up through the floorboards in about twenty minutes,\" said Rosalind Pryce, who runs a bakery on Quay Street.",
        ]
        let print = [
            "WEATHER", "Storm brings record rainfall to coastal towns",
            "Committee, Nov. 14 - Coastal towns were cleaning up on",
            "Thursday after a slow-moving storm dropped 142 millimetres",
            "of rain in 24 hours, the highest daily total", "recorded at the harbour station since measurements",
            "began in 1911.", "\"The water came up through the floorboards in about",
            "twenty minutes,\" said Rosalind Pryce, who runs a bakery", "on Quay Street.", "By Helen Whitaker",
        ]
        let g = PassageGapsTests.self
        let c = g.compare(web, print)
        #expect(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" } == ["[-PORTHAVEN-]{+Committee+}"])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func theStartOfAParagraphPrintResumesAfterAJumpLineIsNotDrawnIntoTheHeadlineBeforeIt() {
        // Web: dateline, headline, the article from its first words. Print: another article, the
        // jump line `(上接第1版)` and the article from the middle of its first paragraph (its
        // start is on page 1), the headline printed after the body. The web's first words are
        // print's cut, not an edit at the end of the headline's passage.
        let g = PassageGapsTests.self
        let headline = "能源化学地质系统全国和行业重点劳动竞赛现场推进会在广州召开"
        let start = "本报讯(记者叶小钟 通讯员徐婷)4月10日,能源化学地质系统"
        let rest = "全国和行业重点劳动竞赛现场推进会在广东广州召开。据介绍,经全国总工会批准,目前全国能源化学地质系统共有16项竞赛。"
        let web = ["2023年4月12日", headline, start + rest, g.added, "西宁市总多举措推进社会组织建会", g.bodyOne, g.bodyOneMore]
        let print = [g.bodyOne, g.bodyOneMore, "西宁市总多举措推进社会组织建会", "(上接第1版)", rest, g.added, "2023年4月12日", headline]
        let c = Comparer.compare(
            SourceText(path: "a", text: web.joined(separator: "\n\n")),
            SourceText(path: "b", text: print.joined(separator: "\n")))
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInA.map { c.textA.string($0) } == [start.filter { $0 != " " }])
    }
}

extension NormalizedText {
    /// A flowed text of these paragraphs (blank lines between them).
    fileprivate static func flowed(_ paragraphs: [String]) -> NormalizedText {
        Normalizer().normalize(SourceText(path: "t", text: paragraphs.joined(separator: "\n\n")))
    }
}
