import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Two random sets of `size` shingles whose exact Jaccard similarity is returned with them.
func generatedPair(size: Int, jaccard: Double, generator: inout SplitMix64)
    -> (a: [UInt64], b: [UInt64], jaccard: Double)
{
    let common = Int((2 * Double(size) * jaccard / (1 + jaccard)).rounded())
    let shared = (0..<common).map { _ in generator.next() }
    let a = shared + (0..<(size - common)).map { _ in generator.next() }
    let b = (0..<(size - common)).map { _ in generator.next() } + shared
    return (a, b, Double(common) / Double(2 * size - common))
}

@Test(arguments: MinHashScheme.allCases)
func signaturesAreDeterministic(scheme: MinHashScheme) throws {
    let hashes = Shingler().shingleSet(of: NormalizedText(identity: TestCorpus.articles()[0]))
    let signature = try MinHasher(scheme: scheme).signature(of: hashes)
    #expect(signature.values.count == 128)
    #expect(try signature == MinHasher(scheme: scheme).signature(of: hashes))
    #expect(
        try signature
            == MinHasher(
                permutations: 128, scheme: scheme,
                seed: MinHasher.defaultSeed
            ).signature(of: hashes))
    #expect(try signature != MinHasher(scheme: scheme, seed: 1).signature(of: hashes))
}

@Test func signatureValuesArePinned() throws {
    // A change here changes every stored signature and index: it must be deliberate.
    let hashes: [UInt64] = [1, 2, 3, 0xDEAD_BEEF]
    #expect(
        try Array(MinHasher(scheme: .onePermutation).signature(of: hashes).values.prefix(4))
            == [0xF10B_B3A4, 0xFEB1_68EA, 0xCC92_1082, 0xFEB1_68EA])
    #expect(
        try Array(MinHasher(scheme: .independent).signature(of: hashes).values.prefix(4))
            == [0xC1D5_F045, 0x418D_B8F2, 0xFE79_4579, 0x1CED_7067])
}

@Test(arguments: MinHashScheme.allCases)
func orderAndRepeatsDoNotChangeTheSignature(scheme: MinHashScheme) throws {
    var generator = SplitMix64(seed: 3)
    let hashes = (0..<500).map { _ in generator.next() }
    let hasher = try MinHasher(scheme: scheme)
    let signature = hasher.signature(of: hashes)
    #expect(hasher.signature(of: hashes.reversed()) == signature)
    #expect(hasher.signature(of: hashes + hashes.prefix(100)) == signature)
}

@Test(arguments: MinHashScheme.allCases)
func emptySetGivesTheEmptySignature(scheme: MinHashScheme) throws {
    #expect(try MinHasher(scheme: scheme).signature(of: []) == .empty)
}

@Test(arguments: MinHashScheme.allCases, [10, 100, 700, 3000])
func estimatedJaccardIsWithinThreeStandardErrors(scheme: MinHashScheme, size: Int) throws {
    let hasher = try MinHasher(scheme: scheme)
    let bound = 3 / Double(hasher.permutations).squareRoot()
    var generator = SplitMix64(seed: UInt64(size))
    var squaredError = 0.0
    let trials = 60
    for trial in 0..<trials {
        let pair = generatedPair(
            size: size, jaccard: Double(trial) / Double(trials - 1),
            generator: &generator)
        let estimate = Signature.estimatedJaccard(
            hasher.signature(of: pair.a),
            hasher.signature(of: pair.b))
        #expect(abs(estimate - pair.jaccard) <= bound)
        squaredError += (estimate - pair.jaccard) * (estimate - pair.jaccard)
    }
    // Standard error √(J(1−J)/k) averages about 0.036 for k = 128 and J uniform in [0, 1].
    #expect((squaredError / Double(trials)).squareRoot() < 0.05)
}

@Test(arguments: MinHashScheme.allCases)
func disjointSetsRarelyAgree(scheme: MinHashScheme) throws {
    var generator = SplitMix64(seed: 11)
    let pair = generatedPair(size: 700, jaccard: 0, generator: &generator)
    let hasher = try MinHasher(scheme: scheme)
    #expect(
        Signature.estimatedJaccard(
            hasher.signature(of: pair.a),
            hasher.signature(of: pair.b)) < 0.05)
}

@Test func aHasherOfNoValuesIsRefused() {
    #expect(
        throws: DoppelError.invalidOption(
            name: "permutations", reason: "0 is not a positive count of values")
    ) {
        try MinHasher(permutations: 0)
    }
}
