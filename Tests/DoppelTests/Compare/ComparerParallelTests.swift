import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Large comparisons normalise both sides and diff their gaps on two threads: the result must be
/// the one a single thread gives.
@Suite struct ComparerParallelTests {
    /// Sentences of the web sample drawn at random until the text is above
    /// `Comparer.parallelAbove`, and a copy with a character replaced every ~150.
    static let large: (SourceText, SourceText) = {
        var rng = SplitMix64(seed: 42)
        let a = GapAnchoringTests.repetitiveText(GapAnchoringTests.sentences(40), count: 2500, rng: &rng)
        var b = a
        for p in stride(from: 100, to: a.count, by: 150) where a[p] != "\n" { b[p] = a[p] == "甲" ? "乙" : "甲" }
        return (SourceText(path: "a", text: String(a)), SourceText(path: "b", text: String(b)))
    }()

    @Test func normalisingBothSidesInParallelGivesWhatOneNormaliserGives() {
        let (a, b) = Self.large
        #expect(a.scalars.count + b.scalars.count > Comparer.parallelAbove)
        let (textA, textB) = Comparer.normalize(a, b, options: NormalizationOptions())
        let one = Normalizer()
        #expect(textA.units == one.normalize(a).units && textA.originStarts == one.normalize(a).originStarts)
        #expect(textB.units == one.normalize(b).units && textB.paragraphStarts == one.normalize(b).paragraphStarts)
    }

    @Test func diffingGapsInParallelGivesWhatEachGapsOwnDiffGives() {
        let (a, b) = Self.large
        let (textA, textB) = Comparer.normalize(a, b, options: NormalizationOptions())
        let gaps = Aligner.align(textA, textB).pairs.flatMap(\.gaps)
        #expect(gaps.count > 100)
        let together = PassageDiffer.diffGaps(gaps, textA, textB, options: .standard, parallelUnits: 0)
        #expect(together.count == gaps.count)
        for (gap, result) in zip(gaps, together) {
            let alone = TextDiff.diff(textA, gap.a, textB, gap.b)
            #expect(result.edits == alone.edits && result.exact == alone.exact && result.equalUnits == alone.equalUnits)
        }
    }
}
