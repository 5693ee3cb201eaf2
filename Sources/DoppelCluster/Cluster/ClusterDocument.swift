import DoppelText

/// One document to cluster: what the result reports about it, and its normalised text.
public struct ClusterDocument: Sendable {
    /// A unique name for the document (a JSON Lines id, or the path).
    public var id: String
    /// Where the document came from.
    public var path: String
    /// Its title, when the input has one.
    public var title: String?
    /// Normalised characters: the measure of fullness that picks a cluster's representative.
    public var chars: Int
    /// The normalised text that is shingled.
    public var text: NormalizedText

    /// A document from its parts.
    ///
    /// - Complexity: O(1).
    public init(id: String, path: String, title: String? = nil, chars: Int, text: NormalizedText) {
        self.id = id
        self.path = path
        self.title = title
        self.chars = chars
        self.text = text
    }

    /// A document whose `chars` is its number of normalised units.
    ///
    /// - Complexity: O(1).
    public init(id: String, path: String, title: String? = nil, text: NormalizedText) {
        self.init(id: id, path: path, title: title, chars: text.count, text: text)
    }
}

/// The documents to cluster, by position. Clustering reads each document once (its signature,
/// sketch and shingle set are computed from that one read), so an implementation may read and
/// normalise from disk on every call instead of holding texts in memory.
public protocol DocumentCollection: Sendable {
    /// The number of documents, numbered `0 ..< count` in input order.
    var count: Int { get }
    /// The document at `index`; called from several threads at once.
    ///
    /// - Throws: whatever prevents reading it (the error is passed on unchanged).
    func document(at index: Int) throws -> ClusterDocument
    /// Calls `body` with each document of `range` and its index, in order: what clustering
    /// reads a chunk of documents with, so that a collection on disk may read the chunk at
    /// once. By default, `document(at:)` for each.
    ///
    /// - Throws: whatever prevents reading a document, or what `body` throws.
    func forEachDocument(in range: Range<Int>, _ body: (Int, ClusterDocument) throws -> Void) throws
}

extension DocumentCollection {
    public func forEachDocument(in range: Range<Int>, _ body: (Int, ClusterDocument) throws -> Void) throws {
        for index in range { try body(index, document(at: index)) }
    }
}

/// Documents held in memory.
public struct InMemoryDocumentCollection: DocumentCollection {
    /// The documents, in input order.
    public var documents: [ClusterDocument]

    /// A collection of `documents`.
    ///
    /// - Complexity: O(1).
    public init(_ documents: [ClusterDocument]) {
        self.documents = documents
    }

    /// The number of documents.
    public var count: Int { documents.count }

    /// - Complexity: O(1).
    public func document(at index: Int) -> ClusterDocument { documents[index] }
}
