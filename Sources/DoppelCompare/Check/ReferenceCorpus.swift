import DoppelCluster
import DoppelIO
import DoppelText
import Foundation

/// The archive an edit's forms are looked up in (`--reference`, `--index`): its documents,
/// normalised as the compared texts are, and one bigram table over all of them, so each lookup
/// costs the occurrences of a form's rarest bigram, not a pass over the archive.
///
/// ```swift
/// let reference = try ReferenceCorpus.load(paths: ["archive/"], normalization: NormalizationOptions())
/// reference.occurrences(of: Array("田国全".unicodeScalars.map(\.value)))  // [(document, range)]
/// ```
public struct ReferenceCorpus: Sendable {
    /// One document: its original text (for the path, line and column of an example) and its
    /// normalised text (what forms are matched in).
    public struct Document: Sendable {
        public var source: SourceText
        public var text: NormalizedText

        public init(source: SourceText, text: NormalizedText) {
            self.source = source
            self.text = text
        }
    }

    public let documents: [Document]
    /// Documents of an index whose id names no file that could be read (an index built from
    /// JSON Lines names records, not files): not searched.
    public let unreachable: [String]
    private let search: UnitSearch
    /// Where each document starts in `search.units` (documents are separated by one unit that
    /// no text holds).
    private let starts: [Int]

    /// A corpus of documents already read and normalised.
    ///
    /// - Throws: `DoppelError.invalidOption` (`--reference`) when the documents hold more units
    ///   than the table can address (about 4 billion).
    /// - Complexity: O(total units).
    public init(documents: [Document], unreachable: [String] = []) throws {
        let total = documents.reduce(0) { $0 + $1.text.count + 1 }
        guard total <= UnitSearch.maximumUnits else {
            throw DoppelError.invalidOption(
                name: "--reference", reason: "more than \(UnitSearch.maximumUnits) characters in all")
        }
        var units: [UInt32] = []
        units.reserveCapacity(total)
        var starts: [Int] = []
        starts.reserveCapacity(documents.count)
        for document in documents {
            starts.append(units.count)
            units += document.text.units
            units.append(Self.separator)
        }
        self.documents = documents
        self.unreachable = unreachable
        self.starts = starts
        self.search = UnitSearch(units)
    }

    /// A unit no normalised text holds (not a code point), between documents.
    static let separator: UInt32 = 0xFFFF_FFFF

    /// Reads the reference: files and folders (recursively; HTML and PDF as `doppel diff` reads
    /// them), JSON Lines files (`.jsonl`, `.ndjson`: one document per record, its path the
    /// record's id), and the documents an index names (`index`: each id that is a readable file,
    /// or `PATH#N` of a split page, whose page is read once).
    ///
    /// - Throws: the first input that cannot be read (`DoppelError`), a bad index.
    /// - Complexity: O(total size of the inputs).
    public static func load(
        paths: [String], index: String? = nil, input: InputOptions = InputOptions(),
        normalization: NormalizationOptions, jsonFields: JSONLinesFields = JSONLinesFields()
    )
        throws -> ReferenceCorpus
    {
        var options = normalization
        options.keepMap = true
        let normalizer = Normalizer(options: options)
        var documents: [Document] = []
        func add(_ source: SourceText) {
            documents.append(Document(source: source, text: normalizer.normalize(source)))
        }
        var files: [String] = []
        for path in paths {
            let lower = path.lowercased()
            if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                for record in try JSONLinesFile(path: path, fields: jsonFields).records() {
                    add(record.sourceText(path: record.id))
                }
            } else {
                files.append(path)
            }
        }
        let walked = FileWalker.walk(files)
        if let error = walked.errors.first { throw error }
        for file in walked.files { add(try InputReader.read(file: file, options: input)) }
        var unreachable: [String] = []
        if let index {
            let archive = try IndexArchive(path: index)
            var seen = Set(walked.files.map(\.path))
            for number in 0..<archive.documentCount {
                let id = try archive.document(number).id
                guard let path = readablePath(id) else {
                    unreachable.append(id)
                    continue
                }
                guard seen.insert(path).inserted else { continue }
                add(try InputReader.read(path: path, options: input))
            }
        }
        return try ReferenceCorpus(documents: documents, unreachable: unreachable)
    }

    /// `id` when it names a regular file, else the page of a split article's `PATH#N`.
    private static func readablePath(_ id: String) -> String? {
        func isFile(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        if isFile(id) { return id }
        if let hash = id.lastIndex(of: "#"), Int(id[id.index(after: hash)...]) != nil, isFile(String(id[..<hash])) {
            return String(id[..<hash])
        }
        return nil
    }

    /// Every occurrence of `form` (normalised units) as a whole word, in document order.
    ///
    /// - Complexity: O(b · m + k log d) for a form of m units whose rarest bigram's bucket holds
    ///   b positions, k occurrences, d documents.
    public func occurrences(of form: [UInt32]) -> [(document: Int, range: Range<Int>)] {
        search.wordOccurrences(of: form).map { place($0, length: form.count) }
    }

    /// How many times `form` stands as a whole word, and its first `limit` places.
    ///
    /// - Complexity: O(b · m + limit · log d), as `occurrences(of:)` without placing every
    ///   occurrence.
    public func lookup(_ form: [UInt32], examples limit: Int) -> (
        count: Int, first: [(document: Int, range: Range<Int>)]
    ) {
        var first: [(document: Int, range: Range<Int>)] = []
        let count = search.wordCount(of: form[...]) { start in
            if first.count < limit { first.append(place(start, length: form.count)) }
        }
        return (count, first)
    }

    /// The document holding a position of the joined text, and the range there.
    private func place(_ start: Int, length: Int) -> (document: Int, range: Range<Int>) {
        // The last document starting at or before `start` (the first always starts at 0).
        let document = max(0, starts.partitioningIndex { $0 > start } - 1)
        let local = start - starts[document]
        return (document, local..<(local + length))
    }
}
