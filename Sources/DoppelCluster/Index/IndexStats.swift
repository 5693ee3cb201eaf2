/// What an index holds and how big its parts are, after checking every block.
public struct IndexStats: Sendable, Equatable {
    /// The index's file name.
    public var path: String
    /// The file format version.
    public var formatVersion: Int
    /// How the index was built.
    public var parameters: IndexParameters
    /// Documents in the index.
    public var documentCount: Int
    /// Documents with band keys (a text of at least one shingle); the others are never found.
    public var documentsWithKeys: Int
    /// The file's length in bytes.
    public var fileLength: Int
    /// Bytes of the document records (ids, counts, shingle sets or signatures).
    public var recordBytes: Int
    /// Bytes of the band tables and the sample table.
    public var bandTableBytes: Int
    /// The most documents sharing one key in one band (a large bucket means many copies of one
    /// text, or boilerplate).
    public var largestBucket: Int
    /// Documents whose containment sample the sample table keeps (short documents; 0 without a
    /// sample table).
    public var sampledDocuments: Int

    /// A summary from its parts.
    ///
    /// - Complexity: O(1).
    public init(
        path: String, formatVersion: Int, parameters: IndexParameters, documentCount: Int,
        documentsWithKeys: Int, fileLength: Int, recordBytes: Int, bandTableBytes: Int,
        largestBucket: Int, sampledDocuments: Int = 0
    ) {
        self.path = path
        self.formatVersion = formatVersion
        self.parameters = parameters
        self.documentCount = documentCount
        self.documentsWithKeys = documentsWithKeys
        self.fileLength = fileLength
        self.recordBytes = recordBytes
        self.bandTableBytes = bandTableBytes
        self.largestBucket = largestBucket
        self.sampledDocuments = sampledDocuments
    }
}

extension IndexArchive {
    /// Checks every block of the file (`verify()`) and its structure: every record, the record
    /// offsets, unique ids, and every band table (header, place in the section, entries against
    /// the records, directory against the entries; see `scanRecords`, `checkBandLayout` and
    /// `checkBand`), so that an index it accepts is one every query and `add` can read. Then
    /// summarises it.
    ///
    /// - Throws: `DoppelError.badIndex` when the file is damaged or malformed.
    /// - Complexity: O(file length); memory O(total id length + one band's entries).
    public func stats() throws -> IndexStats {
        try verify()
        let records = try scanRecords(blocksChecked: true)
        try checkBandLayout()
        var largest = 0
        var sampledDocuments = 0
        for band in 0..<parameters.tables {
            let entries = try bandEntries(band, records: records, blocksChecked: true)
            if band == parameters.sampleTable {
                sampledDocuments = Set(entries.map { $0 & 0xFFFF_FFFF }).count
                continue
            }
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count
                    && BandEntry(packed: entries[end]).key == BandEntry(packed: entries[start]).key
                {
                    end += 1
                }
                largest = max(largest, end - start)
                start = end
            }
        }
        return IndexStats(
            path: path, formatVersion: Int(IndexHeader.version), parameters: parameters,
            documentCount: documentCount, documentsWithKeys: records.keyedCount,
            fileLength: fileLength, recordBytes: header.records.count,
            bandTableBytes: header.bands.count, largestBucket: largest,
            sampledDocuments: sampledDocuments)
    }
}
