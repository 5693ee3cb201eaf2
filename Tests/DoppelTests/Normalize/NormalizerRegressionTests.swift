import Testing

@testable import DoppelText

/// Cases the random-text properties found, each pinned with the smallest input that showed it.
@Suite struct NormalizerRegressionTests {
    @Test func aDashPairSplitByAPrintLineEndIsOneDash() {
        let print = NormalizationOptions(layout: .print)
        #expect(normalized("中间有一个破折号—\n—然后继续写下去", print) == "中间有一个破折号—然后继续写下去")
        #expect(normalized("他说……\n……好的", print) == "他说…好的")
    }

    @Test func dashesAndEllipsesSeparatedByDroppedSpaceOrInvisiblesAreOneRun() {
        #expect(normalized("例—— ——好") == "例—好")
        #expect(normalized("照9@......\u{2060}......增") == "照9@…增")
        #expect(normalized("县c......\u{07} ......明") == "县c…明")
        #expect(normalized("且 .I...... ......件") == "且.I…件")
    }

    @Test func unitsAreTheSameWithAndWithoutTheMap() {
        let scalars = Array("doppel一~. ......世林".unicodeScalars)
        let mapped = Normalizer().normalize(scalars)
        let lean = Normalizer(options: NormalizationOptions(keepMap: false)).normalize(scalars)
        #expect(lean.units == mapped.units)
        #expect(mapped.string(0..<mapped.count) == "doppel一~.…世林")
    }

    @Test func invisibleMarksInsideAClusterDoNotKeepAccentsFromComposing() {
        #expect(normalized("naI\u{E0100}\u{0308}ve") == "na\u{00CF}ve")
        #expect(normalized("news\u{FE0F}\u{0301}") == "new\u{015B}")
    }

    @Test func anEllipsisCarryingAnAccentKeepsItsCanonicalForm() {
        let once = normalized("例…\u{0308}好")
        #expect(once == "例…\u{0308}好")
        #expect(normalized(once) == once)
    }
}
