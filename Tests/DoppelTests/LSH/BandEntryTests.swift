import Testing

@testable import DoppelCluster

@Test func aBandEntryPacksItsKeyAboveItsDocument() {
    let entry = BandEntry(key: 0xDEAD_BEEF, document: 7)
    #expect(entry.packed == 0xDEAD_BEEF_0000_0007)
    #expect(BandEntry(packed: entry.packed).key == 0xDEAD_BEEF)
    #expect(BandEntry(packed: entry.packed).document == 7)
    let largest = BandEntry(key: .max, document: Int(UInt32.max))
    #expect(largest.key == .max && largest.document == Int(UInt32.max))
}

@Test func aBandEntryKeepsTheUpperHalfOfA64BitBandKey() {
    let entry = BandEntry(bandKey: 0x0123_4567_89AB_CDEF, document: 3)
    #expect(entry.key == 0x0123_4567)
    #expect(BandEntry.key(ofBandKey: 0x0123_4567_89AB_CDEF) == 0x0123_4567)
}

@Test func bandEntriesSortByKeyThenDocument() {
    let entries = [BandEntry(key: 2, document: 0), BandEntry(key: 1, document: 9), BandEntry(key: 1, document: 3)]
    let sorted = entries.map(\.packed).sorted().map { BandEntry(packed: $0) }
    #expect(sorted.map(\.key) == [1, 1, 2])
    #expect(sorted.map(\.document) == [3, 9, 0])
}
