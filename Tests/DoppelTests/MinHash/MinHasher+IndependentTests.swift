import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func independentValuesAreMultiplyAddShiftMinima() throws {
    let hasher = try MinHasher(permutations: 16, scheme: .independent)
    var generator = SplitMix64(seed: MinHasher.defaultSeed)
    let multipliers = (0..<16).map { _ in generator.next() | 1 }
    let increments = (0..<16).map { _ in generator.next() }
    let hashes: [UInt64] = [0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 77]
    let expected = (0..<16).map { j in
        hashes.map { UInt32(truncatingIfNeeded: (multipliers[j] &* ($0 >> 32) &+ increments[j]) >> 32) }
            .min()!
    }
    #expect(hasher.signature(of: hashes).values == expected)
}

@Test func oddAndEvenShingleCountsGiveTheSameMinima() throws {
    // The loop takes shingles two at a time; the last odd one must count too.
    let hasher = try MinHasher(scheme: .independent)
    let three = hasher.signature(of: [10 << 32, 20 << 32, 30 << 32])
    let four = hasher.signature(of: [10 << 32, 20 << 32, 30 << 32, 30 << 32])
    #expect(three == four)
    #expect(three != hasher.signature(of: [10 << 32, 20 << 32]))
}
