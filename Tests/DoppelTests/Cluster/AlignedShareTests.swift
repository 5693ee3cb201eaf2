import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

private func text(_ s: String) -> NormalizedText { NormalizedText(identity: s) }

/// A short item of real text (about 130 Han characters) from the sample pages.
private let item: String = {
    let article = TestCorpus.articles(length: 200)[2]
    return String(article.prefix(140))
}()

@Test func scatteredOneCharacterEditsKeepAHighShareWhereJaccardFalls() {
    var random = SplitMix64(seed: 3)
    let edited = GeneratedCorpora.edit(item, count: 5, &random)
    let shingler = Shingler()
    let jaccard = SetOverlap(
        shingler.compactShingleSet(of: text(item)),
        shingler.compactShingleSet(of: text(edited))
    ).jaccard
    let share = AlignedShare(text(item), text(edited))
    #expect(jaccard < 0.8)
    #expect(share.lower >= 0.9)
    #expect(!share.factsDiffer)
}

@Test func identicalTextsAlignWhollyAndUnrelatedOnesHardlyAtAll() {
    #expect(AlignedShare(text(item), text(item)) == AlignedShare(first: 1, second: 1, factsDiffer: false))
    let other = String(TestCorpus.articles(length: 200)[7].prefix(140))
    #expect(AlignedShare(text(item), text(other)).lower < 0.2)
}

@Test func aChangedNumberInIdeographicTextIsAChangedFact() {
    let a = "全国人大常委会法制工作委员会于2024年3月5日召开全体会议，听取关于立法规划执行情况的汇报。"
    let b = "全国人大常委会法制工作委员会于2024年3月6日召开全体会议，听取关于立法规划执行情况的汇报。"
    let share = AlignedShare(text(a), text(b))
    #expect(share.factsDiffer)
    #expect(share.lower > 0.9)  // the characters all align: only the number tells them apart
}

@Test func anInsertionCountsOneUnitOnEachSide() {
    let a = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"
    let b = "一二三四五六七八九天十甲乙丙丁戊己庚辛壬癸"
    let share = AlignedShare(text(a), text(b))
    #expect(share.first == 1 - 1.0 / 20)  // a's 4 grams across the gap: a run, one unit
    #expect(share.second == 1 - 1.0 / 21)  // b's 5 grams covering the extra unit
}

@Test func aRunOfMissingGramsCountsTheUnitsThatLeaveIt() {
    var table = CompactSetTable()
    let held: [UInt32] = [1, 2, 3, 9]
    table.reset(capacity: held.count)
    held.withUnsafeBufferPointer { table.insert($0) }
    // Runs of 5 (one changed unit of a 5-gram), then 7 (three adjacent units), then 1.
    let values: [UInt32] = [1, 10, 11, 12, 13, 14, 2, 20, 21, 22, 23, 24, 25, 26, 3, 30]
    let counted = values.withUnsafeBufferPointer { AlignedShare.changedUnits($0, against: table, gram: 5) }
    #expect(counted.changed == 1 + 3 + 1)
    #expect(counted.missing == 13)
}

@Test func aTemplatedTwinWithOtherNamesStaysBelowTheDefaultShare() throws {
    let twins = GeneratedCorpora.templates[2]
    func filled(_ fill: [String]) -> String {
        var report = twins.0
        for (slot, value) in fill.enumerated() {
            report = report.replacingOccurrences(of: "{\(slot)}", with: value)
        }
        return report
    }
    let share = AlignedShare(text(filled(twins.1[0])), text(filled(twins.1[1])))
    #expect(!share.factsDiffer)
    #expect(share.lower < ClusterOptions.standard.alignedShare!)
}
