import Doppel
import Testing

@testable import DoppelText

@Suite struct NormalizerTests {
    @Test func textThatExpandsIsFoldedWholeWithoutAMapToo() {
        let options = NormalizationOptions(keepMap: false)
        let text = Normalizer(options: options).normalize(
            SourceText(path: "t", text: String(repeating: "\u{FDFA}", count: 100)))
        let withMap = Normalizer().normalize(SourceText(path: "t", text: String(repeating: "\u{FDFA}", count: 100)))
        #expect(text.units == withMap.units && text.units.count > 100 * 10)
        #expect(text.originStarts.isEmpty && text.originEnds.isEmpty)
    }

    @Test func aRunOfHanKeepsItsMapAndLeavesAFollowingCombiningMarkToItsBase() {
        let text = Normalizer().normalize(SourceText(path: "t", text: "他说汉字汉字\u{0301}文。"))
        #expect(text.units == Array("他说汉字汉字\u{0301}文。".unicodeScalars.map(\.value)))
        #expect(text.originStarts == [0, 1, 2, 3, 4, 5, 5, 7, 8])
        #expect(text.originEnds == [1, 2, 3, 4, 5, 7, 7, 8, 9])
    }

    @Test func textThatExpandsBeyondOneUnitPerCodePointIsFoldedWhole() {
        // U+FDFA becomes 18 units under NFKC: 100 of them outgrow the first, in-place buffers.
        let ligature = "\u{FDFA}"
        let expansion = ligature.precomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
        #expect(expansion.count == Normalizer.maximumExpansion)
        let text = Normalizer().normalize(SourceText(path: "t", text: String(repeating: ligature, count: 100)))
        let withoutSpaces = expansion.filter { $0 != 0x20 }
        #expect(text.units.filter { $0 != 0x20 } == Array(Array(repeating: withoutSpaces, count: 100).joined()))
        #expect(text.originStarts.count == text.count && text.originEnds.count == text.count)
        #expect(text.originRange(of: 0..<text.count) == 0..<100)
        #expect(Set(text.originStarts).count == 100)
    }

    @Test func fullWidthPunctuationFoldsToOrdinaryForms() {
        #expect(normalized("你好，世界！（一）：１２３ＡＢＣ") == "你好,世界!(一):123ABC")
    }

    @Test func ideographicCommaAndFullStopAreKept() {
        // fullwidthToHalfwidth would turn these into ､ and ｡; NFKC keeps them and folds ｡ to 。
        #expect(normalized("甲、乙。丙｡") == "甲、乙。丙。")
    }

    @Test func invisibleCharactersAreDropped() {
        #expect(normalized("王\u{200B}女\u{00AD}士\u{FEFF}") == "王女士")
        #expect(normalized("葛\u{E0100}\u{FE0F}") == "葛")
    }

    @Test func quotationMarksTakeOneForm() {
        #expect(normalized("“你好”「世界」『书』") == "\"你好\"\"世界\"\"书\"")
        #expect(normalized("‘a’ don’t") == "'a' don't")
    }

    @Test func dashRunsAndEllipsesBecomeOne() {
        #expect(normalized("安全生产——女职工") == "安全生产—女职工")
        #expect(normalized("安全生产―女职工") == "安全生产—女职工")
        #expect(normalized("涂色……大家") == "涂色…大家")
        #expect(normalized("wait... what") == "wait… what")
        #expect(normalized("wait…") == normalized("wait..."))
    }

    @Test func middleDotsTakeOneForm() {
        #expect(normalized("马・克思") == normalized("马·克思"))
        #expect(normalized("马‧克思") == "马·克思")
    }

    @Test func spacesBesideHanAreLayout() {
        #expect(normalized("阅 读 提 示") == "阅读提示")
        #expect(normalized("2023 年末") == "2023年末")
        #expect(normalized("受理 50 余件") == "受理50余件")
        #expect(normalized("1个月") == normalized("1 个月"))
        #expect(normalized("记者\u{3000}郑蔚") == "记者郑蔚")
    }

    @Test func latinKeepsOneSpaceBetweenWords() {
        #expect(normalized("hello   \t world") == "hello world")
        #expect(normalized("  leading and trailing  ") == "leading and trailing")
        #expect(normalized("Swift 6 与 Linux") == "Swift 6与Linux")
    }

    @Test func hangulKeepsSpacesBetweenWords() {
        #expect(normalized("한국어 단어") == "한국어 단어")
    }

    @Test func lineEndHyphenationIsJoinedAndRealHyphensKept() {
        let text = "This is an exam-\nple of a well-known rule.\n\nNext paragraph here."
        #expect(paragraphs(text) == ["This is an example of a well-known rule.", "Next paragraph here."])
    }

    @Test func wrappedLatinLinesJoinWithASpace() {
        let text = "The quick brown\nfox jumps.\n\nSecond one."
        #expect(paragraphs(text) == ["The quick brown fox jumps.", "Second one."])
    }

    @Test func blankLinesSeparateParagraphsInFlowedText() {
        #expect(paragraphs("第一段。\n\n第二段。\n\n\n第三段。") == ["第一段。", "第二段。", "第三段。"])
    }

    @Test func strayBreakInsideALongParagraphIsJoined() {
        let long = String(repeating: "各级工会将深入开发区", count: 4) + "(工业"
        let next = "园区)和乡镇(街道)工会为重点,以培育选树一批示范性工会为牵引。"
        let text = "标题\n\n\(long)\n\n\(next)\n\n下一段。"
        #expect(paragraphs(text) == ["标题", long + next, "下一段。"])
    }

    @Test func printLinesJoinAndParagraphEndsAreRecovered() {
        let print = """
            这是银川工会高效为女职工维权的一个

            案例。近年来，银川市总工会聚焦女职工合

            法权益和特殊利益维护，逐步探索创立“机

            制+宣传+维权”的三位一体维护女职工权益

            工作新模式。

            扩大“朋友圈” 打造“工会+”

            银川市总在不断实践中意识到，要提升

            女职工维权工作效率，必须学会“借力”，克服

            单打独斗的局限性。
            """
        let result = paragraphs(print, NormalizationOptions(layout: .print))
        #expect(
            result == [
                "这是银川工会高效为女职工维权的一个案例。近年来,银川市总工会聚焦女职工合法权益和特殊利益维护,逐步探索创立\"机制+宣传+维权\"的三位一体维护女职工权益工作新模式。",
                "扩大\"朋友圈\"打造\"工会+\"",
                "银川市总在不断实践中意识到,要提升女职工维权工作效率,必须学会\"借力\",克服单打独斗的局限性。",
            ])
    }

    @Test func aDropCapOnALineOfItsOwnStaysWithItsWord() {
        let web = "The general hospital has opened a new emergency wing designed to cut waiting times."
        let print = """
            Hospital opens new emergency wing

            T

            he general hospital has opened a new emergency wing

            designed to cut waiting times.
            """
        let result = paragraphs(print, NormalizationOptions(layout: .print))
        #expect(result.count == 2 && result.last?.hasPrefix("T") == true, "\(result)")
        // Joined without a space: the word is whole, as the web has it.
        #expect(result.last?.hasPrefix("The general hospital") == true, "\(result)")
        let c = Comparer.compare(
            SourceText(path: "a", text: "Hospital opens new emergency wing\n\n" + web),
            SourceText(path: "b", text: print))
        #expect(c.pairs.flatMap(\.edits).isEmpty)
    }

    @Test func aDropCapWhoseWordIsTheWholeGapJoinsWithoutASpace() {
        // The drop cap's word is the only difference between the two starts of the body (a
        // caption printed before it on the web, the byline in print): with a space the word
        // `T he` is an edit on its own, `[-The-]{+T he+}`.
        let a =
            "Passengers at the northern airport. Photograph by Daniel Okafor\n\nThe general hospital opened a new wing."
        let b = "By Ahmed Rahman\n\nT\n\nhe general hospital opened a new wing."
        let (sa, sb) = (SourceText(path: "a", text: a), SourceText(path: "b", text: b))
        let print = Normalizer(options: NormalizationOptions(layout: .print)).normalize(sb)
        let c = Comparer.compare(sa, Normalizer().normalize(sa), sb, print, options: .standard)
        #expect(c.pairs.flatMap(\.edits).isEmpty)
        #expect(c.pairs.map { c.textB.string($0.pair.b) } == ["The general hospital opened a new wing."])
    }

    @Test func printLayoutIsDetectedOnThePrintSample() {
        let text = Normalizer().normalize(Samples.source(Samples.print))
        #expect(text.ledger.paragraphsRecovered > 20)
        #expect(text.ledger.lineBreaksJoined > 200)
        #expect(text.ledger.fullWidthFolded > 100)
        #expect(!text.units.contains(0x0A))
    }

    @Test func optionalFoldsAreOffByDefault() {
        #expect(normalized("Hello") == "Hello")
        #expect(normalized("Hello", NormalizationOptions(ignoreCase: true)) == "hello")
        #expect(normalized("你好,世界!", NormalizationOptions(ignorePunctuation: true)) == "你好世界")
        #expect(normalized("國語", NormalizationOptions(foldVariants: true)) == "国语")
        #expect(normalized("國語") == "國語")
    }

    @Test func compatibilityFormsAreFolded() {
        #expect(normalized("ﬁle ①") == "file 1")
        #expect(normalized("e\u{301}") == "é")
    }

    @Test func withoutMapTheUnitsAreTheSame() {
        let source = Samples.source(Samples.print)
        let full = Normalizer().normalize(source)
        let bare = Normalizer(options: NormalizationOptions(keepMap: false)).normalize(source)
        #expect(bare.units == full.units)
        #expect(bare.paragraphStarts == full.paragraphStarts)
        #expect(bare.originStarts.isEmpty)
    }
}

@Suite struct NormalizerFastPathTests {
    @Test func textStartingWithInvisiblesStillHasItsFirstParagraph() {
        let text = Normalizer().normalize(SourceText(path: "t", text: "\u{FEFF}\u{200B}王女士"))
        #expect(text.string(0..<text.count) == "王女士")
        #expect(text.paragraphStarts == [0])
        #expect(text.originStarts.first == 2)
    }

    @Test func hanFollowedByACombiningMarkTakesTheClusterPath() {
        // U+4E00 followed by U+0301: not a single-unit fast path; NFKC keeps the mark.
        let text = Normalizer().normalize(SourceText(path: "t", text: "王\u{4E00}\u{301}女"))
        #expect(text.count == 4)
        #expect(text.originEnds[2] == 3)
    }
}

@Test func aParagraphRunsOnAcrossAPageBreakWithItsMargins() {
    // Hard-wrapped print lines of one paragraph; pdftotext ends a page with "\n\n\u{0C}".
    let lines = (0..<8).map { k in String(repeating: "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往", count: 1) + "\(k)" }
    let paged = lines[0..<4].joined(separator: "\n") + "\n\n\u{0C}" + lines[4...].joined(separator: "\n") + "。"
    let blank = lines[0..<4].joined(separator: "\n") + "\n\n" + lines[4...].joined(separator: "\n") + "。"
    let normalizer = Normalizer(options: NormalizationOptions())
    #expect(normalizer.normalize(SourceText(path: "p.pdf", text: paged, format: .pdf)).paragraphRanges.count == 1)
    #expect(normalizer.normalize(SourceText(path: "p.txt", text: blank)).paragraphRanges.count == 2)
}
