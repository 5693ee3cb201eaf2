import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func optimalBandingMatchesDatasketchChoices() throws {
    // datasketch MinHashLSH(threshold=0.8, num_perm=128) picks b = 9, r = 13; 0.5 gives 25 × 5.
    #expect(
        try LSHParameters.optimal(threshold: 0.8, permutations: 128)
            == LSHParameters(bands: 9, rows: 13))
    #expect(
        try LSHParameters.optimal(threshold: 0.5, permutations: 128)
            == LSHParameters(bands: 25, rows: 5))
}

@Test(arguments: [0.3, 0.5, 0.7, 0.8, 0.9])
func optimalBandingGivesTheDocumentedSCurve(threshold: Double) {
    let banding = LSHParameters.optimal(threshold: threshold, permutations: 128)
    #expect(banding.valuesUsed <= 128)
    #expect(banding.candidateProbability(similarity: min(1, threshold + 0.1)) > 0.75)
    #expect(banding.candidateProbability(similarity: threshold - 0.3) < 0.06)
    #expect(banding.candidateProbability(similarity: min(1, threshold + 0.2)) > 0.97)
}

@Test func defaultClusterBandingIsSteepAroundTheCandidateThreshold() throws {
    let banding = try LSHParameters(bands: 25, rows: 5)
    #expect(banding.candidateProbability(similarity: 0.8) > 0.9999)
    #expect(banding.candidateProbability(similarity: 0.7) > 0.98)
    #expect(banding.candidateProbability(similarity: 0.6) > 0.85)
    #expect(banding.candidateProbability(similarity: 0.2) < 0.01)
}

@Test func candidateProbabilityIsTheBandingFormula() throws {
    let banding = try LSHParameters(bands: 4, rows: 3)
    #expect(banding.candidateProbability(similarity: 0) == 0)
    #expect(banding.candidateProbability(similarity: 1) == 1)
    let s = 0.6
    let expected = 1 - (1 - s * s * s) * (1 - s * s * s) * (1 - s * s * s) * (1 - s * s * s)
    #expect(abs(banding.candidateProbability(similarity: s) - expected) < 1e-12)
    // Tiny probabilities keep their precision.
    #expect(try LSHParameters(bands: 1, rows: 20).candidateProbability(similarity: 0.01) > 0)
}

@Test func errorAreasAreTheIntegralsOfTheSCurve() throws {
    // One band of one row: P(s) = s, so ∫₀ᵗ s ds = t²/2 and ∫ₜ¹ (1 − s) ds = (1 − t)²/2.
    let identity = try LSHParameters(bands: 1, rows: 1)
    #expect(abs(identity.falsePositiveArea(threshold: 0.6) - 0.18) < 1e-9)
    #expect(abs(identity.falseNegativeArea(threshold: 0.6) - 0.08) < 1e-9)
}

@Test func weightingFalseNegativesLowersTheRows() throws {
    let balanced = LSHParameters.optimal(threshold: 0.8, permutations: 128)
    let cautious = LSHParameters.optimal(
        threshold: 0.8, permutations: 128,
        falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
    #expect(cautious.rows < balanced.rows)
    #expect(
        cautious.candidateProbability(similarity: 0.8)
            > balanced.candidateProbability(similarity: 0.8))
}

@Test func bandingDescribesItselfAsBandsByRows() throws {
    #expect(try LSHParameters(bands: 25, rows: 5).description == "25x5")
}

@Test func aBandingOfNoBandsOrNoRowsIsRefused() {
    #expect(throws: DoppelError.invalidOption(name: "bands", reason: "0 is not a positive count")) {
        try LSHParameters(bands: 0, rows: 5)
    }
    #expect(throws: DoppelError.invalidOption(name: "rows", reason: "-1 is not a positive count")) {
        try LSHParameters(bands: 25, rows: -1)
    }
}
