import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func agreementsCountEqualLowBytesOfTheValues() {
    var table = SketchTable(width: 11, documentCount: 3)
    let a: [UInt32] = [0x100, 0x201, 0x302, 3, 4, 5, 6, 7, 8, 9, 10]
    var b = a
    b[1] = 0x1FF01  // low byte 0x01: agrees with 0x201
    b[2] = 0x303  // disagrees
    b[9] = 0  // disagrees (the tail past the last full word)
    table.insert(a, borrowed: 0, for: 0)
    table.insert(b, borrowed: 2, for: 1)
    #expect(table.agreements(0, 0) == 11)
    #expect(table.agreements(0, 1) == 9)
    #expect(table.agreements(1, 0) == 9)
    #expect(table.borrowedValues(1) == 2)
}

@Test func aDocumentWithoutASketchCountsAsHavingBorrowedEverything() {
    let table = SketchTable(width: 16, documentCount: 2)
    #expect(table.borrowedValues(0) == 255)
}

@Test func agreementsMatchAByteByByteCountOnRandomSketches() {
    var generator = SplitMix64(seed: 9)
    let width = 128
    var table = SketchTable(width: width, documentCount: 40)
    var rows: [[UInt32]] = []
    for document in 0..<40 {
        // Few distinct bytes, so that many positions agree.
        let row = (0..<width).map { _ in UInt32(generator.next() % 3) << (generator.next() % 2 * 8) }
        rows.append(row)
        table.insert(row, borrowed: 0, for: document)
    }
    for a in 0..<40 {
        for b in 0..<40 {
            let expected = (0..<width).filter {
                UInt8(truncatingIfNeeded: rows[a][$0])
                    == UInt8(truncatingIfNeeded: rows[b][$0])
            }.count
            #expect(table.agreements(a, b) == expected)
        }
    }
}

@Test func aSketchKeyPacksConsecutiveBytesLowestFirst() {
    var table = SketchTable(width: 8, documentCount: 1)
    table.insert([0x101, 0x202, 0x303, 0x404, 5, 6, 7, 8], borrowed: 0, for: 0)
    #expect(table.key(of: 0, from: 1, count: 3) == 0x04_03_02)
    #expect(table.key(of: 0, from: 4, count: 4) == 0x08_07_06_05)
}
