/// The band keys of a whole collection, kept compact: 32 bits per band and document (the upper
/// half of each 64-bit band key), stored band by band, plus whether each document has keys at
/// all. This is all the first pass keeps per document, so memory grows with `bands × documents`,
/// never with text.
///
/// Truncating keys to 32 bits makes unrelated documents collide in a band with probability 2⁻³²
/// per pair: about 116 spurious candidates per band among a million documents, each removed by
/// verification.
public struct BandKeyTable: Sendable {
    /// The banding the keys come from.
    public let parameters: LSHParameters
    /// Documents in the table, numbered `0 ..< documentCount`.
    public let documentCount: Int
    /// `keys[band * documentCount + document]`.
    private var keys: [UInt32]
    /// Whether each document has keys (a non-empty signature).
    private var present: [Bool]

    /// An empty table for `documentCount` documents.
    ///
    /// - Precondition: `documentCount < 2³²` (candidate pairs pack two 32-bit indices).
    /// - Complexity: O(bands × documentCount).
    public init(parameters: LSHParameters, documentCount: Int) {
        precondition(documentCount >= 0 && documentCount <= Int(UInt32.max))
        self.parameters = parameters
        self.documentCount = documentCount
        keys = [UInt32](repeating: 0, count: parameters.bands * documentCount)
        present = [Bool](repeating: false, count: documentCount)
    }

    /// Records the band keys of `signature` for `document`; an empty signature leaves the document
    /// without keys.
    ///
    /// - Complexity: O(bands × rows).
    public mutating func insert(_ signature: Signature, for document: Int) {
        if signature.isEmpty { return }
        precondition(signature.values.count >= parameters.valuesUsed)
        signature.values.withUnsafeBufferPointer { values in
            withWriter { $0.insert(values, for: document) }
        }
    }

    /// Whether `document` has band keys.
    ///
    /// - Complexity: O(1).
    public func hasKeys(_ document: Int) -> Bool { present[document] }

    /// Calls `body` with a writer that several threads may use at once for distinct documents.
    mutating func withWriter<R>(_ body: (Writer) throws -> R) rethrows -> R {
        try keys.withUnsafeMutableBufferPointer { keys in
            try present.withUnsafeMutableBufferPointer { present in
                try body(
                    Writer(
                        parameters: parameters, documentCount: documentCount,
                        keys: keys.baseAddress, present: present.baseAddress))
            }
        }
    }

    /// The entries of one band (`BandEntry`, packed) ascending, for documents that have keys.
    func sortedEntries(band: Int) -> [UInt64] {
        var entries: [UInt64] = []
        entries.reserveCapacity(documentCount)
        keys.withUnsafeBufferPointer { keys in
            let base = band * documentCount
            for document in 0..<documentCount where present[document] {
                entries.append(BandEntry(key: keys[base + document], document: document).packed)
            }
        }
        entries.sortHashes()
        return entries
    }

    /// Writes band keys into the table's storage; documents must be distinct across threads.
    struct Writer: @unchecked Sendable {
        let parameters: LSHParameters
        let documentCount: Int
        let keys: UnsafeMutablePointer<UInt32>?
        let present: UnsafeMutablePointer<Bool>?

        func insert(_ values: UnsafeBufferPointer<UInt32>, for document: Int) {
            precondition(document >= 0 && document < documentCount)
            guard let keys, let present else { return }
            for band in 0..<parameters.bands {
                let key = parameters.bandKey(of: values, band: band)
                keys[band * documentCount + document] = BandEntry.key(ofBandKey: key)
            }
            present[document] = true
        }
    }
}
