import Foundation
import PagePairs
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct ComparisonTests {
    static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))

    private func edits(_ c: Comparison) -> [(a: String, b: String, edit: Edit)] {
        c.pairs.flatMap { $0.edits }.map { (c.textA.string($0.a), c.textB.string($0.b), $0) }
    }

    @Test func webAgainstPrintReportsTheNamedEdits() {
        let found = edits(Self.samples)
        #expect(found.filter { $0.a == "王" && $0.b == "马" && $0.edit.operation == .replace }.count == 3)
        #expect(found.contains { $0.a == "" && $0.b == "短" && $0.edit.operation == .insert })
        #expect(found.contains { $0.a == "蔚" && $0.b == "莉" })
        #expect(found.contains { $0.a == "全" && $0.b == "垒" })
        #expect(found.contains { $0.a == "列" && $0.b == "头" })
        #expect(found.contains { $0.a == "措并举" && $0.b == "举措" })
        #expect(found.count >= 25)
    }

    @Test func anEditInAParagraphsFirstWordsStaysInThatParagraphsPassage() {
        // "目前,正值春耕春管…" against "目前,正值春种春管…": the first words are too short for an
        // anchor and are paired by similarity, then joined to the rest of their paragraph.
        let c = Self.samples
        let holding = c.pairs.first { pair in
            pair.edits.contains { c.textA.string($0.a) == "耕" && c.textB.string($0.b) == "种" }
        }
        #expect(holding.map { c.textA.string($0.pair.a).hasPrefix("目前,正值春耕春管重要时节") } == true)
    }

    @Test func noEditIsLayoutNoise() {
        for e in edits(Self.samples) {
            #expect(e.a != e.b)
            #expect(!(e.a + e.b).unicodeScalars.allSatisfy { ScriptClass.of($0.value) == .space })
        }
    }

    @Test func thePrintOnlyArticleIsOnlyInBAndThePrintOnlyParagraphIsAParagraphEditOfItsArticle() {
        let c = Self.samples
        #expect(c.onlyInA.isEmpty)
        let onlyB = c.onlyInB.map { c.textB.string($0) }
        #expect(onlyB.contains("油纸伞下,爱意绽放"))
        #expect(onlyB.contains { $0.hasPrefix("这是沈阳市总工会举办的") })
        #expect(!onlyB.contains { $0.hasPrefix("聚焦当地汽车装配制造") })
        // The paragraph print added to the Wulian article is an insert of kind paragraph in
        // that article's pair, where it sits.
        let holding = c.pairs.first { pair in
            pair.edits.contains { $0.kind == .paragraph && c.textB.string($0.b).hasPrefix("聚焦当地汽车装配制造") }
        }
        #expect(holding.map { c.textA.string($0.pair.a).contains("五莲县总") } == true)
        #expect(holding?.edits.first { $0.kind == .paragraph }?.operation == .insert)
        #expect(c.pairs.flatMap(\.edits).filter { $0.kind == .paragraph }.count == 1)
    }

    @Test func everyWebParagraphIsAligned() {
        let c = Self.samples
        for paragraph in c.textA.paragraphRanges {
            let covered = c.pairs.contains { $0.pair.a.overlaps(paragraph) }
            #expect(covered, "\(c.textA.string(paragraph))")
        }
    }

    @Test func slicingTheOriginalsAtAnEditGivesItsText() {
        let c = Self.samples
        let normalizer = Normalizer()
        for e in edits(c) {
            let ra = c.textA.originRange(of: e.edit.a)
            let rb = c.textB.originRange(of: e.edit.b)
            let sliceA = normalizer.normalize(Array(c.sourceA.scalars[ra]))
            let sliceB = normalizer.normalize(Array(c.sourceB.scalars[rb]))
            #expect(sliceA.string(0..<sliceA.count) == e.a)
            #expect(sliceB.string(0..<sliceB.count) == e.b)
        }
    }

    @Test func applyingEachPairsEditsToAGivesB() {
        let c = Self.samples
        for pc in c.pairs {
            let rebuilt = TextDiff.apply(pc.edits, from: c.textA, pc.pair.a, to: c.textB)
            #expect(rebuilt == Array(c.textB.units[pc.pair.b]))
        }
    }

    @Test func reorderedArticlesAreMovedPairsNotDeletions() {
        let one = "本报讯(记者田国全通讯员魏星)日前,由山东省日照市五莲县总工会组织的劳模工匠送技入企活动走进山东鸿日新能源汽车有限公司。"
        let two = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作,全面掌握社会组织的数量分布。"
        let c = Comparer.compare(
            SourceText(path: "a", text: one + "\n\n" + two), SourceText(path: "b", text: two + "\n\n" + one))
        #expect(c.pairs.count == 2)
        #expect(c.pairs.filter(\.pair.moved).count == 1)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(c.editCount == 0)
        #expect(c.hasDifferences == false)
    }

    @Test func aKickerInCapitalsEditedInOneVersionIsAnEditOfItsArticle() {
        // `CITY HALL` alone reads as a running head and is set aside; against `Council HALL` it
        // is the article's kicker, and the replaced word is an edit.
        let body = "The council voted on Tuesday to approve a long-term plan for new housing by the river."
        let c = Comparer.compare(
            SourceText(path: "a", text: "CITY HALL\n\nCouncil approves long-term plan\n\n" + body),
            SourceText(path: "b", text: "Council HALL\n\nCouncil approves long-term plan\n\n" + body))
        #expect(edits(c).map { "[-\($0.a)-]{+\($0.b)+}" } == ["[-CITY-]{+Council+}"])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty && c.ledger.furniture == 0)
    }

    @Test func identicalTextsHaveNoDifferences() {
        let s = Samples.source(Samples.web)
        let c = Comparer.compare(s, s)
        #expect(!c.hasDifferences)
        #expect(c.similarity == 1)
    }

    @Test func anEmptySideIsTextOnTheOtherSideOnly() {
        let c = Comparer.compare(SourceText(path: "a", text: ""), SourceText(path: "b", text: "新的内容。"))
        #expect(c.pairs.isEmpty)
        #expect(c.onlyInB.count == 1)
        #expect(
            Comparer.compare(SourceText(path: "a", text: ""), SourceText(path: "b", text: "")).hasDifferences == false)
    }

    @Test func repetitiveTextsWithoutAnchorsAreComparedWhole() {
        let a = String(repeating: "啊", count: 20_000)
        let c = Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: a.dropLast() + "吧"))
        #expect(c.pairs.count == 1)
        #expect(c.editCount == 1)
    }

    @Test func ignorePunctuationDropsPunctuationEdits() {
        var options = ComparisonOptions.standard
        let a = SourceText(path: "a", text: "各级工会将深入开发区、乡镇等基层工会一线,开展专项调研,全面摸清情况。")
        let b = SourceText(path: "b", text: "各级工会将深入开发区乡镇等基层工会一线,开展专项调研;全面摸清情况。")
        #expect(Comparer.compare(a, b, options: options).editCount == 2)
        options.ignorePunctuation = true
        #expect(Comparer.compare(a, b, options: options).editCount == 0)
    }

    // MARK: Edges, hyphens, layout only, few anchors

    @Test func changingTheFirstCharacterOfATextIsAnEdit() {
        // sed 's/^扎/狠/' on the web page: the headline's first character.
        let web = Samples.source(Samples.web)
        var scalars = web.scalars
        let first = scalars.firstIndex { $0 != "\n" }!
        #expect(scalars[first] == "扎")
        scalars[first] = "狠"
        let c = Comparer.compare(web, SourceText(path: "b", text: String(String.UnicodeScalarView(scalars))))
        let found = edits(c)
        #expect(found.count == 1)
        #expect(found.first.map { $0.a == "扎" && $0.b == "狠" && $0.edit.a == 0..<1 } == true)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func changingTheLastCharacterOfATextIsAnEdit() {
        let a = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作。"
        let b = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作!"
        let found = edits(Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: b)))
        #expect(found.map { "\($0.a)→\($0.b)" } == ["。→!"])
    }

    @Test func aClauseAppendedOrDeletedBeforeTheFinalFullStopIsAnEdit() {
        let one = "今年以来,当地把老旧小区改造作为民生实事,已完成改造项目37个,惠及居民1.2万户。"
        let two = "改造之前,社区工作人员逐户走访,听取居民意见,把加装电梯、停车难和管网老化等问题列入清单。"
        let three = "下一步,当地将继续推进城镇老旧小区改造,计划到明年底基本完成改造任务。"
        let a = [one, two, three].joined(separator: "\n\n")
        let appended = [one, "改造之前,社区工作人员逐户走访,听取居民意见,把加装电梯、停车难和管网老化等问题列入清单,群众满意度明显提升。", three]
        let c = Comparer.compare(
            SourceText(path: "a", text: a), SourceText(path: "b", text: appended.joined(separator: "\n\n")))
        #expect(edits(c).map { "\($0.a)→\($0.b)" } == ["→,群众满意度明显提升"])
        let deleted = [one, two, "下一步,当地将继续推进城镇老旧小区改造。"]
        let d = Comparer.compare(
            SourceText(path: "a", text: a), SourceText(path: "b", text: deleted.joined(separator: "\n\n")))
        #expect(edits(d).map { "\($0.a)→\($0.b)" } == [",计划到明年底基本完成改造任务→"])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty && d.onlyInA.isEmpty && d.onlyInB.isEmpty)
    }

    @Test func aLineEndHyphenIsDecidedWithTheOtherVersion() {
        let web =
            "The council approved a long-term plan for the riverside district on Tuesday, ending two years of consultation."
        // Print breaks the real hyphen of long-term, and the word "consultation", at line ends.
        let print =
            "The council approved a long-\nterm plan for the riverside district on Tuesday, ending two years of consul-\ntation."
        var options = ComparisonOptions.standard
        options.normalization.layout = .print
        func compare(_ a: String, _ b: String) -> Comparison {
            Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: b), options: options)
        }
        let c = compare(web, print)
        #expect(c.editCount == 0 && !c.hasDifferences)
        #expect(c.textB.hyphenJoins.count == 2)
        // Where the other version has the joined word, the hyphen is not there either.
        let joined = web.replacingOccurrences(of: "long-term", with: "longterm")
        #expect(compare(joined, print).editCount == 0)
        // A hyphen neither version breaks at a line end is text: its removal is an edit.
        #expect(compare(web, joined).editCount == 1)
    }

    @Test func pagesThatDifferInLayoutOnlyReportNothing() {
        let generator = PagePairGenerator(text: PageText(samplesFolder: Samples.folder))
        for kind in PagePairGenerator.Kind.allCases {
            let pair = generator.page(kind, control: true, seed: 11)
            let c = Comparer.compare(SourceText(path: "a", text: pair.a), SourceText(path: "b", text: pair.b))
            #expect(c.editCount == 0, "\(pair.name): \(edits(c).map { "\($0.a)→\($0.b)" })")
        }
    }

    @Test func nearIdenticalTextsOfATwoLetterAlphabetAlign() {
        // 300,000 characters of `a` and `b` with 60 one-character edits: no 12-gram is unique in
        // such text; longer anchors are.
        var rng = SplitMix64(seed: 13)
        let a: [Character] = (0..<300_000).map { _ in Bool.random(using: &rng) ? "a" : "b" }
        var b = a
        for _ in 0..<60 {
            let i = Int.random(in: 1..<b.count - 1, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: b[i] = b[i] == "a" ? "b" : "a"
            case 1: b.insert("a", at: i)
            default: b.remove(at: i)
            }
        }
        let c = Comparer.compare(SourceText(path: "a", text: String(a)), SourceText(path: "b", text: String(b)))
        #expect(c.similarity > 0.9)
        #expect(c.editCount > 0 && c.editCount <= 60)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }
}

@Suite struct PathologicalComparisonTests {
    @Test func oneChangedLetterInAHugeRunIsAOneLetterEdit() {
        let a = String(repeating: "a", count: 50_000)
        let c = Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: a.dropLast() + "b"))
        #expect(c.editCount == 1)
        let edit = c.pairs[0].edits[0]
        #expect(c.textA.string(edit.a) == "a" && c.textB.string(edit.b) == "b")
    }

    @Test func longUnrelatedTextsAreOneSidedWithoutAWholeTextDiff() {
        var rng = SplitMix64(seed: 9)
        func random(_ n: Int) -> String {
            String(String.UnicodeScalarView((0..<n).map { _ in Unicode.Scalar(0x4E00 + UInt32(rng.next() % 2000))! }))
        }
        let c = Comparer.compare(
            SourceText(path: "a", text: random(30_000)), SourceText(path: "b", text: random(30_000)))
        #expect(c.pairs.isEmpty)
        #expect(c.exact)
        #expect(!c.onlyInA.isEmpty && !c.onlyInB.isEmpty)
    }
}
