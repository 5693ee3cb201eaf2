import DoppelIO
import DoppelText

/// The documents of `doppel cluster` read from files and folders (or standard input), normalised,
/// and optionally split into articles. Held in memory: for archives, use JSON Lines.
public struct FileCorpus: Sendable {
    /// What to do with an input that cannot be read: stop the run, or skip it and report it.
    public enum OnError: String, Sendable, CaseIterable { case stop, skip }

    public var documents: [ClusterDocument]
    /// Inputs skipped under `.skip`, each with its one-line reason.
    public var skipped: [DoppelError]
    /// The decoded files, when loaded with `keepSources` (else empty): what a diff of two
    /// documents maps its positions into, kept because a file may not be readable twice
    /// (standard input) or by its display name (a name that is not UTF-8).
    public internal(set) var sources: [SourceText] = []
    /// For each document, its file in `sources` (empty without `keepSources`).
    public internal(set) var sourceOfDocument: [Int] = []

    /// The decoded file a document came from.
    ///
    /// - Precondition: loaded with `keepSources`.
    public func source(of document: Int) -> SourceText { sources[sourceOfDocument[document]] }

    /// Reads every file under `paths` (folders recursively, `-` for standard input).
    ///
    /// - Parameters:
    ///   - splitArticles: split each page into articles (`ArticleSplitter`); ids are then
    ///     `PATH#N`, 1-based.
    ///   - keepSources: keep each decoded file in `sources` (for diffs of the documents); adds
    ///     4 bytes per character to the memory the normalised texts take (12).
    /// - Throws: the first error when `onError` is `.stop`.
    /// - Complexity: O(total size of the inputs).
    public static func load(
        paths: [String], walk: FileWalkOptions, input: InputOptions,
        normalization: NormalizationOptions, splitArticles: Bool,
        onError: OnError, keepSources: Bool = false
    ) throws -> FileCorpus {
        var corpus = FileCorpus(documents: [], skipped: [])
        let normalizer = Normalizer(options: normalization)
        let stdin = paths.contains("-")
        let walked = FileWalker.walk(paths.filter { $0 != "-" }, options: walk)
        if let first = walked.errors.first {
            if onError == .stop { throw first }
            corpus.skipped += walked.errors
        }
        var sources: [() throws -> SourceText] = walked.files.map { file in
            { try InputReader.read(file: file, options: input) }
        }
        if stdin { sources.insert({ try InputReader.read(path: "-", options: input) }, at: 0) }
        for read in sources {
            let source: SourceText
            do {
                source = try read()
            } catch let error as DoppelError {
                if onError == .stop { throw error }
                corpus.skipped.append(error)
                continue
            }
            let text = normalizer.normalize(source)
            let before = corpus.documents.count
            defer {
                if keepSources {
                    corpus.sourceOfDocument += Array(
                        repeating: corpus.sources.count, count: corpus.documents.count - before)
                    corpus.sources.append(source)
                }
            }
            if splitArticles {
                for (n, article) in ArticleSplitter.split(text).enumerated() {
                    corpus.documents.append(
                        ClusterDocument(
                            id: "\(source.path)#\(n + 1)", path: source.path,
                            title: article.titleRange.map { title($0, of: text, in: source) },
                            chars: article.range.count, text: text.slice(article.range)))
                }
            } else {
                corpus.documents.append(
                    ClusterDocument(
                        id: source.path, path: source.path, title: nil,
                        chars: text.count, text: text))
            }
        }
        return corpus
    }

    /// An article's title (a unit range of `text`) as the page prints it (full-width
    /// punctuation, letter spacing and all), on one line: a line break inside it (a headline
    /// wrapped in print) is dropped, or is one space between two Latin letters or digits. A
    /// text normalised without its map (`keepMap` off) gives the normalised title.
    ///
    /// - Complexity: O(range.count).
    static func title(_ units: Range<Int>, of text: NormalizedText, in source: SourceText) -> String {
        guard !text.origins.isEmpty else { return text.string(units) }
        let range = text.originRange(of: units)
        let scalars = source.scalars[range.clamped(to: 0..<source.scalars.count)]
        var out: [Unicode.Scalar] = []
        var pendingBreak = false
        for scalar in scalars {
            if isLineBreak(scalar) {
                while let last = out.last, last.properties.isWhitespace { out.removeLast() }
                pendingBreak = !out.isEmpty
                continue
            }
            if pendingBreak {
                if scalar.properties.isWhitespace { continue }
                if let last = out.last, isWordCharacter(last) && isWordCharacter(scalar) { out.append(" ") }
                pendingBreak = false
            }
            out.append(scalar)
        }
        return String(String.UnicodeScalarView(out))
    }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }
}

extension NormalizedText {
    /// The units of `range` as a text of their own (map and paragraphs kept, re-based).
    ///
    /// - Complexity: O(range.count).
    public func slice(_ range: Range<Int>) -> NormalizedText {
        var paragraphs = paragraphStarts.filter { $0 > range.lowerBound && $0 < range.upperBound }
            .map { $0 - range.lowerBound }
        if !range.isEmpty { paragraphs.insert(0, at: 0) }
        var text = NormalizedText(
            units: Array(units[range]), origins: origins.isEmpty ? origins : origins.slice(range),
            paragraphStarts: paragraphs, originCount: originCount, ledger: ledger)
        text.isPrintLayout = isPrintLayout
        return text
    }
}
