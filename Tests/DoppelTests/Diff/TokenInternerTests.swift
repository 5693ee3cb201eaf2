import Testing

@testable import DoppelDiff

@Test func internerGivesDenseIdsInOrderOfFirstSight() {
    var interner = TokenInterner()
    let units: [UInt32] = [1, 2, 3, 1, 2, 3]
    let ids = units.withUnsafeBufferPointer { p in
        [
            interner.id(of: p, 0..<2), interner.id(of: p, 2..<3), interner.id(of: p, 3..<5),
            interner.id(of: p, 0..<1), interner.id(of: p, 1..<3),
        ]
    }
    #expect(ids == [0, 1, 0, 2, 3])
    #expect(interner.count == 4)
}

@Test func internerKeepsIdsWhileItGrows() {
    var interner = TokenInterner()
    let units = (0..<5000).map { UInt32($0 * 7) }
    units.withUnsafeBufferPointer { p in
        for i in 0..<5000 { #expect(interner.id(of: p, i..<i + 1) == Int32(i)) }
        for i in stride(from: 0, to: 5000, by: 97) {
            #expect(interner.id(of: p, i..<i + 1) == Int32(i))
        }
    }
    #expect(interner.count == 5000)
}
