import DoppelIO

/// What `build` or `add` did.
public struct IndexSummary: Sendable, Equatable {
    /// Documents written to the index by this run.
    public var added: Int
    /// Ids of documents not written because the index already held a document with that id (or
    /// an earlier input of the same run did), in input order.
    public var skippedIDs: [String]
    /// Documents in the index now.
    public var documentCount: Int
    /// The index file's length in bytes.
    public var fileLength: Int

    /// A summary from its parts.
    ///
    /// - Complexity: O(1).
    public init(added: Int, skippedIDs: [String], documentCount: Int, fileLength: Int) {
        self.added = added
        self.skippedIDs = skippedIDs
        self.documentCount = documentCount
        self.fileLength = fileLength
    }
}

/// Writes index files: `build` makes a new one, `add` rewrites an existing one with more
/// documents. Both write atomically (`IndexFileWriter`): a failure or a crash at any point
/// leaves the destination as it was and no temporary file behind (a killed process leaves one
/// only if the caller's `onTemporary` handler is not installed).
///
/// `add` copies the old records byte for byte (checking their checksums, then their structure as
/// `IndexArchive.stats()` does, and the old band tables before merging them), appends the new ones,
/// and merges the new band entries into each old sorted band table: O(size of the index) of
/// sequential I/O per call, so many documents added at once cost little more than a few. Ids are
/// unique in an index: a document whose id is already there is skipped and listed, which makes
/// adding the same batch twice harmless.
///
/// Two writers of one index must take turns, or the second rename drops the first one's
/// documents: hold a `WriterLock` on the destination from before the archive is opened until
/// `add` returns (`doppel index add` and `build` do).
public struct IndexBuilder: Sendable {
    /// The parameters of the indexes this builder writes.
    public let parameters: IndexParameters

    /// A builder for new indexes with `parameters`.
    ///
    /// - Complexity: O(1).
    public init(parameters: IndexParameters) {
        self.parameters = parameters
    }

    /// Writes a new index of `documents` to `path`, replacing any file there.
    ///
    /// `documents` must be normalised with `parameters.normalization` (later queries and adds
    /// normalise that way).
    ///
    /// - Throws: the error of the earliest document that could not be read, or
    ///   `DoppelError.unwritable`; the file at `path` is then unchanged.
    /// - Complexity: O(total text) to sign the documents (on all cores), O(b · n log n) to sort
    ///   b band tables of n documents; memory O(b · n) for the band entries and O(n) for the ids.
    @discardableResult
    public func build(
        _ documents: some DocumentCollection, to path: String, options: OutputOptions = .standard,
        onTemporary: @escaping (String?) -> Void = { _ in },
        progress: (@Sendable (ClusterProgress) -> Void)? = nil
    ) throws -> IndexSummary {
        try write(documents, to: path, base: nil, options: options, onTemporary: onTemporary, progress: progress)
    }

    /// Writes to `path` (usually `archive.path`) the index `archive` extended by `documents`,
    /// with the archive's parameters.
    ///
    /// - Throws: `DoppelError.badIndex` when the archive's bytes are damaged, the error of the
    ///   earliest document that could not be read, or `DoppelError.unwritable`; the file at
    ///   `path` is then unchanged.
    /// - Complexity: O(size of the archive) to copy and merge it, plus as `build` for the new
    ///   documents.
    @discardableResult
    public static func add(
        _ documents: some DocumentCollection, to archive: IndexArchive,
        writingTo path: String, options: OutputOptions = .standard,
        onTemporary: @escaping (String?) -> Void = { _ in },
        progress: (@Sendable (ClusterProgress) -> Void)? = nil
    ) throws -> IndexSummary {
        try IndexBuilder(parameters: archive.parameters)
            .write(documents, to: path, base: archive, options: options, onTemporary: onTemporary, progress: progress)
    }

    private func write(
        _ documents: some DocumentCollection, to path: String, base: IndexArchive?,
        options: OutputOptions, onTemporary: @escaping (String?) -> Void,
        progress: (@Sendable (ClusterProgress) -> Void)?
    ) throws -> IndexSummary {
        let writer = try IndexFileWriter(path: path, options: options, onTemporary: onTemporary)
        defer { writer.discard() }
        let keepsSets = parameters.keepsShingleSets
        let recordsStart = writer.offset
        var ids = Set<String>()
        var offsets: [UInt64] = [0]
        var scan: IndexRecordScan?
        if let base {
            let copyStart = base.header.records.lowerBound
            let chunk = 8 << 20
            for start in stride(from: copyStart, to: base.header.records.upperBound, by: chunk) {
                try writer.append(try base.bytes(start..<min(start + chunk, base.header.records.upperBound)))
            }
            // The copy checked every block of the records; now their structure, so that a
            // malformed record or offset is refused rather than carried into the new index.
            scan = try base.scanRecords(blocksChecked: true)
            offsets = scan!.offsets
            scan!.offsets = []
            swap(&ids, &scan!.ids)
            try base.checkBandLayout()
            ids.reserveCapacity(base.documentCount + documents.count)
        }
        let firstNew = offsets.count - 1
        var newEntries = [[UInt64]](repeating: [], count: parameters.bandTables)
        var newSamples: [UInt64] = []
        var skipped: [String] = []
        let signer = DocumentSigner(parameters: parameters, keepsShingleSets: keepsSets)
        try signer.sign(documents, progress: progress) { batch, _ in
            var bytes = IndexBytes()
            for signed in batch {
                guard ids.insert(signed.id).inserted else {
                    skipped.append(signed.id)
                    continue
                }
                let number = offsets.count - 1
                IndexedDocument.encode(signed, keepsShingleSets: keepsSets, into: &bytes)
                offsets.append(UInt64(writer.offset + bytes.bytes.count - recordsStart))
                let keys = signed.bandKeys + self.parameters.containmentKeys(of: signed.signature)
                for (band, key) in keys.enumerated() {
                    newEntries[band].append(BandEntry(bandKey: key, document: number).packed)
                }
                if keepsSets && self.parameters.isSampled(shingles: signed.shingleCount) {
                    newSamples += IndexSampleTable.entries(of: signed.material!, document: number)
                }
            }
            try writer.append(bytes.bytes)
        }
        let documentCount = offsets.count - 1
        guard documentCount <= Int(UInt32.max) else {
            throw DoppelError.unwritable(path: path, reason: "an index holds at most 2³² − 1 documents")
        }
        let records = recordsStart..<writer.offset
        var offsetBytes = IndexBytes()
        for offset in offsets { offsetBytes.append(offset) }
        try writer.pad(to: 8)
        let offsetsStart = writer.offset
        try writer.append(offsetBytes.bytes)
        let offsetsRange = offsetsStart..<writer.offset
        let bandsStart = writer.offset
        var counts: [Int] = []
        for band in 0..<parameters.bandTables {
            counts.append(try (base?.bandEntryCount(band) ?? 0) + newEntries[band].count)
        }
        if let table = parameters.sampleTable {
            counts.append(try (base?.bandEntryCount(table) ?? 0) + newSamples.count)
            newEntries.append(newSamples)
            newSamples = []
        }
        try IndexBandTables.write(counts: counts, to: writer) { band in
            var added: [UInt64] = []
            swap(&added, &newEntries[band])  // release each band's new entries once merged
            added.sortHashes()
            guard let base, let scan else { return added }
            // New documents are numbered after old ones, so entries with equal keys stay in
            // document order when old ones come first. The old entries are checked against the
            // old records (and their directory) before they are merged.
            return Self.merge(try base.bandEntries(band, records: scan), added)
        }
        let bands = bandsStart..<writer.offset
        try writer.pad(to: 8)
        let parameters = parameters
        var fileLength = 0
        try writer.finish { checksums, hash in
            fileLength = checksums.upperBound
            return IndexHeader(
                parameters: parameters, documentCount: documentCount,
                fileLength: fileLength, records: records, offsets: offsetsRange,
                bands: bands, checksums: checksums, checksumsHash: hash)
        }
        return IndexSummary(
            added: documentCount - firstNew, skippedIDs: skipped,
            documentCount: documentCount, fileLength: fileLength)
    }

    /// The union of two ascending arrays, ascending (repeats kept; there are none here).
    ///
    /// - Complexity: O(m + n).
    static func merge(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var merged: [UInt64] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] <= b[j]) {
                merged.append(a[i])
                i += 1
            } else {
                merged.append(b[j])
                j += 1
            }
        }
        return merged
    }
}
