import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct CollationOptionsTests {
    @Test func theDefaultsAreThoseOfDiff() {
        let options = CollationOptions.standard
        #expect(options.minimumPairSimilarity == ComparisonOptions.standard.minimumPairSimilarity)
        #expect(options.diff == ComparisonOptions.standard.diff)
        #expect(options.normalization == ComparisonOptions.standard.normalization)
        #expect(!options.ignorePunctuation)
    }

    @Test func settingsOutOfRangeAreRefused() {
        #expect(throws: DoppelError.self) { try CollationOptions(minimumPairSimilarity: 1.5) }
        #expect(throws: DoppelError.self) { try CollationOptions(normalization: NormalizationOptions(keepMap: false)) }
    }
}
