import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func densificationFillsEveryBinFromASingleShingle() throws {
    // One shingle fills one bin; optimal densification copies it into all the others.
    let signature = try MinHasher(scheme: .onePermutation).signature(of: [42])
    #expect(Set(signature.values).count == 1)
}

@Test func densifiedShortSetsAgreeWithThemselvesAndDifferFromOthers() throws {
    let hasher = try MinHasher(scheme: .onePermutation)
    let short = hasher.signature(of: [1, 2, 3])
    #expect(short == hasher.signature(of: [3, 2, 1]))
    #expect(Signature.estimatedJaccard(short, hasher.signature(of: [4, 5, 6])) < 0.05)
}

@Test func aSingleBinKeepsTheLowerHalfOfTheSmallestMixedHash() throws {
    let hasher = try MinHasher(permutations: 1, scheme: .onePermutation)
    let hashes: [UInt64] = [1, 2, 3, 4, 5, 6]
    let smallest = hashes.map { SplitMix64.mix($0 ^ hasher.constants[0]) }.min()!
    #expect(hasher.signature(of: hashes).values == [UInt32(truncatingIfNeeded: smallest)])
}

@Test func fillCountsTheBinsThatBorrowedTheirValue() throws {
    func borrowed(_ hasher: MinHasher, _ hashes: [UInt64]) -> Int? {
        var values = [UInt32](repeating: 0, count: hasher.permutations)
        return values.withUnsafeMutableBufferPointer { values in
            hashes.withUnsafeBufferPointer { hasher.fill(values, from: $0) }
        }
    }
    let hasher = try MinHasher(scheme: .onePermutation)
    #expect(borrowed(hasher, []) == nil)
    #expect(borrowed(hasher, [42]) == 127)  // one bin filled, 127 borrowed
    let many = (0..<10_000).map { UInt64($0) }
    #expect(borrowed(hasher, many) == 0)
    #expect(try borrowed(MinHasher(scheme: .independent), [42]) == 0)
}
