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
    /// Bytes of the band tables.
    public var bandTableBytes: Int
    /// The most documents sharing one key in one band (a large bucket means many copies of one
    /// text, or boilerplate).
    public var largestBucket: Int

    /// A summary from its parts.
    ///
    /// - Complexity: O(1).
    public init(path: String, formatVersion: Int, parameters: IndexParameters, documentCount: Int,
                documentsWithKeys: Int, fileLength: Int, recordBytes: Int, bandTableBytes: Int,
                largestBucket: Int) {
        self.path = path
        self.formatVersion = formatVersion
        self.parameters = parameters
        self.documentCount = documentCount
        self.documentsWithKeys = documentsWithKeys
        self.fileLength = fileLength
        self.recordBytes = recordBytes
        self.bandTableBytes = bandTableBytes
        self.largestBucket = largestBucket
    }
}

extension IndexArchive {
    /// Checks every block of the file (`verify()`), then summarises it.
    ///
    /// - Throws: `DoppelError.badIndex` when the file is damaged.
    /// - Complexity: O(file length).
    public func stats() throws -> IndexStats {
        try verify()
        var largest = 0
        for band in 0..<parameters.lsh.bands {
            let entries = try bandEntries(band)
            var start = 0
            while start < entries.count {
                var end = start + 1
                while end < entries.count && entries[end] >> 32 == entries[start] >> 32 { end += 1 }
                largest = max(largest, end - start)
                start = end
            }
        }
        return IndexStats(path: path, formatVersion: Int(IndexHeader.version), parameters: parameters,
                          documentCount: documentCount, documentsWithKeys: try bandEntryCount(0),
                          fileLength: fileLength, recordBytes: header.records.count,
                          bandTableBytes: header.bands.count, largestBucket: largest)
    }
}
