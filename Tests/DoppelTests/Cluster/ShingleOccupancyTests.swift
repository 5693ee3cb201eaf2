import Testing

@testable import DoppelCluster
@testable import DoppelIO

/// `count` distinct values: `shared` of them the same for every `seed`, the rest drawn from
/// `seed`; all in `buckets` buckets when given (values whose top ten bits are below it), to
/// crowd the counts past 3.
private func set(count: Int, shared: Int, seed: UInt64, buckets: UInt32? = nil) -> [UInt32] {
    func draw(_ generator: inout SplitMix64) -> UInt32 {
        let value = UInt32(truncatingIfNeeded: generator.next())
        guard let buckets else { return value }
        return (value % (buckets << 22))
    }
    var common = SplitMix64(seed: 7)
    var own = SplitMix64(seed: seed)
    var values = Set<UInt32>()
    while values.count < shared { values.insert(draw(&common)) }
    while values.count < count { values.insert(draw(&own)) }
    return Array(values)
}

private func bound(_ a: [UInt32], _ b: [UInt32]) -> Int {
    let (x, y) = (ShingleOccupancy.row(of: a), ShingleOccupancy.row(of: b))
    return x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
            ShingleOccupancy.commonBound(x.baseAddress!, count: a.count, y.baseAddress!, count: b.count)
        }
    }
}

private func common(_ a: [UInt32], _ b: [UInt32]) -> Int { Set(a).intersection(Set(b)).count }

@Test func eachBucketCountsItsValuesUpToThree() {
    // Bucket 0 (top ten bits 0) holds two values, bucket 1 five, bucket 1023 one.
    let values: [UInt32] = [1, 2, 1 << 22, 1 << 22 + 1, 1 << 22 + 2, 1 << 22 + 3, 1 << 22 + 4, .max]
    let row = ShingleOccupancy.row(of: values)
    #expect(row.count == ShingleOccupancy.words)
    #expect(row[0] == 2 | 3 << 2)
    #expect(row[31] == 1 << 62)
    #expect(row[1..<31].allSatisfy { $0 == 0 })
}

@Test(arguments: [(700, 700), (300, 1000), (60, 2000), (5000, 5000)])
func theBoundIsNeverBelowTheSharedCount(sizes: (Int, Int)) {
    for shared in stride(from: 0, through: min(sizes.0, sizes.1), by: max(1, min(sizes.0, sizes.1) / 7)) {
        let a = set(count: sizes.0, shared: shared, seed: 1)
        let b = set(count: sizes.1, shared: shared, seed: 2)
        #expect(bound(a, b) >= common(a, b), "sizes \(sizes), shared \(shared)")
    }
}

@Test func theBoundHoldsWhereManyCountsStopAtThree() {
    // 40 buckets for 400 values: every count stops at 3, the hidden excess carries the bound.
    for shared in [0, 100, 250, 400] {
        let a = set(count: 400, shared: shared, seed: 3, buckets: 40)
        let b = set(count: 450, shared: shared, seed: 4, buckets: 40)
        #expect(bound(a, b) >= common(a, b), "shared \(shared)")
        #expect(bound(a, b) <= 400)
    }
}

@Test func theBoundIsExactForIdenticalSetsAndRejectsUnrelatedOnes() {
    let a = set(count: 700, shared: 0, seed: 5)
    #expect(bound(a, a) == 700)
    // Two 700-shingle documents sharing 40 % (Jaccard 0.25): the bound stays below the 559
    // shared shingles that the default options need (containment 0.8), so the pair is not read.
    let b = set(count: 700, shared: 280, seed: 6)
    let c = set(count: 700, shared: 280, seed: 8)
    #expect(common(b, c) == 280)
    #expect(bound(b, c) < ClusterOptions.standard.fewestAcceptedCommon(700, 700))
}
