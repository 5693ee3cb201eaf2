import DoppelIO

/// The sample table of an index (format 3): for each short document (`IndexParameters
/// .isSampled`: `minimumContainedShingles` to `largestSampled` shingles), its containment
/// sample, the `ContainmentSample.standardSize` smallest compact shingles of its set, as
/// entries `value << 32 | document` sorted ascending: an inverted index from sampled shingle to
/// the short documents that sampled it, the one `doppel cluster`'s containment sample builds for
/// its collection (`ClusterEngine.containmentPairs`). It is the last table of the band section,
/// in the band tables' layout (`IndexBandTables`), and merged by `add` as they are.
///
/// A query that holds a short document's samples is its candidate container: the query looks up
/// each of its shingles here and counts the hits of each short document. The other direction,
/// a short query contained in a larger indexed document, is `IndexContainerScan`.
///
/// Cost: 8 bytes per sampled shingle and half a byte of directory, 16 a short document: about
/// 136 bytes for a document of 50-200 shingles (whose record takes 216-816), nothing for
/// longer ones.
enum IndexSampleTable {
    /// The entries of the document `document` whose material (`IndexedDocument.material`: the
    /// count of character shingles, then the set) is `material`: its sample, ascending.
    ///
    /// - Complexity: O(s) expected for s shingles.
    static func entries(of material: [UInt32], document: Int) -> [UInt64] {
        ContainmentSample.smallest(ContainmentSample.standardSize, of: material.dropFirst()).map {
            UInt64($0) << 32 | UInt64(document)
        }
    }

    /// The sample table of an opened index, its bytes checked once, for the lookups of queries.
    struct Reader: @unchecked Sendable {
        // The bytes lie in the archive's read-only mapping, which lives as long as the archive;
        // `archive` keeps it alive as long as this reader.
        private let archive: IndexArchive
        private let directory: UnsafeRawBufferPointer
        private let entries: UnsafeRawBufferPointer
        private let bits: Int
        /// The most documents that sampled one value.
        let largestPosting: Int
        /// The largest value sampled (0 for an empty table).
        let largestValue: UInt32

        /// The sample table of `archive`, nil when it has none.
        ///
        /// - Throws: `DoppelError.badIndex` when its header is malformed or its bytes damaged.
        /// - Complexity: O(table length) to check its blocks' checksums and find its largest
        ///   posting, so that a query knows whether any value is sampled by more documents than
        ///   `ContainmentSample.postingLimit` allows.
        init?(archive: IndexArchive) throws {
            guard let band = archive.parameters.sampleTable else { return nil }
            let table = try archive.bandHeader(band)
            self.archive = archive
            bits = table.bits
            directory = try archive.bytes(table.directory..<(table.directory + 4 * ((1 << bits) + 1)))
            entries = try archive.bytes(table.entries..<(table.entries + 8 * table.count))
            let reader = IndexBytes.Reader(entries)
            var largest = 0
            var start = 0
            while start < table.count {
                var end = start + 1
                while end < table.count && reader.u64(8 * end) >> 32 == reader.u64(8 * start) >> 32 { end += 1 }
                largest = max(largest, end - start)
                start = end
            }
            largestPosting = largest
            largestValue = table.count == 0 ? 0 : UInt32(reader.u64(8 * (table.count - 1)) >> 32)
        }

        /// The documents that sampled `value`, ascending, passed to `body` one at a time; returns
        /// how many there are.
        ///
        /// - Throws: `DoppelError.badIndex` when the directory or an entry is out of range.
        /// - Complexity: O(log b + m) for b entries in the value's directory bucket and m found.
        @discardableResult
        func forEachDocument(sampling value: UInt32, _ body: (Int) -> Void) throws -> Int {
            if value > largestValue || entries.isEmpty { return 0 }
            let count = entries.count / 8
            let slots = IndexBytes.Reader(directory)
            let bucket = bits == 0 ? 0 : Int(value >> (32 - UInt32(bits)))
            let low = Int(slots.u32(4 * bucket))
            let high = Int(slots.u32(4 * bucket + 4))
            guard low <= high, high <= count else { throw malformed() }
            let reader = IndexBytes.Reader(entries)
            var first = low
            var last = high
            while first < last {
                let middle = (first + last) / 2
                if UInt32(reader.u64(8 * middle) >> 32) < value { first = middle + 1 } else { last = middle }
            }
            var found = 0
            while first < high {
                let entry = reader.u64(8 * first)
                if UInt32(entry >> 32) != value { break }
                let document = Int(entry & 0xFFFF_FFFF)
                guard document < archive.documentCount else { throw malformed() }
                body(document)
                found += 1
                first += 1
            }
            return found
        }

        /// How many documents sampled `value`.
        ///
        /// - Throws: as `forEachDocument(sampling:_:)`.
        /// - Complexity: as `forEachDocument(sampling:_:)`.
        func postings(of value: UInt32) throws -> Int {
            try forEachDocument(sampling: value) { _ in }
        }

        private func malformed() -> DoppelError {
            .badIndex(path: archive.path, reason: "sample table is malformed")
        }
    }
}
