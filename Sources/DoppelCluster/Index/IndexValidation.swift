import DoppelIO

/// A set of document numbers `0 ..< count`, one bit each.
struct DocumentBits {
    private var words: [UInt64]

    /// The empty set of numbers below `count`.
    ///
    /// - Complexity: O(count / 64).
    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// Whether `number` is in the set.
    ///
    /// - Complexity: O(1).
    func contains(_ number: Int) -> Bool { words[number >> 6] & (1 << UInt64(number & 63)) != 0 }

    /// Adds `number`; false when it was there already.
    ///
    /// - Complexity: O(1).
    mutating func insert(_ number: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(number & 63)
        defer { words[number >> 6] |= bit }
        return words[number >> 6] & bit == 0
    }
}

/// What a pass over every record of an index found (`IndexArchive.scanRecords`).
struct IndexRecordScan {
    /// The record offsets, `documentCount + 1` of them, checked to tile the records section.
    var offsets: [UInt64]
    /// Every document's id (each is unique).
    var ids: Set<String>
    /// The documents whose text has shingles: those that must have one entry in every band.
    var keyed: DocumentBits
    /// How many documents `keyed` holds.
    var keyedCount: Int
    /// The entries the sample table must hold (`IndexSampleTable.entries`), ascending: empty
    /// without a sample table.
    var samples: [UInt64] = []
}

/// The structural checks of a whole index, beyond the checksums: what `stats` and `add` run so
/// that a file they accept is one every query can read. A query checks only what it reads: the
/// band headers, directory slots and entries of its lookups, and the records of its candidates.
extension IndexArchive {
    /// Reads and checks every record: the offsets tile the records section (`recordOffsets()`),
    /// each record decodes and fits the index's storage (`IndexedDocument.decode`), and the ids
    /// are unique; the samples of the short documents are taken for the sample table's check.
    ///
    /// - Parameter blocksChecked: the caller has already checked the checksums of every block of
    ///   the records section (`verify()`, or copying it with `bytes(_:)`).
    /// - Throws: `DoppelError.badIndex` at the first damaged or malformed record.
    /// - Complexity: O(records section + documentCount); memory O(total id length).
    func scanRecords(blocksChecked: Bool) throws -> IndexRecordScan {
        let offsets = try recordOffsets()
        let records = blocksChecked ? try checkedEarlier(header.records) : try bytes(header.records)
        var scan = IndexRecordScan(
            offsets: offsets, ids: [], keyed: DocumentBits(count: documentCount),
            keyedCount: 0)
        scan.ids.reserveCapacity(documentCount)
        var scratch = CompactSetTable()
        for number in 0..<documentCount {
            let record = UnsafeRawBufferPointer(
                rebasing: records[Int(offsets[number])..<Int(offsets[number + 1])])
            let sampled =
                parameters.keepsShingleSets && record.count >= IndexedDocument.fixedLength
                && parameters.isSampled(shingles: Int(IndexBytes.Reader(record).u32(4)))
            let document = try decodeRecord(record, number: number, idOnly: !sampled, scratch: &scratch)
            if sampled {
                scan.samples += IndexSampleTable.entries(of: document.material, document: number)
            }
            guard scan.ids.insert(document.id).inserted else {
                throw DoppelError.badIndex(path: path, reason: "record \(number) repeats an id")
            }
            if document.shingleCount > 0 {
                _ = scan.keyed.insert(number)
                scan.keyedCount += 1
            }
        }
        scan.samples.sortHashes()
        return scan
    }

    /// Checks that the band tables lie where the format puts them: band 0's directory right after
    /// the band headers, each band's entries right after its directory (padded to 8 bytes), the
    /// next band's directory right after those entries, and the last entries ending the section.
    /// A query follows each band header's offsets and does not need this; `stats` and `add` check
    /// it so that the header's band count and the tables agree.
    ///
    /// - Throws: `DoppelError.badIndex` naming the first band out of place.
    /// - Complexity: O(bands).
    func checkBandLayout() throws {
        func bad(_ reason: String) -> DoppelError { .badIndex(path: path, reason: reason) }
        let section = header.bands
        var position = section.lowerBound + IndexBandTables.headerLength * parameters.tables
        for band in 0..<parameters.tables {
            let table = try bandHeader(band)
            guard table.directory == position else {
                throw bad(
                    band == 0
                        ? "band table 0 does not follow the band headers"
                        : "\(tableName(band)) does not follow band table \(band - 1)")
            }
            guard table.entries == table.directory + IndexBandTables.paddedDirectoryLength(bits: table.bits)
            else { throw bad("\(tableName(band)) is malformed") }
            position = table.entries + 8 * table.count
        }
        guard position == section.upperBound else { throw bad("band tables do not fill their section") }
    }

    /// Checks the entries of band `band` against the records and its directory: one entry per
    /// document with shingles and none for the others, strictly ascending, and the directory
    /// the one `IndexBandTables.directory(of:)` makes of them.
    ///
    /// - Throws: `DoppelError.badIndex` saying what does not match.
    /// - Complexity: O(entries + 2ᵈ + documents / 64).
    func checkBand(
        _ band: Int, _ table: BandHeader, _ entries: [UInt64], records: IndexRecordScan,
        blocksChecked: Bool
    ) throws {
        func bad(_ detail: String) -> DoppelError {
            .badIndex(path: path, reason: "\(tableName(band)) \(detail)")
        }
        if band == parameters.sampleTable {
            // Exactly the samples of the short documents.
            guard entries == records.samples else {
                throw bad("does not hold the samples of the short documents")
            }
            try checkDirectory(band, table, entries, blocksChecked: blocksChecked)
            return
        }
        guard entries.count == records.keyedCount else {
            throw bad("has \(entries.count) entries for \(records.keyedCount) documents with shingles")
        }
        var seen = DocumentBits(count: documentCount)
        for (index, entry) in entries.enumerated() {
            guard index == 0 || entries[index - 1] < entry else { throw bad("is not in order") }
            let document = BandEntry(packed: entry).document
            guard document < documentCount else {
                throw bad("has an entry for document \(document) of \(documentCount)")
            }
            guard records.keyed.contains(document) else {
                throw bad("has an entry for document \(document), which has no shingles")
            }
            guard seen.insert(document) else { throw bad("has two entries for document \(document)") }
        }
        try checkDirectory(band, table, entries, blocksChecked: blocksChecked)
    }

    /// Checks that table `band`'s directory is the one `IndexBandTables.directory(of:)` makes of
    /// its entries, with its padding zero.
    ///
    /// - Throws: `DoppelError.badIndex` when it is not.
    /// - Complexity: O(entries + 2ᵈ).
    private func checkDirectory(
        _ band: Int, _ table: BandHeader, _ entries: [UInt64], blocksChecked: Bool
    ) throws {
        func bad(_ detail: String) -> DoppelError {
            .badIndex(path: path, reason: "\(tableName(band)) \(detail)")
        }
        let expected = IndexBandTables.directory(of: entries)
        let range = table.directory..<(table.directory + 4 * expected.count)
        let reader = IndexBytes.Reader(blocksChecked ? try checkedEarlier(range) : try bytes(range))
        for (slot, value) in expected.enumerated() where reader.u32(4 * slot) != value {
            throw bad("has a directory that does not match its entries")
        }
        if expected.count % 2 == 1 {  // the padding to 8 bytes, when it lies before the entries
            let padding = range.upperBound..<(range.upperBound + 4)
            if padding.upperBound <= table.entries {
                let reader = IndexBytes.Reader(blocksChecked ? try checkedEarlier(padding) : try bytes(padding))
                guard reader.u32(0) == 0 else { throw bad("has a directory that does not match its entries") }
            }
        }
    }
}
