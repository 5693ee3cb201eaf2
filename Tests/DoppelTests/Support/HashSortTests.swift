import Testing

@testable import DoppelIO

@Test(arguments: [0, 1, 63, 64, 65, 700, 5000])
func sortHashesSortsRandomValues(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    var values = (0..<count).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
    let expected = values.sorted()
    values.sortHashes()
    #expect(values == expected)
}

@Test func sortHashesHandlesRepeatsAndCrowdedBuckets() {
    var generator = SplitMix64(seed: 9)
    // All in the lowest bucket, many repeats: the crowded-bucket fallback and insertion sort.
    var values = (0..<3000).map { _ in UInt32(generator.next() % 100) }
    values += [UInt32](repeating: .max, count: 50) + [0, 0]
    let expected = values.sorted()
    values.sortHashes()
    #expect(values == expected)
}
