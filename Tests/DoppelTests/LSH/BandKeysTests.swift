import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func bandKeysArePinned() throws {
    // A change here changes every stored index: it must be deliberate.
    let keys = try LSHParameters(bands: 2, rows: 2).bandKeys(of: Signature(values: [1, 2, 3, 4]))
    #expect(keys == [0x38A2_C33A_681F_66BF, 0xB70B_BE83_FB43_8349])
}

@Test func bandKeyChainsTheMixOverTheRows() throws {
    let keys = try LSHParameters(bands: 2, rows: 2).bandKeys(of: Signature(values: [1, 2, 3, 4]))
    var second = SplitMix64.mix(LSHParameters.bandSeed ^ 1)
    second = SplitMix64.mix(second ^ 3)
    second = SplitMix64.mix(second ^ 4)
    #expect(keys[1] == second)
}

@Test func equalRowsInDifferentBandsGiveDifferentKeys() throws {
    let keys = try LSHParameters(bands: 3, rows: 2).bandKeys(of: Signature(values: [5, 5, 5, 5, 5, 5]))
    #expect(Set(keys).count == 3)
}

@Test func bandKeysIgnoreValuesPastTheBanding() throws {
    let banding = try LSHParameters(bands: 2, rows: 2)
    #expect(
        banding.bandKeys(of: Signature(values: [1, 2, 3, 4, 5]))
            == banding.bandKeys(of: Signature(values: [1, 2, 3, 4, 6])))
}

@Test func emptySignatureHasNoBandKeys() throws {
    #expect(try LSHParameters(bands: 25, rows: 5).bandKeys(of: .empty).isEmpty)
}
