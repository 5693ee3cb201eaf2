import DoppelIO

/// What the map step computes for one document: its signature, band keys and shingle counts,
/// exactly as `ClusterEngine` computes them, so an index or a Spark job built from these values
/// finds the same candidates and similarities as `doppel cluster`.
public struct SignedDocument: Sendable, Equatable {
    /// The document's unique name.
    public var id: String
    /// Normalised characters.
    public var chars: Int
    /// Distinct compact shingles: the set size containment is computed from (exactly under
    /// exact verification, estimated from it under signature verification).
    public var shingleCount: Int
    /// The MinHash signature (empty for a text shorter than one shingle).
    public var signature: Signature
    /// The 64-bit key of each band (`LSHParameters.bandKeys(of:)`), none for an empty signature.
    public var bandKeys: [UInt64]
    /// The compact shingle set (`Shingler.compactShingleSet(of:)`), when asked for.
    public var shingleSet: [UInt32]?
    /// For a short item (at most `ClusterOptions.shortItemShingles` shingles) whose shingle set
    /// was asked for: the set in the order the aligned share is measured in (`AlignedShare`):
    /// the number of character shingles, then the character stream's compact shingles in text
    /// order of first occurrence, then the word stream's.
    public var sequence: [UInt32]?
    /// When the shingle set was asked for, of any size: the set in that same order, as
    /// `doppel cluster` verifies from and an index keeps it (`IndexedDocument.material`).
    public var material: [UInt32]?

    /// A signed document from its parts.
    ///
    /// - Complexity: O(1).
    public init(
        id: String, chars: Int, shingleCount: Int, signature: Signature, bandKeys: [UInt64],
        shingleSet: [UInt32]?, sequence: [UInt32]? = nil, material: [UInt32]? = nil
    ) {
        self.id = id
        self.chars = chars
        self.shingleCount = shingleCount
        self.signature = signature
        self.bandKeys = bandKeys
        self.shingleSet = shingleSet
        self.sequence = sequence
        self.material = material
    }
}

/// Shingles, signs and bands documents with fixed parameters: the first pass of clustering,
/// standing alone so that `doppel sign` (the map step of a distributed job), `doppel index` and
/// queries sign as `ClusterEngine` does, through the same `SigningWorkspace`.
public struct DocumentSigner: Sendable {
    /// Shingling, MinHash and banding in use.
    public let parameters: IndexParameters
    /// Whether each `SignedDocument` carries its compact shingle set.
    public let keepsShingleSets: Bool

    /// A signer for `parameters`.
    ///
    /// - Complexity: O(permutations) (drawing the hash functions).
    public init(parameters: IndexParameters, keepsShingleSets: Bool) {
        self.parameters = parameters
        self.keepsShingleSets = keepsShingleSets
        hasher = parameters.hasher
        shingler = Shingler(options: parameters.cluster.shingle)
    }

    private let hasher: MinHasher
    private let shingler: Shingler

    /// Signs one document.
    ///
    /// - Complexity: O(n) for n normalised units with one-permutation hashing (O(n·k) with k
    ///   independent permutations), plus O(n) expected for the shingle set (and O(s log s) to
    ///   sort its s shingles when kept).
    public func sign(_ document: ClusterDocument) -> SignedDocument {
        var workspace = SigningWorkspace(shingler: shingler, hasher: hasher)
        return sign(document, in: &workspace)
    }

    /// Signs one document in `workspace`.
    private func sign(_ document: ClusterDocument, in workspace: inout SigningWorkspace) -> SignedDocument {
        var material: [UInt32] = []
        let borrowed = workspace.sign(
            document.text, appendingShinglesTo: &material,
            keepingShingles: keepsShingleSets)
        let signature = borrowed == nil ? Signature.empty : Signature(values: workspace.values)
        var set: [UInt32] = []
        var sequence: [UInt32]?
        if keepsShingleSets {
            set = Array(material.dropFirst())  // the header counts the character shingles
            set.sortHashes()
            if set.count <= parameters.cluster.shortItemShingles { sequence = material }
        }
        return SignedDocument(
            id: document.id, chars: document.chars, shingleCount: workspace.distinctCount,
            signature: signature, bandKeys: parameters.lsh.bandKeys(of: signature),
            shingleSet: keepsShingleSets ? set : nil, sequence: sequence,
            material: keepsShingleSets ? material : nil)
    }

    /// Signs every document of `documents` on all cores and hands them to `body` in input
    /// order, `batchSize` at a time with the position of the batch's first document, so that a
    /// caller can stream them to a file in bounded memory.
    ///
    /// - Throws: the error of the earliest document that could not be read, or what `body`
    ///   throws.
    /// - Complexity: as `sign(_:)` for each document; memory O(batchSize) signed documents.
    public func sign(
        _ documents: some DocumentCollection, batchSize: Int = 4096,
        progress: (@Sendable (ClusterProgress) -> Void)? = nil,
        _ body: (_ batch: [SignedDocument], _ first: Int) throws -> Void
    ) throws {
        precondition(batchSize >= 1)
        let total = documents.count
        let placeholder = SignedDocument(
            id: "", chars: 0, shingleCount: 0, signature: .empty,
            bandKeys: [], shingleSet: nil)
        var first = 0
        while first < total {
            let count = min(batchSize, total - first)
            let slots = SharedSlots(repeating: placeholder, count: count)
            let start = first
            let report = progress.map { progress in
                { @Sendable (done: Int, _: Int) in
                    progress(ClusterProgress(phase: .signatures, done: start + done, total: total))
                }
            }
            try ParallelChunks(chunkSize: 64).run(count: count, progress: report) { range in
                var workspace = SigningWorkspace(shingler: shingler, hasher: hasher)
                try documents.forEachDocument(in: (start + range.lowerBound)..<(start + range.upperBound)) {
                    slots[$0 - start] = sign($1, in: &workspace)
                }
            }
            try body(slots.take(resettingTo: placeholder), first)
            first += count
        }
    }
}
