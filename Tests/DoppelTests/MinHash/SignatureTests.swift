import Testing

@testable import DoppelCluster

@Test func identicalSignaturesEstimateJaccardOne() {
    let signature = Signature(values: [1, 2, 3, 4])
    #expect(Signature.estimatedJaccard(signature, signature) == 1)
}

@Test func estimatedJaccardIsTheFractionOfAgreeingValues() {
    let a = Signature(values: [1, 2, 3, 4])
    let b = Signature(values: [1, 9, 3, 9])
    #expect(Signature.estimatedJaccard(a, b) == 0.5)
    #expect(Signature.estimatedJaccard(b, a) == 0.5)
}

@Test func emptySignatureMatchesNothingNotEvenItself() {
    let full = Signature(values: [1, 2, 3, 4])
    #expect(Signature.empty.isEmpty)
    #expect(!full.isEmpty)
    #expect(Signature.estimatedJaccard(.empty, .empty) == 0)
    #expect(Signature.estimatedJaccard(.empty, full) == 0)
    #expect(Signature.estimatedJaccard(full, .empty) == 0)
}
