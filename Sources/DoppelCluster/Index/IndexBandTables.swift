import DoppelIO

/// The band tables of an index file: for each band, every document's 32-bit band key (the upper
/// half of the 64-bit key, as `BandKeyTable` keeps it) in a sorted array, with a radix directory
/// so that a lookup reads two small ranges of the file instead of binary-searching all of it.
///
/// Section layout (little-endian, offsets relative to the section's start):
///
/// - `bands` band headers of 32 bytes: entry count (UInt64), entries offset (UInt64), directory
///   offset (UInt64), directory bits `d` (UInt32), reserved (UInt32, 0);
/// - per band, its directory: `2ᵈ + 1` UInt32, where entry `j` is the index of the first entry
///   whose key's top `d` bits are at least `j` (the last is the entry count), zero-padded to a
///   multiple of 8 bytes; then its entries: UInt64 `key << 32 | document` (`BandEntry`),
///   ascending.
///
/// `d` is chosen so that a directory bucket holds about 8 entries (`d = ⌊log₂(count / 8)⌋`,
/// 0 below 16 entries, at most 26): the directory costs half a byte per entry.
///
/// The sample table (`IndexParameters.sampleTable`, format 3) follows the band tables in the
/// same layout: its entries are `value << 32 | document` for each sampled compact shingle of
/// each short document (`IndexSampleTable`).
enum IndexBandTables {
    /// Bytes of one band header.
    static let headerLength = 32

    /// The directory bits for a band of `count` entries.
    ///
    /// - Complexity: O(1).
    static func directoryBits(entries count: Int) -> Int {
        if count < 16 { return 0 }
        let buckets = count / 8
        return min(26, Int.bitWidth - 1 - buckets.leadingZeroBitCount)
    }

    /// Bytes of a directory of `bits` bits, zero-padded to a multiple of 8: where its band's
    /// entries start, relative to the directory.
    ///
    /// - Complexity: O(1).
    static func paddedDirectoryLength(bits: Int) -> Int { (((1 << bits) + 1) * 4 + 7) / 8 * 8 }

    /// The directory of a band's ascending entries: `2ᵈ + 1` slots for
    /// `d = directoryBits(entries: sorted.count)`, slot `j` the index of the first entry whose
    /// key's top `d` bits are at least `j`.
    ///
    /// - Complexity: O(entries + 2ᵈ).
    static func directory(of sorted: [UInt64]) -> [UInt32] {
        let bits = directoryBits(entries: sorted.count)
        var directory: [UInt32] = []
        directory.reserveCapacity((1 << bits) + 1)
        for (index, entry) in sorted.enumerated() {
            let top = bits == 0 ? 0 : Int(entry >> (64 - UInt64(bits)))
            while directory.count <= top { directory.append(UInt32(index)) }
        }
        while directory.count <= 1 << bits { directory.append(UInt32(sorted.count)) }
        return directory
    }

    /// Writes the section, one band at a time: `entries(band)` returns that band's sorted
    /// entries, and `counts[band]` must be its length (headers precede the data).
    ///
    /// - Throws: what `entries` or the writer throws.
    /// - Complexity: O(total entries + directories); memory one band's entries at a time.
    static func write(
        counts: [Int], to writer: IndexFileWriter,
        entries: (_ band: Int) throws -> [UInt64]
    ) throws {
        var headers = IndexBytes()
        var position = headerLength * counts.count
        for count in counts {
            let bits = directoryBits(entries: count)
            let paddedDirectory = paddedDirectoryLength(bits: bits)
            headers.append(UInt64(count))
            headers.append(UInt64(position + paddedDirectory))
            headers.append(UInt64(position))
            headers.append(UInt32(bits))
            headers.append(UInt32(0))
            position += paddedDirectory + 8 * count
        }
        try writer.append(headers.bytes)
        for (band, count) in counts.enumerated() {
            let sorted = try entries(band)
            precondition(sorted.count == count, "band \(band) has a different entry count")
            var directory = IndexBytes()
            for slot in self.directory(of: sorted) { directory.append(slot) }
            directory.pad(to: 8)
            try writer.append(directory.bytes)
            try sorted.withUnsafeBufferPointer { buffer in
                if UInt64(1).littleEndian == 1 {
                    try writer.append(UnsafeRawBufferPointer(buffer))
                } else {
                    var bytes = IndexBytes()
                    for entry in buffer { bytes.append(entry) }
                    try writer.append(bytes.bytes)
                }
            }
        }
    }
}

extension IndexArchive {
    /// Where band `band`'s directory and entries lie (absolute file offsets), from its header.
    struct BandHeader {
        var count: Int
        var entries: Int
        var directory: Int
        var bits: Int
    }

    /// The header of band `band` (or of the sample table), checked: reserved field zero, `bits`
    /// the directory bits of `count` entries
    /// (`IndexBandTables.directoryBits`), no more entries than documents (the sample table:
    /// than `ContainmentSample.standardSize` per document), the directory after the band headers
    /// and before the entries, the entries inside the section.
    ///
    /// - Precondition: `0 <= band < parameters.tables` (the header page guarantees the section
    ///   holds that many band headers).
    /// - Throws: `DoppelError.badIndex` when the bytes are damaged or the header is malformed.
    /// - Complexity: O(1).
    func bandHeader(_ band: Int) throws -> BandHeader {
        precondition(band >= 0 && band < parameters.tables, "no band \(band)")
        let isSample = band == parameters.sampleTable
        let section = header.bands
        let start = section.lowerBound + band * IndexBandTables.headerLength
        let reader = IndexBytes.Reader(try bytes(start..<(start + IndexBandTables.headerLength)))
        let count = Int(clamping: reader.u64(0))
        let entries = Int(clamping: reader.u64(8))
        let directory = Int(clamping: reader.u64(16))
        let bits = Int(reader.u32(24))
        let most = isSample ? ContainmentSample.standardSize * documentCount : documentCount
        guard reader.u32(28) == 0, count <= most,
            bits == IndexBandTables.directoryBits(entries: count),
            directory >= IndexBandTables.headerLength * parameters.tables,
            entries <= section.count, directory <= entries,
            entries - directory >= ((1 << bits) + 1) * 4, count <= (section.count - entries) / 8
        else { throw DoppelError.badIndex(path: path, reason: "\(tableName(band)) is malformed") }
        return BandHeader(
            count: count, entries: section.lowerBound + entries,
            directory: section.lowerBound + directory, bits: bits)
    }

    /// How messages name table `band`: `band table N`, or `sample table`.
    func tableName(_ band: Int) -> String {
        band == parameters.sampleTable ? "sample table" : "band table \(band)"
    }

    /// The number of documents with keys in band `band` (documents whose text has shingles).
    ///
    /// - Throws: `DoppelError.badIndex` when the band's header is damaged or malformed.
    /// - Complexity: O(1).
    func bandEntryCount(_ band: Int) throws -> Int { try bandHeader(band).count }

    /// The documents whose key in band `band` has the same upper 32 bits as the 64-bit band key
    /// `key`, ascending.
    ///
    /// - Throws: `DoppelError.badIndex` when the bytes read are damaged, or the directory slot
    ///   or an entry found is out of range (a document number beyond the index).
    /// - Complexity: O(log b + m) for b entries in the key's directory bucket and m matches.
    func documents(band: Int, key: UInt64) throws -> [Int] {
        let table = try bandHeader(band)
        func malformed() -> DoppelError {
            .badIndex(path: path, reason: "\(tableName(band)) is malformed")
        }
        let bucket = table.bits == 0 ? 0 : Int(key >> (64 - UInt64(table.bits)))
        let slot = table.directory + 4 * bucket
        let directory = IndexBytes.Reader(try bytes(slot..<(slot + 8)))
        let low = Int(directory.u32(0))
        let high = Int(directory.u32(4))
        guard low <= high, high <= table.count else { throw malformed() }
        if low == high { return [] }
        let entries = IndexBytes.Reader(try bytes((table.entries + 8 * low)..<(table.entries + 8 * high)))
        let wanted = BandEntry.key(ofBandKey: key)
        var first = 0
        var last = high - low
        while first < last {
            let middle = (first + last) / 2
            if BandEntry(packed: entries.u64(8 * middle)).key < wanted { first = middle + 1 } else { last = middle }
        }
        var found: [Int] = []
        while first < high - low, BandEntry(packed: entries.u64(8 * first)).key == wanted {
            let document = BandEntry(packed: entries.u64(8 * first)).document
            guard document < documentCount else { throw malformed() }
            found.append(document)
            first += 1
        }
        return found
    }

    /// All entries of band `band`, ascending, after the checks of `checkBand` (for `add`, which
    /// merges new entries into them, and `stats`).
    ///
    /// - Parameter records: what `scanRecords` found: which documents have shingles.
    /// - Throws: `DoppelError.badIndex` when the bytes read are damaged or the band is malformed.
    /// - Complexity: O(entries + directory + documents / 64).
    func bandEntries(_ band: Int, records: IndexRecordScan, blocksChecked: Bool = false) throws -> [UInt64] {
        let table = try bandHeader(band)
        let range = table.entries..<(table.entries + 8 * table.count)
        let reader = IndexBytes.Reader(blocksChecked ? try checkedEarlier(range) : try bytes(range))
        let entries = (0..<table.count).map { reader.u64(8 * $0) }
        try checkBand(band, table, entries, records: records, blocksChecked: blocksChecked)
        return entries
    }
}
