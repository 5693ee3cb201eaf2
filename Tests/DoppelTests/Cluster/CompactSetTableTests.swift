import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func insertingUpperHalvesKeepsEachCompactShingleOnceInFirstSeenOrder() {
    var table = CompactSetTable()
    let hashes: [UInt64] = [5 << 32 | 1, 0 << 32 | 7, 5 << 32 | 2, 9 << 32, 0 << 32 | 3, 9 << 32 | 4]
    table.reset(capacity: hashes.count)
    var new: [UInt32] = [42]
    hashes.withUnsafeBufferPointer { table.insert(upperHalvesOf: $0, newValues: &new, keepingNew: true) }
    #expect(new == [42, 5, 0, 9])
    #expect(table.count == 3)
    var none: [UInt32] = []
    table.reset(capacity: 1)
    hashes.withUnsafeBufferPointer { table.insert(upperHalvesOf: $0, newValues: &none, keepingNew: false) }
    #expect(none.isEmpty)
    #expect(table.count == 3)  // grows past the capacity given, without losing values
}

@Test func commonCountIsTheExactIntersectionOrNilOnlyBelowWhatIsNeeded() {
    var generator = SplitMix64(seed: 77)
    var table = CompactSetTable()
    for round in 0..<200 {
        // Small universes, 0 included, so that sets overlap a lot; sizes up to a few hundred.
        let universe = UInt64(1 + round % 50) * 20
        let a = Set((0..<Int(generator.next() % 300)).map { _ in UInt32(generator.next() % universe) })
        let b = Set((0..<Int(generator.next() % 300)).map { _ in UInt32(generator.next() % universe) })
        table.reset(capacity: a.count)
        Array(a).withUnsafeBufferPointer { table.insert($0) }
        #expect(table.count == a.count)
        let exact = a.intersection(b).count
        let needed = Int(generator.next() % UInt64(b.count + 2))
        let counted = Array(b).withUnsafeBufferPointer { table.commonCount($0, needed: needed) }
        if let counted {
            #expect(counted == exact)
        } else {
            #expect(exact < needed)
        }
        #expect(Array(b).withUnsafeBufferPointer { table.commonCount($0, needed: 0) } == exact)
    }
}

@Test func holdsAtLeastAgreesWithTheExactIntersection() {
    var generator = SplitMix64(seed: 78)
    var table = CompactSetTable()
    for round in 0..<300 {
        let universe = UInt64(1 + round % 40) * 25
        let a = Set((0..<Int(generator.next() % 300)).map { _ in UInt32(generator.next() % universe) })
        let b = Array(Set((0..<Int(generator.next() % 200)).map { _ in UInt32(generator.next() % universe) }))
        table.reset(capacity: a.count)
        Array(a).withUnsafeBufferPointer { table.insert($0) }
        let exact = a.intersection(b).count
        let needed = Int(generator.next() % UInt64(b.count + 3))
        #expect(b.withUnsafeBufferPointer { table.holdsAtLeast(needed, of: $0) } == (exact >= needed))
    }
}
