import Testing

@testable import DoppelIO

@Test func hugePageAdviceCoversOnlyWholePagesInsideTheBuffer() {
    let page = UInt(HugePages.pageBytes)
    // A buffer starting one byte past a boundary and ending one byte short of another.
    #expect(HugePages.wholePages(start: 10 * page + 1, byteCount: Int(5 * page) - 2) == 11 * page..<14 * page)
    // Aligned at both ends: every page.
    #expect(HugePages.wholePages(start: 4 * page, byteCount: Int(3 * page)) == 4 * page..<7 * page)
    // No whole page inside: nothing to mark.
    #expect(HugePages.wholePages(start: 4 * page + 1, byteCount: Int(page)) == nil)
    #expect(HugePages.wholePages(start: 4 * page, byteCount: 0) == nil)
    // At the top of the address space the end would wrap around.
    #expect(HugePages.wholePages(start: UInt.max - page, byteCount: Int(2 * page)) == nil)
}

@Test func hugePageAdviceLeavesTheBufferUnchanged() {
    var values = (0..<(HugePages.minimumBytes / 4 + 1_000)).map { UInt32(truncatingIfNeeded: $0 &* 2_654_435_761) }
    let before = values
    values.withUnsafeMutableBufferPointer { HugePages.advise($0) }
    #expect(values == before)
}
