import Testing

@testable import DoppelCluster

@Test func overlapCountsTheIntersectionOfSortedSets() {
    let overlap = SetOverlap([1, 2, 3, 5, 8] as [UInt32], [2, 3, 4, 8] as [UInt32])
    #expect(overlap == SetOverlap(intersection: 3, firstCount: 5, secondCount: 4))
    #expect(overlap.jaccard == 0.5)
    #expect(overlap.containment == 0.75)
}

@Test func aTruncatedSetIsFullyContained() {
    let full: [UInt64] = Array(0..<100)
    let overlap = SetOverlap(Array(full.prefix(60)), full)
    #expect(overlap.containment == 1)
    #expect(overlap.jaccard == 0.6)
}

@Test func emptySetsAreNotAlike() {
    let empty: [UInt64] = []
    #expect(SetOverlap(empty, empty).jaccard == 0)
    #expect(SetOverlap(empty, empty).containment == 0)
    #expect(SetOverlap(empty, [1]).containment == 0)
}

@Test func estimatedOverlapInvertsJaccard() {
    let overlap = SetOverlap.estimated(jaccard: 0.5, firstCount: 5, secondCount: 4)
    #expect(overlap.intersection == 3)
    #expect(SetOverlap.estimated(jaccard: 1, firstCount: 60, secondCount: 100).intersection == 60)
    #expect(SetOverlap.estimated(jaccard: 0, firstCount: 60, secondCount: 100).intersection == 0)
}
