import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO

/// An index file changed on purpose, one field at a time, with every checksum recomputed
/// (`reseal()`, by docs/formats.md's definition of the checksum), so that only the structural checks
/// of opening, reading, `stats` and `add` can catch the change: what a crafted file, or damage
/// that a writer then checksummed, looks like.
struct CraftedIndex {
    let path: String
    let original: [UInt8]
    var bytes: [UInt8]
    /// Documents of the index, in order: the sample articles, then an empty text.
    let documents: [ClusterDocument]

    /// Builds an index of the sample articles and one empty text at `folder/name`.
    init(
        _ folder: TemporaryFolder, name: String = "a.doppel",
        verification: ClusterOptions.Verification = .exact
    ) throws {
        path = folder.path(name)
        documents = IndexFixture.archiveDocuments() + [TestCorpus.document("empty", "")]
        try IndexFixture.build(documents, at: path, verification: verification)
        original = try IndexFixture.bytes(path)
        bytes = original
    }

    func u32(_ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    func u64(_ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    mutating func set32(_ offset: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }

    mutating func set64(_ offset: Int, _ value: UInt64) {
        for i in 0..<8 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
    }

    /// Section `index` (0 records, 1 offsets, 2 band tables, 3 checksums) as the header says.
    func section(_ index: Int) -> Range<Int> {
        let start = Int(clamping: u64(112 + 16 * index))
        let length = Int(clamping: u64(120 + 16 * index))
        return start..<(length > Int.max - start ? Int.max : start + length)
    }

    /// Where the record of document `number` starts in the file.
    func record(_ number: Int) -> Int { section(0).lowerBound + Int(u64(section(1).lowerBound + 8 * number)) }

    /// Where the offset of record `number` lies.
    func offsetSlot(_ number: Int) -> Int { section(1).lowerBound + 8 * number }

    /// Band tables: the main banding's (header offset 64), then the containment banding's (196).
    var bandTables: Int { Int(u32(64)) + Int(u32(196)) }

    /// Where band `band`'s header lies.
    func bandHeader(_ band: Int) -> Int { section(2).lowerBound + IndexBandTables.headerLength * band }

    /// Where entry `index` of band `band` lies.
    func entry(_ band: Int, _ index: Int) -> Int {
        section(2).lowerBound + Int(u64(bandHeader(band) + 8)) + 8 * index
    }

    /// Where directory slot `slot` of band `band` lies.
    func directorySlot(_ band: Int, _ slot: Int) -> Int {
        section(2).lowerBound + Int(u64(bandHeader(band) + 16)) + 4 * slot
    }

    /// Recomputes the block checksums (when the checksum section still has one per block), the
    /// checksum section's hash and the header's checksum.
    mutating func reseal() {
        let table = section(3)
        if table.lowerBound >= IndexHeader.pageSize, table.upperBound <= bytes.count {
            let blocks = stride(from: IndexHeader.pageSize, to: table.lowerBound, by: IndexHeader.blockSize).map {
                IndexChecksum.hash(Array(bytes[$0..<min($0 + IndexHeader.blockSize, table.lowerBound)]))
            }
            if table.count == 8 * blocks.count {
                for (index, checksum) in blocks.enumerated() { set64(table.lowerBound + 8 * index, checksum) }
            }
            set64(176, IndexChecksum.hash(Array(bytes[table])))
        }
        let checked = IndexHeader.checkedLength
        set64(checked, IndexChecksum.hash(Array(bytes[0..<checked])))
    }

    /// Reseals the bytes and writes them to `path`.
    mutating func write() throws {
        reseal()
        try IndexFixture.write(bytes, to: path)
    }

    /// Back to the index as built.
    mutating func reset() { bytes = original }

    /// The matches of document `number` of the index, queried from the file as it is now.
    func query(_ number: Int) throws -> [IndexMatch] {
        try IndexQuery(archive: try IndexArchive(path: path)).matches(for: documents[number])
    }

    /// Stats of the file as it is now.
    func stats() throws -> IndexStats { try IndexArchive(path: path).stats() }

    /// Adds one new document to the file as it is now, writing to `to`.
    func add(to: String) throws {
        let new = TestCorpus.document("new", TestCorpus.mutate(IndexFixture.articles[1], edits: 2, seed: 5))
        _ = try IndexBuilder.add(
            InMemoryDocumentCollection([new]), to: try IndexArchive(path: path),
            writingTo: to)
    }
}

private func bad(_ index: CraftedIndex, _ reason: String) -> DoppelError {
    .badIndex(path: index.path, reason: reason)
}

/// Expects `stats` and `add` to refuse the file with `reason`, and `add` to write nothing.
private func expectStatsAndAddRefuse(
    _ index: CraftedIndex, _ reason: String, _ folder: TemporaryFolder,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(throws: bad(index, reason), "stats", sourceLocation: sourceLocation) { try index.stats() }
    let output = folder.path("added.doppel")
    #expect(throws: bad(index, reason), "add", sourceLocation: sourceLocation) { try index.add(to: output) }
    #expect(!FileManager.default.fileExists(atPath: output), sourceLocation: sourceLocation)
}

private func shingleCount(_ document: ClusterDocument) -> Int {
    Shingler().compactShingleSet(of: document.text).count
}

// MARK: - The storage field (the red team's crafted_storage1: a precondition failure in
// Signature.estimatedJaccard)

@Test func aStorageFieldSetToSignaturesOverShingleSetsIsABadIndexNotACrash() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    index.set32(28, 1)
    try index.write()
    let archive = try IndexArchive(path: index.path)  // the header itself is consistent
    #expect(!archive.parameters.keepsShingleSets)
    let count = shingleCount(index.documents[0])
    let reason = "record 0 has \(count + 1) signature values for \(count) shingles; the index has 128 permutations"
    #expect(throws: bad(index, reason)) { try index.query(0) }
    expectStatsAndAddRefuse(index, reason, folder)
}

@Test func aStorageFieldSetToShingleSetsOverSignaturesIsABadIndex() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder, verification: .signature)
    index.set32(28, 0)
    try index.write()
    let reason = "record 0 has 128 values for \(shingleCount(index.documents[0])) shingles"
    #expect(throws: bad(index, reason)) { try index.query(0) }
    expectStatsAndAddRefuse(index, reason, folder)
}

// MARK: - The header page

@Test func theUnusedBytesOfTheHeaderPageMustBeZero() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    for position in [216, 217, 1000, 4095] {
        index.reset()
        index.bytes[position] = 0x10
        try IndexFixture.write(index.bytes, to: index.path)  // a flipped byte, checksums as built
        #expect(throws: bad(index, "header byte \(position) is not zero")) { try IndexArchive(path: index.path) }
        try index.write()  // the same, resealed
        #expect(throws: bad(index, "header byte \(position) is not zero")) { try IndexArchive(path: index.path) }
    }
}

@Test func headerFieldsOutsideTheFormatAreRefusedWhenOpening() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let cases: [(String, (inout CraftedIndex) -> Void)] = [
        ("unknown normalisation flags 8", { $0.set32(100, 8) }),
        ("reserved header field is not zero", { $0.set32(108, 1) }),
        // Before: bands × rows overflowed and trapped.
        (
            "banding 4294967295x4294967295 does not fit 128 values",
            {
                $0.set32(64, .max)
                $0.set32(68, .max)
            }
        ),
        ("banding 4294967295x5 does not fit 128 values", { $0.set32(64, .max) }),
        // Band tables shorter than their headers, records not whole words.
        ("section lengths do not match", { $0.set64(152, 8) }),
        ("section lengths do not match", { $0.set64(120, $0.u64(120) - 1) }),
        ("section lengths do not match", { $0.set64(32, $0.u64(32) - 1) }),
    ]
    for (reason, change) in cases {
        index.reset()
        change(&index)
        try index.write()
        #expect(throws: bad(index, reason)) { try IndexArchive(path: index.path) }
    }
}

// MARK: - Record offsets

@Test func recordOffsetsThatDoNotTileTheRecordsAreRefused() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let last = index.documents.count

    // Offset 3 beyond offset 4: record 3 ends before it starts.
    index.set64(index.offsetSlot(3), index.u64(index.offsetSlot(4)) + 4)
    try index.write()
    #expect(throws: bad(index, "record 3 is out of bounds")) { try index.query(3) }
    expectStatsAndAddRefuse(index, "record 3 is out of bounds", folder)

    // Offset 3 moved by a word: records 2 and 3 no longer fit their fields.
    index.reset()
    index.set64(index.offsetSlot(3), index.u64(index.offsetSlot(3)) + 4)
    try index.write()
    #expect(throws: bad(index, "record 2 is malformed")) { try index.query(2) }
    expectStatsAndAddRefuse(index, "record 2 is malformed", folder)

    // The first offset not 0, the last not the records' length.
    for (slot, value) in [(0, UInt64(4)), (last, index.u64(index.offsetSlot(last)) - 4)] {
        index.reset()
        index.set64(index.offsetSlot(slot), value)
        try index.write()
        expectStatsAndAddRefuse(index, "record offsets do not span the records", folder)
    }

    // Beyond the records section.
    index.reset()
    index.set64(index.offsetSlot(5), UInt64.max)  // the end of record 4
    try index.write()
    #expect(throws: bad(index, "record 4 is out of bounds")) { try index.query(4) }
    expectStatsAndAddRefuse(index, "record 4 is out of bounds", folder)
}

// MARK: - Records

@Test func recordFieldsThatDoNotFitTheStorageAreRefused() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let record = index.record(1)
    let count = shingleCount(index.documents[1])
    let cases: [(String, (inout CraftedIndex) -> Void)] = [
        ("record 1 has \(count + 1) values for 7 shingles", { $0.set32(record + 4, 7) }),
        // The values: the count of character shingles, then the set in text order.
        ("record 1 has more character shingles than shingles", { $0.set32(record + 16, UInt32(count + 1)) }),
        ("record 1 repeats a shingle", { $0.set32(record + 24, $0.u32(record + 20)) }),
        ("record 1 repeats a shingle", { $0.set32(record + 16 + 4 * count, $0.u32(record + 20)) }),
        // The value count or id length changed: the fields no longer fill the record.
        ("record 1 is malformed", { $0.set32(record + 12, 1) }),
        ("record 1 is malformed", { $0.set32(record + 12, .max) }),
        ("record 1 is malformed", { $0.set32(record + 8, 5) }),
        ("record 1 is malformed", { $0.set32(record + 8, .max) }),
        ("record 1 is malformed", { $0.set32(record + 8, 1) }),  // "a" then "1" as padding
        // The id's padding ("a1" takes 2 of 4 bytes).
        ("record 1 is malformed", { $0.bytes[record + 16 + 4 * (count + 1) + 3] = 1 }),
    ]
    for (reason, change) in cases {
        index.reset()
        change(&index)
        try index.write()
        #expect(throws: bad(index, reason)) { try index.query(1) }
        expectStatsAndAddRefuse(index, reason, folder)
    }
}

@Test func signatureRecordsMustHoldOneValuePerPermutation() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder, verification: .signature)
    let record = index.record(1)
    let count = shingleCount(index.documents[1])
    let cases: [(String, (inout CraftedIndex) -> Void)] = [
        (
            "record 1 has 128 signature values for 0 shingles; the index has 128 permutations",
            { $0.set32(record + 4, 0) }
        )
    ]
    for (reason, change) in cases {
        index.reset()
        change(&index)
        try index.write()
        #expect(throws: bad(index, reason)) { try index.query(1) }
        #expect(throws: bad(index, reason)) { try index.archiveDocument(1) }
        expectStatsAndAddRefuse(index, reason, folder)
    }
    // 125 permutations in the header: every signature is too long (the banding, 25 × 5, still
    // fits, and so does a containment banding of 31 × 4), and the first record read says so.
    index.reset()
    index.set32(48, 125)
    index.set32(196, 31)
    try index.write()
    #expect(
        throws: bad(index, "record 1 has 128 signature values for \(count) shingles; the index has 125 permutations")
    ) {
        try index.archiveDocument(1)
    }
    expectStatsAndAddRefuse(
        index,
        "record 0 has 128 signature values for \(shingleCount(index.documents[0])) shingles; the index has 125 permutations",
        folder)
}

// MARK: - Band tables

@Test func bandHeadersThatDoNotDescribeTheirTableAreRefused() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let band = 3
    let header = index.bandHeader(band)
    let malformed = "band table \(band) is malformed"
    let cases: [(inout CraftedIndex) -> Void] = [
        { $0.set64(header, 0) },  // entry count: no longer the directory bits' count
        { $0.set64(header, UInt64.max) },
        { $0.set64(header + 8, 1) },  // entries offset inside the band headers
        { $0.set64(header + 8, UInt64.max) },
        { $0.set64(header + 16, 0) },  // directory offset over the band headers
        { $0.set64(header + 16, $0.u64(header + 8) + 8) },  // directory after the entries
        { $0.set32(header + 24, $0.u32(header + 24) + 1) },  // directory bits
        { $0.set32(header + 24, 27) },
        { $0.set32(header + 28, 1) },  // reserved
    ]
    for change in cases {
        index.reset()
        change(&index)
        try index.write()
        #expect(throws: bad(index, malformed)) { try index.query(0) }
        expectStatsAndAddRefuse(index, malformed, folder)
    }
    // One entry more, still inside the section and with the same directory bits: band 3 now
    // overlaps band 4, which queries do not see.
    index.reset()
    index.set64(header, index.u64(header) + 1)
    try index.write()
    _ = try index.query(0)
    expectStatsAndAddRefuse(index, "band table 4 does not follow band table 3", folder)
    // The header's band count below the tables': queries use 24 bands, the file has 25.
    index.reset()
    index.set32(64, 24)
    try index.write()
    _ = try index.query(0)
    expectStatsAndAddRefuse(index, "band table 0 does not follow the band headers", folder)
    // The last band one entry short: the sample table does not follow it.
    index.reset()
    let last = index.bandHeader(index.bandTables - 1)
    let count = index.u64(last)
    index.set64(last, count - 1)
    try index.write()
    expectStatsAndAddRefuse(index, "sample table does not follow band table \(index.bandTables - 1)", folder)
}

@Test func aSampleTableThatDoesNotHoldTheShortDocumentsSamplesIsRefused() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("a.doppel")
    let brief = TestCorpus.document("brief", String(IndexFixture.articles[2].prefix(120)))
    try IndexFixture.build(IndexFixture.archiveDocuments(count: 4) + [brief], at: path)
    let original = try IndexFixture.bytes(path)
    let archive = try IndexArchive(path: path)
    let table = try archive.bandHeader(try #require(archive.parameters.sampleTable))
    #expect(table.count == 16)
    // The first entry's document changed to another, the first entry's value changed: the
    // entries stay in order and the checksums are resealed.
    for change in [UInt64(1), UInt64(1) << 32] {
        var index = try CraftedIndex(folder, name: "crafted.doppel")
        index.bytes = original
        let entry = table.entries
        index.set64(entry, index.u64(entry) ^ change)
        try index.write()
        #expect(throws: bad(index, "sample table does not hold the samples of the short documents")) {
            try index.stats()
        }
    }
}

@Test func bandEntryCountsMustMatchTheDocumentsWithShingles() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    // The last band's last entry dropped, the sample table after it moved 8 bytes back and the
    // band section 8 bytes shorter: every table is in its place, but the last band misses one of
    // the documents with shingles.
    let bands = index.bandTables
    let last = index.bandHeader(bands - 1)
    let count = index.u64(last)
    index.set64(last, count - 1)
    let sample = index.bandHeader(bands)
    index.set64(sample + 8, index.u64(sample + 8) - 8)
    index.set64(sample + 16, index.u64(sample + 16) - 8)
    index.set64(152, index.u64(152) - 8)
    try index.write()
    expectStatsAndAddRefuse(
        index, "band table \(bands - 1) has \(count - 1) entries for \(count) documents with shingles", folder)
}

@Test func bandEntriesThatDoNotMatchTheRecordsAreRefused() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let band = 0
    let documents = index.documents.count
    let empty = documents - 1
    func entry(_ i: Int) -> UInt64 { index.u64(index.entry(band, i)) }
    let first = Int(entry(0) & 0xFFFF_FFFF)
    let second = Int(entry(1) & 0xFFFF_FFFF)
    let key = entry(0) & 0xFFFF_FFFF_0000_0000

    // A document number beyond the index (before: a precondition failure in recordRange).
    index.set64(index.entry(band, 0), key | 999)
    try index.write()
    #expect(throws: bad(index, "band table \(band) is malformed")) { try index.query(first) }
    expectStatsAndAddRefuse(index, "band table \(band) has an entry for document 999 of \(documents)", folder)

    // The empty text, which has no keys.
    index.reset()
    index.set64(index.entry(band, 0), key | UInt64(empty))
    try index.write()
    expectStatsAndAddRefuse(
        index, "band table \(band) has an entry for document \(empty), which has no shingles",
        folder)

    // Another document twice (and the first one missing).
    index.reset()
    index.set64(index.entry(band, 0), key | UInt64(second))
    try index.write()
    expectStatsAndAddRefuse(index, "band table \(band) has two entries for document \(second)", folder)

    // Two entries swapped.
    index.reset()
    let (a, b) = (entry(0), entry(1))
    index.set64(index.entry(band, 0), b)
    index.set64(index.entry(band, 1), a)
    try index.write()
    expectStatsAndAddRefuse(index, "band table \(band) is not in order", folder)
}

@Test func aDirectoryThatDoesNotMatchItsEntriesIsRefused() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    let band = 0
    let first = Int(index.u64(index.entry(band, 0)) & 0xFFFF_FFFF)  // in directory bucket 0
    // Slot 0 beyond slot 1: the query's lookup of `first` reads a reversed range.
    index.set32(index.directorySlot(band, 0), .max)
    try index.write()
    #expect(throws: bad(index, "band table \(band) is malformed")) { try index.query(first) }
    expectStatsAndAddRefuse(index, "band table \(band) has a directory that does not match its entries", folder)
    // A slot one off: lookups still read inside the table, but stats and add see it.
    index.reset()
    index.set32(index.directorySlot(band, 1), index.u32(index.directorySlot(band, 1)) + 1)
    try index.write()
    expectStatsAndAddRefuse(index, "band table \(band) has a directory that does not match its entries", folder)
}

@Test func aRepeatedIdIsRefusedByStatsAndAdd() throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder)
    // "a1" becomes "a0".
    index.bytes[index.record(1) + 16 + 4 * (shingleCount(index.documents[1]) + 1) + 1] = UInt8(ascii: "0")
    try index.write()
    expectStatsAndAddRefuse(index, "record 1 repeats an id", folder)
}

// MARK: - What stats accepts, queries and add read

/// Single-field changes of the kinds the red team made (header fields, section bounds, record
/// offsets, record fields, band headers, directory slots, entries), checksums recomputed: none
/// may crash, and none that `stats` accepts may make a query or `add` fail.
@Test(arguments: [ClusterOptions.Verification.exact, .signature])
func whateverStatsAcceptsQueriesAndAddCanRead(_ verification: ClusterOptions.Verification) throws {
    let folder = try TemporaryFolder()
    var index = try CraftedIndex(folder, verification: verification)
    var changes: [(String, (inout CraftedIndex) -> Void)] = []
    func field32(_ name: String, _ offset: Int, _ values: [UInt32]) {
        for value in values { changes.append(("\(name)=\(value)", { $0.set32(offset, value) })) }
    }
    func field64(_ name: String, _ offset: Int, _ values: [UInt64]) {
        for value in values { changes.append(("\(name)=\(value)", { $0.set64(offset, value) })) }
    }
    let big: [UInt64] = [0, 1, 1 << 31, 1 << 32, 1 << 63, .max]
    let big32: [UInt32] = [0, 1, 1 << 31, .max]
    field32("storage", 28, [0, 1, 2])
    field64("documents", 32, [0, 1, 40, 41, 42] + big)
    field32("permutations", 48, [0, 8, 64, 125, 127, 129, 1024, 1025])
    field32("scheme", 52, [1, 2])
    field32("bands", 64, [0, 1, 24, 26, 128] + big32)
    field32("rows", 68, [0, 1, 4, 6] + big32)
    field64("aligned share", 184, [0, 0.5.bitPattern, 1.5.bitPattern, Double.nan.bitPattern])
    field32("short items", 192, [0, 1] + big32)
    field32("containment bands", 196, [0, 1, 31, 33] + big32)
    field32("containment rows", 200, [0, 1, 3, 5] + big32)
    field32("layout", 104, [1, 3])
    for section in 0..<4 {
        let (start, length) = (index.u64(112 + 16 * section), index.u64(120 + 16 * section))
        field64("section\(section).start", 112 + 16 * section, [start - 8, start + 4, start + 8] + big)
        field64("section\(section).length", 120 + 16 * section, [length - 8, length - 4, length + 8] + big)
    }
    for slot in [0, 1, 5, index.documents.count - 1, index.documents.count] {
        let value = index.u64(index.offsetSlot(slot))
        field64("offsets[\(slot)]", index.offsetSlot(slot), [value &- 4, value + 4, value + 8] + big)
    }
    for number in [0, 4, index.documents.count - 1] {
        for (field, name) in ["chars", "shingles", "id length", "values"].enumerated() {
            field32("record\(number).\(name)", index.record(number) + 4 * field, [0, 1, 2, 128] + big32)
        }
    }
    let bands = index.bandTables
    for band in [0, Int(index.u32(64)) - 1, bands - 1] {
        let header = index.bandHeader(band)
        for (field, name) in ["count", "entries", "directory"].enumerated() {
            let value = index.u64(header + 8 * field)
            field64("band\(band).\(name)", header + 8 * field, [value &- 8, value + 8] + big)
        }
        field32("band\(band).bits", header + 24, [1, 2, 3, 26, 27, .max])
        field32("band\(band).reserved", header + 28, [1])
        for slot in 0..<3 {
            let value = index.u32(index.directorySlot(band, slot))
            field32(
                "band\(band).directory[\(slot)]", index.directorySlot(band, slot),
                [value &- 1, value + 1] + big32)
        }
        for entry in 0..<3 {
            let value = index.u64(index.entry(band, entry))
            field64(
                "band\(band).entry[\(entry)]", index.entry(band, entry),
                [value ^ 1, value ^ 0x40, value ^ (1 << 40), value & ~0xFFFF_FFFF | 999] + big)
        }
    }
    var accepted = 0
    for (name, change) in changes {
        index.reset()
        change(&index)
        try index.write()
        do {
            _ = try index.stats()
        } catch let error as DoppelError {
            guard case .badIndex = error else {
                Issue.record("\(name): \(error)")
                continue
            }
            continue  // refused: queries may refuse it or not, they read less
        }
        accepted += 1
        for number in [0, 4, 9, index.documents.count - 1] {
            do { _ = try index.query(number) } catch {
                Issue.record("\(name): stats accepts it, query \(number): \(error)")
            }
        }
        do { try index.add(to: folder.path("added.doppel")) } catch {
            Issue.record("\(name): stats accepts it, add: \(error)")
        }
    }
    #expect(accepted > 0 && accepted < changes.count)
}

extension CraftedIndex {
    /// Document `number` read from the file as it is now.
    func archiveDocument(_ number: Int) throws -> IndexedDocument {
        try IndexArchive(path: path).document(number)
    }
}
