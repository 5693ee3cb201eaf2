import Doppel
import Testing

@testable import DoppelText

@Suite struct PageFurnitureTests {
    private func units(_ s: String) -> ArraySlice<UInt32> { ArraySlice(s.unicodeScalars.map(\.value)) }

    @Test(arguments: [
        "综合新闻", "新闻特写G", "关注G", "图片新闻", "本版编辑A", "工会新闻3", "本版编辑王伟美编李娜",
        "责任编辑:张帆", "2024年4月8日星期一", "第3版", "要闻", "Page 4", "NATIONAL NEWS", "Edited by Sarah Mills",
    ])
    func labelsCreditsDatesAndRunningHeadsAreFurniture(_ line: String) {
        #expect(PageFurniture.isFurniture(units(line)))
    }

    @Test(arguments: [
        "标题一号新闻", "阅读提示", "劳模助农服务进农场", "西宁市总多措并举推进社会组织建会", "2024年,全总作出部署。",
        "Council approves long-term plan", "EDUCATION", "本报记者 裴龙翔",
    ])
    func headlinesBylinesAndSentencesAreNot(_ line: String) {
        #expect(!PageFurniture.isFurniture(units(line)))
    }

    static let print = """
        近年来,银川市总工会聚焦女职工合法权益

        和特殊利益维护,逐步探索创立三位一体维

        护女职工权益工作新模式,质量不断提升。

        新闻特写G

        这是银川工会高效为女职工维权的一个案

        例,取得了良好的效果,受到职工的欢迎。

        本版编辑 王伟 美编 李娜
        """

    @Test func furnitureIsSetAsideAndCountedInTheLedger() {
        let text = Normalizer().normalize(SourceText(path: "p", text: Self.print))
        let all = text.string(0..<text.count)
        #expect(!all.contains("新闻特写") && !all.contains("本版编辑"))
        #expect(text.ledger.furniture == 2)
        #expect(text.paragraphRanges.count == 2)
        // The map still leads every unit back to its original.
        let last = text.originRange(of: text.count - 1..<text.count)
        #expect(String(String.UnicodeScalarView(SourceText(path: "p", text: Self.print).scalars[last])) == "。")
    }

    @Test func keepFurnitureKeepsItAsText() {
        let text = Normalizer(options: NormalizationOptions(keepFurniture: true)).normalize(
            SourceText(path: "p", text: Self.print))
        #expect(text.paragraphRanges.map { text.string($0) }.contains("新闻特写G"))
        #expect(text.ledger.furniture == 0)
    }

    static let body = "The council voted on Tuesday to approve a long-term plan for new housing by the river."

    @Test func aKickerInCapitalsIsKeptWhereTheOtherVersionHasItsEditAsText() {
        // `CITY HALL` is a running head by its form; the other version's `Council HALL` in its
        // place makes it a kicker, edited, and its edit is found.
        let normalizer = Normalizer()
        let a = normalizer.normalize(
            SourceText(path: "a", text: "CITY HALL\n\nCouncil approves long-term plan\n\n" + Self.body))
        let b = normalizer.normalize(
            SourceText(
                path: "b", text: "NATIONAL NEWS\n\nCouncil HALL\n\nCouncil approves long-term plan\n\n" + Self.body))
        #expect(a.furnitureLines == [Array(units("CITY HALL"))])
        let kept = PageFurniture.kickers(a, b)
        // The running head print alone has stays furniture.
        #expect(kept.a == [0] && kept.b.isEmpty)
        let again = normalizer.normalize(
            SourceText(path: "a", text: "CITY HALL\n\nCouncil approves long-term plan\n\n" + Self.body),
            keepingFurniture: kept.a)
        #expect(again.paragraphRanges.map { again.string($0) }.first == "CITY HALL")
        #expect(again.ledger.furniture == 0 && again.furnitureLines.isEmpty)
        // A capitals line both versions have, or one whose counterpart shares no word, stays aside.
        let same = normalizer.normalize(
            SourceText(path: "c", text: "CITY HALL\n\nCouncil approves long-term plan\n\n" + Self.body))
        #expect(PageFurniture.kickers(a, same) == ([], []))
        let other = normalizer.normalize(
            SourceText(path: "d", text: "Housing\n\nCouncil approves long-term plan\n\n" + Self.body))
        #expect(PageFurniture.kickers(a, other) == ([], []))
    }

    @Test func aFurnitureLineBetweenWrappedLinesIsAParagraphOfItsOwn() {
        // No blank lines: the label would otherwise be joined to the line before it.
        let page = "党建带动工建、工建服务党建的工作机制不断\n完善,推动社会组织依法建立工会组织\n关注G\n聚焦全市民办医院、学校、养老机构等社会\n组织,吸引职工加入工会组织。"
        let text = Normalizer(options: NormalizationOptions(layout: .print)).normalize(
            SourceText(path: "p", text: page))
        #expect(!text.string(0..<text.count).contains("关注"))
        #expect(text.ledger.furniture == 1)
    }

    /// The text with its furniture paragraphs (as `isFurniture` judges the kept text's
    /// paragraphs) left out: units, map, paragraph starts and hyphen joins.
    private func withoutFurniture(_ kept: NormalizedText) -> (
        units: [UInt32], ranges: [Range<Int>], starts: [Int], joins: [Int], furniture: Int
    ) {
        var result: (units: [UInt32], ranges: [Range<Int>], starts: [Int], joins: [Int], furniture: Int) = (
            [], [], [], [], 0
        )
        for range in kept.paragraphRanges {
            if PageFurniture.isFurniture(kept.units[range]) {
                result.furniture += 1
                continue
            }
            let shift = range.lowerBound - result.units.count
            result.starts.append(result.units.count)
            result.units += kept.units[range]
            result.ranges += kept.origins.ranges(range)
            result.joins += kept.hyphenJoins.filter { range.contains($0) }.map { $0 - shift }
        }
        return result
    }

    @Test(arguments: [
        Self.print, "本版编辑A\n\n第一段正文。\n\n综合新闻", "综合新闻\n\n本版编辑A", "",
        "NATIONAL NEWS\n\nThe long-\nterm plan was ap-\nproved.\n\nPage 4\n\nA mid-\ndle line.",
    ])
    func furnitureSetAsideIsTheKeptTextWithoutItsFurnitureParagraphs(_ page: String) {
        // The normaliser drops a furniture paragraph as it ends; the result must be the text it
        // keeps with keepFurniture, those paragraphs cut out after the fact.
        let source = SourceText(path: "p", text: page)
        let kept = Normalizer(options: NormalizationOptions(keepFurniture: true)).normalize(source)
        let setAside = Normalizer().normalize(source)
        let expected = withoutFurniture(kept)
        #expect(setAside.units == expected.units)
        #expect(setAside.origins.ranges(0..<setAside.count) == expected.ranges)
        #expect(setAside.paragraphStarts == expected.starts)
        #expect(setAside.hyphenJoins == expected.joins)
        #expect(setAside.ledger.furniture == expected.furniture)
    }

    @Test(arguments: Samples.all)
    func furnitureSetAsideOnTheSamplesIsTheKeptTextWithoutItsFurnitureParagraphs(_ name: String) {
        let source = Samples.source(name)
        let kept = Normalizer(options: NormalizationOptions(keepFurniture: true)).normalize(source)
        let setAside = Normalizer().normalize(source)
        let expected = withoutFurniture(kept)
        #expect(setAside.units == expected.units)
        #expect(
            setAside.origins
                == OriginMap(
                    starts: expected.ranges.map { Int32($0.lowerBound) },
                    ends: expected.ranges.map { Int32($0.upperBound) }))
        #expect(setAside.paragraphStarts == expected.starts)
        #expect(setAside.ledger.furniture == expected.furniture)
    }
}
