import Testing
@testable import Doppel

@Suite struct CollationOptionsTests {
    @Test func theDefaultsAreThoseOfDiff() {
        let options = CollationOptions.standard
        #expect(options.minimumPairSimilarity == ComparisonOptions().minimumPairSimilarity)
        #expect(options.diff == ComparisonOptions().diff)
        #expect(options.normalization == ComparisonOptions().normalization)
        #expect(!options.ignorePunctuation)
    }

    @Test func settingsOutOfRangeAreRefused() {
        #expect(throws: DoppelError.self) { try CollationOptions(minimumPairSimilarity: 1.5) }
        #expect(throws: DoppelError.self) { try CollationOptions(diff: DiffOptions(costBudget: -1)) }
        #expect(throws: DoppelError.self) { try CollationOptions(normalization: NormalizationOptions(keepMap: false)) }
    }
}
