import DoppelIO

/// The containment sample's other direction in an index: the documents of an index that hold
/// enough of a short query's sample (`ContainmentSample.isCandidate`) and are large enough to
/// contain it (at least 1 / `ClusterOptions.containmentSizeRatio` times its size), found by one
/// pass over the records, as `doppel cluster` finds the containers of its short documents
/// (`ClusterEngine.containmentPairs`, step 2).
///
/// Why a pass and not a table: a short text's smallest shingles can be any shingles of the
/// document that contains it (an excerpt of its last sentences samples values that are large
/// among the whole document's), so finding every document that holds 11 of 16 given values
/// needs every document's every shingle: the records already hold them, and an inverted index
/// of all of them would take twice the file again. The pass is made once for a batch of
/// queries (`IndexQuery.run`) and only when the batch has a short one.
///
/// - Complexity: O(R) for the R bytes of the records (their checksums checked once per opened
///   index) plus one lookup per shingle of each document large enough for the smallest short
///   query; memory O(16 · q) for q short queries.
struct IndexContainerScan {
    /// A short query: its kept samples and its set size.
    struct Query: Sendable {
        var kept: [UInt32]
        var size: Int
    }

    /// For each of `queries` (nil: not a short query), the documents of `archive` that hold
    /// enough of its kept samples for `sample` and are at least 1 / `containmentSizeRatio` times
    /// its size, ascending. The exact containment of the query in each is checked after, when
    /// the document's record is read for verification.
    ///
    /// - Throws: `DoppelError.badIndex` when a record is damaged or malformed.
    /// - Complexity: as the type's.
    static func containers(
        of queries: [Query?], in archive: IndexArchive, sample: ContainmentSample
    ) throws -> [[Int]] {
        var entries: [UInt64] = []
        for (position, query) in queries.enumerated() {
            for value in query?.kept ?? [] { entries.append(UInt64(value) << 32 | UInt64(position)) }
        }
        let sizes = queries.map { $0?.size ?? 0 }
        guard let smallest = queries.compactMap({ $0?.kept.isEmpty == false ? $0!.size : nil }).min()
        else { return queries.map { _ in [] } }
        entries.sortHashes()
        let lookup = SampleLookup(sorted: entries)
        let keptCounts = queries.map { $0?.kept.count ?? 0 }
        let ratio = ClusterOptions.containmentSizeRatio
        let offsets = try archive.recordOffsets()
        let records = MappedBytes(bytes: try archive.bytes(archive.header.records), archive: archive)
        let path = archive.path
        let chunk = 256
        let found = SharedSlots<[UInt64]>(
            repeating: [], count: (archive.documentCount + chunk - 1) / chunk)
        try ParallelChunks(chunkSize: chunk).run(count: archive.documentCount, progress: nil) { range in
            var hits = [UInt8](repeating: 0, count: queries.count)
            var touched: [Int] = []
            var pairs: [UInt64] = []
            for number in range {
                let record = IndexBytes.Reader(
                    UnsafeRawBufferPointer(rebasing: records.bytes[Int(offsets[number])..<Int(offsets[number + 1])]))
                guard record.buffer.count >= IndexedDocument.fixedLength else {
                    throw DoppelError.badIndex(path: path, reason: "record \(number) is malformed")
                }
                let size = Int(record.u32(4))
                let largestContained = Int((ratio * Double(size)).rounded(.down))
                if largestContained < smallest { continue }
                guard Int(record.u32(12)) == size + 1,
                    IndexedDocument.fixedLength + 4 * (size + 1) <= record.buffer.count
                else {
                    throw DoppelError.badIndex(
                        path: path, reason: "record \(number) has \(record.u32(12)) values for \(size) shingles")
                }
                // The set follows the fixed fields and the count of character shingles.
                for index in 0..<size {
                    lookup.forEachQuery(sampling: record.u32(IndexedDocument.fixedLength + 4 + 4 * index)) {
                        if hits[$0] == 0 { touched.append($0) }
                        hits[$0] &+= 1
                    }
                }
                for query in touched {
                    if sizes[query] <= largestContained
                        && sample.isCandidate(hits: Int(hits[query]), kept: keptCounts[query])
                    {
                        pairs.append(UInt64(query) << 32 | UInt64(number))
                    }
                    hits[query] = 0
                }
                touched.removeAll(keepingCapacity: true)
            }
            found[range.lowerBound / chunk] = pairs
        }
        var containers = queries.map { _ in [Int]() }
        for pairs in found.take(resettingTo: []) {
            for pair in pairs { containers[Int(pair >> 32)].append(Int(pair & 0xFFFF_FFFF)) }
        }
        return containers
    }

    /// Bytes of an archive's read-only mapping, checked, shared by the workers of a scan: the
    /// mapping lives as long as `archive`, which this keeps, and nobody writes it.
    private struct MappedBytes: @unchecked Sendable {
        let bytes: UnsafeRawBufferPointer
        let archive: IndexArchive
    }

    /// The queries' kept samples, `value << 32 | query` ascending, found through a directory on
    /// the values' top bits (about two entries a slot).
    private struct SampleLookup: Sendable {
        let entries: [UInt64]
        let directory: [UInt32]
        let shift: UInt32
        let largestValue: UInt32

        init(sorted entries: [UInt64]) {
            var bits: UInt32 = 1
            while bits < 24 && (1 << bits) < entries.count / 2 { bits += 1 }
            var directory = [UInt32](repeating: 0, count: (1 << bits) + 1)
            for entry in entries { directory[Int(entry >> (64 - UInt64(bits))) + 1] += 1 }
            for slot in 1..<directory.count { directory[slot] += directory[slot - 1] }
            self.entries = entries
            self.directory = directory
            shift = 32 - bits
            largestValue = entries.last.map { UInt32($0 >> 32) } ?? 0
        }

        /// Calls `body` with each query that kept `value`.
        ///
        /// - Complexity: O(1) expected plus one step per query found.
        @inline(__always)
        func forEachQuery(sampling value: UInt32, _ body: (Int) -> Void) {
            if value > largestValue { return }
            let slot = Int(value >> shift)
            var i = Int(directory[slot])
            let end = Int(directory[slot + 1])
            while i < end && UInt32(entries[i] >> 32) < value { i += 1 }
            while i < end && UInt32(entries[i] >> 32) == value {
                body(Int(entries[i] & 0xFFFF_FFFF))
                i += 1
            }
        }
    }
}
