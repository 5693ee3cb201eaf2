import Testing

@testable import DoppelCompare
@testable import DoppelIO

@Test(arguments: [-0.1, 1.5, Double.nan])
func comparisonOptionsRejectAPairSimilarityOutsideZeroToOne(similarity: Double) {
    #expect {
        try ComparisonOptions(minimumPairSimilarity: similarity)
    } throws: { error in
        guard case let DoppelError.invalidOption(name, _) = error else { return false }
        return name == "minimumPairSimilarity"
    }
}
