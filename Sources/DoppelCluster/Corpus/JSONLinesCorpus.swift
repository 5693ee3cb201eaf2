import DoppelIO
import DoppelText

/// The documents of a JSON Lines file, read on demand: one scan records each record's id and
/// location; `document(at:)` reads and normalises one record again. Memory grows with the
/// number of records (an id and a location each), not with the texts, so an archive of
/// millions of records clusters in bounded memory.
public struct JSONLinesCorpus: DocumentCollection {
    public let path: String
    private let file: JSONLinesFile
    private let ids: [String]
    private let locations: [JSONLinesLocation]
    private let pool: NormalizerPool
    /// The buffers chunks of records are read into, kept from one chunk to the next.
    private let readBuffers = ReusePool { [UInt8]() }
    /// Bytes of a read buffer kept for the next chunk (4 MiB).
    private static let keptReadBuffer = 4 << 20
    /// Records skipped under `.skip`, each with its one-line reason naming the line.
    public let skipped: [DoppelError]

    /// Scans the file once, validating every record (syntax, fields, unique ids).
    ///
    /// - Parameter onError: `.stop` throws at the first bad record; `.skip` leaves bad records
    ///   (and later records repeating an id) out and lists them in `skipped`.
    /// - Throws: `DoppelError.badRecord` naming the line of the first bad record (under `.stop`),
    ///   `DoppelError.unreadable` when the file cannot be read.
    /// - Complexity: O(size of the file).
    public init(
        path: String, fields: JSONLinesFields, normalization: NormalizationOptions,
        onError: FileCorpus.OnError = .stop
    ) throws {
        self.path = path
        file = try JSONLinesFile(path: path, fields: fields)
        var ids: [String] = []
        var locations: [JSONLinesLocation] = []
        var skipped: [DoppelError] = []
        try file.forEachLocation(skipping: onError == .skip ? { skipped.append($0) } : nil) { id, location in
            ids.append(id)
            locations.append(location)
        }
        self.ids = ids
        self.locations = locations
        self.skipped = skipped
        var options = normalization
        options.keepMap = false
        pool = NormalizerPool(options: options)
    }

    public var count: Int { ids.count }

    /// Reads record `index` again and normalises it (without the map: clustering needs none).
    public func document(at index: Int) throws -> ClusterDocument {
        try document(index, of: file.record(at: locations[index]))
    }

    /// Reads the records of `range` again, with one read for all of them
    /// (`JSONLinesFile.forEachRecord(at:)`), and normalises each.
    public func forEachDocument(in range: Range<Int>, _ body: (Int, ClusterDocument) throws -> Void) throws {
        var index = range.lowerBound
        try readBuffers.with { buffer in
            try file.forEachRecord(at: locations[range], reusing: &buffer) { record in
                try body(index, document(index, of: record))
                index += 1
            }
            if buffer.count > Self.keptReadBuffer { buffer = [] }
        }
    }

    private func document(_ index: Int, of record: JSONLinesRecord) -> ClusterDocument {
        let text = pool.with { $0.normalize(record.text) }
        return ClusterDocument(
            id: ids[index], path: "\(path):\(locations[index].line)", title: nil,
            chars: text.count, text: text)
    }

    /// The record's original text, for reports that show it (`--diff`).
    public func source(at index: Int) throws -> SourceText {
        try file.record(at: locations[index]).sourceText(path: ids[index])
    }
}
