import Testing
@testable import DoppelIO
@testable import DoppelText
@testable import DoppelDiff
@testable import DoppelCluster
@testable import DoppelCompare

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

    @Test func printOnlyArticleAndParagraphAreOnlyInB() {
        let c = Self.samples
        #expect(c.onlyInA.isEmpty)
        let onlyB = c.onlyInB.map { c.textB.string($0) }
        #expect(onlyB.contains("油纸伞下,爱意绽放"))
        #expect(onlyB.contains { $0.hasPrefix("聚焦当地汽车装配制造") })
        #expect(onlyB.contains { $0.hasPrefix("这是沈阳市总工会举办的") })
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
        let c = Comparer.compare(SourceText(path: "a", text: one + "\n\n" + two), SourceText(path: "b", text: two + "\n\n" + one))
        #expect(c.pairs.count == 2)
        #expect(c.pairs.filter(\.pair.moved).count == 1)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(c.editCount == 0)
        #expect(c.hasDifferences == false)
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
        #expect(Comparer.compare(SourceText(path: "a", text: ""), SourceText(path: "b", text: "")).hasDifferences == false)
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
        let c = Comparer.compare(SourceText(path: "a", text: random(30_000)), SourceText(path: "b", text: random(30_000)))
        #expect(c.pairs.isEmpty)
        #expect(c.exact)
        #expect(!c.onlyInA.isEmpty && !c.onlyInB.isEmpty)
    }
}
