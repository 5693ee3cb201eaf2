import DoppelIO

/// A document of an index that a query document is a version of, or an excerpt of, or that is
/// an excerpt of it.
public struct IndexMatch: Sendable, Equatable {
    /// How the match relates to the query document, by the rules of `doppel cluster`
    /// (docs/cluster-rules.md).
    public enum Relation: String, Sendable, Equatable {
        /// A version: Jaccard similarity ≥ the threshold.
        case version
        /// The query is contained in it, and it is the query's best container (highest
        /// containment, then the largest, then the earliest): the cluster the query would join.
        /// No match is when another container holds the query as fully and is neither a version
        /// of this one nor contained in it.
        case container
        /// The query is also contained in it: listed, as `doppel cluster` lists `contained_in`.
        case containedIn = "contained_in"
        /// It is contained in the query.
        case excerpt
    }

    /// Its number in the index.
    public var document: Int
    /// Its id.
    public var id: String
    /// Its normalised characters.
    public var chars: Int
    /// Jaccard similarity with the query document: exact when the index keeps shingle sets,
    /// estimated from the signatures otherwise.
    public var jaccard: Double
    /// Containment of the smaller shingle set in the larger (estimated likewise).
    public var containment: Double
    /// How it relates to the query document.
    public var relation: Relation
    /// The lower aligned share (`AlignedShare.lower`), when verification measured it: a short
    /// pair in the grey zone, as `doppel cluster` reports it.
    public var aligned: Double?

    /// A match from its parts.
    ///
    /// - Complexity: O(1).
    public init(
        document: Int, id: String, chars: Int, jaccard: Double, containment: Double,
        relation: Relation = .version, aligned: Double? = nil
    ) {
        self.document = document
        self.id = id
        self.chars = chars
        self.jaccard = jaccard
        self.containment = containment
        self.relation = relation
        self.aligned = aligned
    }
}

/// What a query found: for each query document, the documents of the index it is a version of.
public struct IndexQueryResult: Sendable, Equatable {
    /// One query document and its matches.
    public struct Query: Sendable, Equatable {
        /// The query document's id.
        public var id: String
        /// Where it came from.
        public var path: String
        /// Its normalised characters.
        public var chars: Int
        /// Its matches, by descending Jaccard similarity, then index order.
        public var matches: [IndexMatch]

        /// A query from its parts.
        ///
        /// - Complexity: O(1).
        public init(id: String, path: String, chars: Int, matches: [IndexMatch]) {
            self.id = id
            self.path = path
            self.chars = chars
            self.matches = matches
        }
    }

    /// The index's file name.
    public var archive: String
    /// Documents in the index.
    public var documentCount: Int
    /// The parameters in force: the index's, with the query's thresholds.
    public var parameters: ClusterResult.Parameters
    /// The query documents, in input order.
    public var queries: [Query]

    /// A result from its parts.
    ///
    /// - Complexity: O(1).
    public init(
        archive: String, documentCount: Int, parameters: ClusterResult.Parameters,
        queries: [Query]
    ) {
        self.archive = archive
        self.documentCount = documentCount
        self.parameters = parameters
        self.queries = queries
    }
}

/// Finds the near-duplicates of new documents among those of an index, by the rules
/// `doppel cluster` joins a pair with: candidates share a key in a band of either banding (the
/// main one, or the containment banding's sketch bytes for pairs of unequal size and short
/// items), or are offered by the containment sample of short documents (`IndexQuery+Sample
/// .swift`: the sample table, and for a short query a pass over the records), and each is
/// verified by the cluster's own function (`ClusterEngine.pair`): exact
/// Jaccard similarity and containment of the compact shingle sets, and for a short pair in the
/// grey zone the aligned share of their text order, when the index keeps the sets; else
/// estimated from the signatures (`SetOverlap.estimated`). Each match is labelled by the attach
/// rule (`IndexMatch.Relation`): a version, the query's best container (none when two unrelated
/// matches contain it as fully), another container, or an excerpt of the query.
///
/// A query reads one directory slot and one short run of entries per band, one per shingle in
/// the sample table when the index has short documents, and one record per candidate, so its
/// cost does not grow with the size of the index, only with the number of candidates; a short
/// query (50-200 shingles) adds one pass over the records, made once for a batch of queries
/// (`run`).
public struct IndexQuery: Sendable {
    /// The index searched.
    public let archive: IndexArchive
    /// The verification in force: the index's parameters, with the thresholds of this query.
    public let verification: ClusterOptions
    private let signer: DocumentSigner
    /// The containment sample in force (`IndexParameters.containmentSample`): nil without a
    /// sample table or with containment off.
    let sample: ContainmentSample?
    /// The index's sample table, when a sample is in force.
    let samples: IndexSampleTable.Reader?

    /// A query of `archive` with its own thresholds, or with the thresholds `verification` sets.
    ///
    /// Only the thresholds (`threshold`, `containmentThreshold`, `minimumContainedShingles`) may
    /// differ from the index's: the shingling, permutations, scheme and verification decide which
    /// documents become candidates and what the similarities mean, and are fixed when the index
    /// is built. Thresholds below the index's candidate threshold find no more than LSH offers.
    ///
    /// - Throws: `DoppelError.invalidOption` naming the first setting that differs from the
    ///   index's, and the index's value; `DoppelError.badIndex` when the sample table is damaged.
    /// - Complexity: O(permutations), and O(sample table) to check its bytes once.
    public init(archive: IndexArchive, verification: ClusterOptions? = nil) throws {
        let built = archive.parameters.cluster
        let wanted = verification ?? built
        func refuse(_ name: String, _ value: String) -> DoppelError {
            .invalidOption(
                name: name,
                reason: "\(archive.path) was built with \(value); "
                    + "a query uses the index's value (rebuild the index to change it)")
        }
        if wanted.permutations != built.permutations {
            throw refuse("permutations", "\(built.permutations) permutations")
        }
        if wanted.scheme != built.scheme { throw refuse("scheme", "scheme \(built.scheme.rawValue)") }
        if wanted.shingle != built.shingle { throw refuse("--shingle", "shingles \(built.shingle)") }
        if wanted.verification != built.verification {
            throw refuse(
                "--verify",
                built.verification == .exact
                    ? "shingle sets (exact verification)"
                    : "--signatures-only (signature verification)")
        }
        self.archive = archive
        self.verification = wanted
        signer = DocumentSigner(
            parameters: archive.parameters,
            keepsShingleSets: archive.parameters.keepsShingleSets)
        sample =
            archive.parameters.keepsShingleSets
            ? archive.parameters.containmentSample(threshold: wanted.containmentThreshold) : nil
        samples = sample == nil ? nil : try IndexSampleTable.Reader(archive: archive)
    }

    /// The parameters in force, as reports show them.
    public var reported: ClusterResult.Parameters {
        var reported = archive.parameters.reported
        reported.threshold = verification.threshold
        reported.containmentThreshold = verification.containmentThreshold
        reported.minimumContainedShingles = verification.minimumContainedShingles
        return reported
    }

    /// The documents of the index that `document` is a version of, contained in, or that are
    /// contained in it, by descending Jaccard similarity, then index order: the pairs
    /// `doppel cluster` would verify for it among the same documents. `document` must be
    /// normalised with the index's `normalization`.
    ///
    /// Candidates share a key with it in a band of the main banding, or in a band of the
    /// containment banding when `ClusterEngine.needsContainmentBands` applies to the pair's set
    /// sizes, or are offered by the containment sample of short documents and hold the short
    /// side as contained; each is verified by the cluster's own rule (`ClusterEngine.pair`:
    /// exact overlap and, for a short pair in the grey zone, the aligned share; or the
    /// signature estimate).
    ///
    /// Example:
    ///
    ///     let search = try IndexQuery(archive: try IndexArchive(path: "archive.doppel"))
    ///     let matches = try search.matches(for: document)  // by descending Jaccard
    ///
    /// - Throws: `DoppelError.badIndex` when the bytes read are damaged.
    /// - Complexity: O(n) to sign a text of n units, O(b) lookups for b band tables, one lookup
    ///   per shingle in the sample table, O(c · L) expected to verify c candidates of L
    ///   shingles; for a short query, a pass over the records (`IndexContainerScan`).
    public func matches(for document: ClusterDocument) throws -> [IndexMatch] {
        let signed = signer.sign(document)
        return try matches(for: signed, holding: try containers(of: [signed])[0])
    }

    /// The matches of the signed query `signed`, `holding` the documents that hold enough of its
    /// sample when it is short (`containers(of:)`).
    private func matches(for signed: SignedDocument, holding: [Int]) throws -> [IndexMatch] {
        let parameters = archive.parameters
        var candidates: [Int] = []
        for (band, key) in signed.bandKeys.enumerated() {
            candidates += try archive.documents(band: band, key: key)
        }
        var throughContainment: [Int] = []
        for (offset, key) in parameters.containmentKeys(of: signed.signature).enumerated() {
            throughContainment += try archive.documents(band: parameters.lsh.bands + offset, key: key)
        }
        candidates.sort()
        throughContainment.sort()
        let own = try shortSample(of: signed)?.all
        let sampled = try sampledDocuments(for: signed, own: own)
        var verifier = Verifier(query: signed, exact: parameters.keepsShingleSets)
        var storedSet = CompactSetTable()
        var matches: [IndexMatch] = []
        var containers: [Int: IndexedDocument] = [:]  // match position → the stored document
        var previous = -1
        for candidate in (candidates + throughContainment + sampled + holding).sorted()
        where candidate != previous {
            previous = candidate
            // Offered by a band: of the main banding, or of the containment banding when it
            // applies to the pair's sizes.
            let banded =
                try Self.contains(candidates, candidate)
                || (Self.contains(throughContainment, candidate)
                    && ClusterEngine.needsContainmentBands(
                        signed.shingleCount, archive.shingleCount(of: candidate), options: verification))
            let inSample = Self.contains(sampled, candidate)
            let holdsSample = Self.contains(holding, candidate)
            if !banded && !inSample && !holdsSample { continue }
            let stored = try archive.document(candidate, scratch: &storedSet)
            // Offered by the containment sample only (so a sample is in force: without one both
            // lists are empty): a candidate when the short side counts as contained, counted
            // exactly (as `ClusterEngine.containmentPairs` counts it).
            if !banded
                && !(inSample && verifier.holds(stored, atLeast: sample!.fewestContained(stored.shingleCount)))
                && !(holdsSample
                    && verifier.isHeld(by: storedSet, atLeast: sample!.fewestContained(signed.shingleCount)))
            {
                continue
            }
            guard let pair = verifier.pair(with: stored, held: storedSet, options: verification) else {
                continue
            }
            // The contained side is the smaller set; on a tie the query, which comes later.
            let queryContained = signed.shingleCount <= stored.shingleCount
            let role: IndexMatch.Relation =
                pair.relation == .version
                ? .version : queryContained ? .containedIn : .excerpt
            matches.append(
                IndexMatch(
                    document: candidate, id: stored.id, chars: stored.chars,
                    jaccard: pair.jaccard, containment: pair.containment,
                    relation: role, aligned: pair.aligned))
            if role == .containedIn { containers[matches.count - 1] = stored }
        }
        // The best container: highest containment, then the largest, then the earliest; none
        // when another container holds the query as fully and is neither a version of it nor
        // contained in it (the tie of docs/cluster-rules.md, section 3).
        if let best = containers.keys.min(by: { x, y in
            let (a, b) = (matches[x], matches[y])
            if a.containment != b.containment { return a.containment > b.containment }
            let (sizeX, sizeY) = (containers[x]!.shingleCount, containers[y]!.shingleCount)
            if sizeX != sizeY { return sizeX > sizeY }
            return a.document < b.document
        }) {
            var held = Verifier(stored: containers[best]!, exact: parameters.keepsShingleSets)
            var rivalled = false
            for (position, stored) in containers
            where position != best && matches[position].containment >= matches[best].containment {
                if held.pair(with: stored, held: nil, options: verification) == nil {
                    rivalled = true
                    break
                }
            }
            if !rivalled { matches[best].relation = .container }
        }
        return matches.sorted {
            $0.jaccard != $1.jaccard ? $0.jaccard > $1.jaccard : $0.document < $1.document
        }
    }

    /// Whether the ascending `documents` hold `document`.
    private static func contains(_ documents: [Int], _ document: Int) -> Bool {
        let low = documents.partitioningIndex { $0 >= document }
        return low < documents.count && documents[low] == document
    }

    /// One side of the pairs a query verifies (the query, or a container its rivals are checked
    /// against): its material and the set it holds in a `CompactSetTable` (exact), or its
    /// signature.
    private struct Verifier {
        let exact: Bool
        let material: [UInt32]
        let signature: Signature
        let size: Int
        var table = CompactSetTable()
        /// For the other side's set when the aligned share is measured.
        var scratch = CompactSetTable()

        /// The query's side.
        init(query: SignedDocument, exact: Bool) {
            self.init(
                exact: exact, material: query.material ?? [], signature: query.signature,
                size: query.shingleCount)
        }

        /// A stored document's side.
        init(stored: IndexedDocument, exact: Bool) {
            self.init(
                exact: exact, material: stored.material, signature: stored.signature,
                size: stored.shingleCount)
        }

        private init(exact: Bool, material: [UInt32], signature: Signature, size: Int) {
            self.exact = exact
            self.material = exact && material.isEmpty ? [0] : material
            self.signature = signature
            self.size = size
            if exact {
                let all = self.material.dropFirst()
                table.reset(capacity: all.count)
                all.withUnsafeBufferPointer { table.insert($0) }
            }
        }

        /// Whether this side's set holds at least `needed` of `stored`'s shingles (exact storage).
        ///
        /// - Complexity: O(L) expected for `stored`'s L shingles.
        func holds(_ stored: IndexedDocument, atLeast needed: Int) -> Bool {
            stored.material.withUnsafeBufferPointer {
                table.holdsAtLeast(needed, of: StreamMaterial($0).all)
            }
        }

        /// Whether `held` (another side's set) holds at least `needed` of this side's shingles
        /// (exact storage).
        ///
        /// - Complexity: O(L) expected for this side's L shingles.
        func isHeld(by held: CompactSetTable, atLeast needed: Int) -> Bool {
            material.withUnsafeBufferPointer { held.holdsAtLeast(needed, of: StreamMaterial($0).all) }
        }

        /// The pair of this side and `stored` as `doppel cluster` verifies it
        /// (`ClusterEngine.pair`), if `options` accepts it. `held`, when given, holds `stored`'s
        /// set (as reading its record left it): its shingles are then looked up in `stored`'s
        /// set, else in this side's.
        ///
        /// - Complexity: O(L) expected for L shingles, O(k) for signatures of k values.
        mutating func pair(
            with stored: IndexedDocument, held: CompactSetTable?, options: ClusterOptions
        ) -> ClusterResult.Pair? {
            if !exact {
                return signature.values.withUnsafeBufferPointer { a in
                    stored.signature.values.withUnsafeBufferPointer { b in
                        ClusterEngine.pair(
                            0, signature: a, 1, signature: b, sizes: (size, stored.shingleCount),
                            options: options)
                    }
                }
            }
            return material.withUnsafeBufferPointer { raw in
                stored.material.withUnsafeBufferPointer { storedRaw in
                    let mine = StreamMaterial(raw)
                    let theirs = StreamMaterial(storedRaw)
                    if let held {
                        return ClusterEngine.pair(
                            1, theirs, held: held, 0, mine, sizes: (stored.shingleCount, size),
                            scratch: &scratch, options: options)
                    }
                    return ClusterEngine.pair(
                        0, mine, held: table, 1, theirs, sizes: (size, stored.shingleCount),
                        scratch: &scratch, options: options)
                }
            }
        }
    }

    /// Queries every document of `documents` (on all cores), `batchSize` at a time: each batch
    /// is signed, the records passed over once for its short queries (`containers(of:)`), and
    /// each query matched.
    ///
    /// - Throws: the error of the earliest document that could not be read or whose candidates
    ///   could not be.
    /// - Complexity: as `matches(for:)` for each document, with one pass over the records per
    ///   batch that holds a short query; memory O(batchSize) signed documents.
    public func run(
        _ documents: some DocumentCollection, batchSize: Int = 4096,
        progress: (@Sendable (ClusterProgress) -> Void)? = nil
    ) throws -> IndexQueryResult {
        precondition(batchSize >= 1)
        let placeholder = IndexQueryResult.Query(id: "", path: "", chars: 0, matches: [])
        let unsigned = SignedDocument(
            id: "", chars: 0, shingleCount: 0, signature: .empty, bandKeys: [], shingleSet: nil)
        let total = documents.count
        let queries = SharedSlots(repeating: placeholder, count: total)
        var first = 0
        while first < total {
            let count = min(batchSize, total - first)
            let start = first
            let signed = SharedSlots(repeating: unsigned, count: count)
            try ParallelChunks(chunkSize: 16).run(count: count, progress: nil) { range in
                for index in range {
                    let document = try documents.document(at: start + index)
                    signed[index] = signer.sign(document)
                    queries[start + index] = IndexQueryResult.Query(
                        id: document.id, path: document.path, chars: document.chars, matches: [])
                }
            }
            let batch = signed.take(resettingTo: unsigned)
            let containers = try containers(of: batch)
            let report = progress.map { progress in
                { @Sendable (done: Int, _: Int) in
                    progress(ClusterProgress(phase: .verification, done: start + done, total: total))
                }
            }
            try ParallelChunks(chunkSize: 16).run(count: count, progress: report) { range in
                for index in range {
                    queries[start + index].matches = try matches(for: batch[index], holding: containers[index])
                }
            }
            first += count
        }
        return IndexQueryResult(
            archive: archive.path, documentCount: archive.documentCount,
            parameters: reported, queries: queries.take(resettingTo: placeholder))
    }
}
