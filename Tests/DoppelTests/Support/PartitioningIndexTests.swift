import Testing

@testable import DoppelIO

@Test func partitioningIndexIsTheFirstElementOfTheSecondPart() {
    let values = [1, 3, 3, 7]
    #expect(values.partitioningIndex { $0 > 3 } == 3)
    #expect(values.partitioningIndex { $0 >= 3 } == 1)
    #expect(values.partitioningIndex { $0 > 7 } == 4)
    #expect(values.partitioningIndex { $0 > 0 } == 0)
    #expect([Int]().partitioningIndex { $0 > 0 } == 0)
    #expect(values[1...].partitioningIndex { $0 > 3 } == 3)  // indices of the slice
}

@Test func partitioningIndexAgreesWithALinearSearchOnSeededSortedArrays() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<200 {
        let values = (0..<Int(random.next() % 40)).map { _ in Int(random.next() % 20) }.sorted()
        let cut = Int(random.next() % 22)
        #expect(values.partitioningIndex { $0 >= cut } == (values.firstIndex { $0 >= cut } ?? values.count))
    }
}
