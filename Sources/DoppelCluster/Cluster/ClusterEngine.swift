import DoppelIO

/// Groups documents that are versions of one text: Shingle → MinHash → LSH → verification →
/// union-find, reading each document once, for collections larger than memory.
///
/// - Pass 1 (all cores): each document is read once, shingled and signed (`SigningWorkspace`,
///   as `DocumentSigner` signs for `doppel sign` and `index`), and reduced to its band
///   keys (`BandKeyTable`, 4 bytes × bands), its 8-bit sketch (`SketchTable`, 1 byte per
///   value), its shingle set's size, what the result reports about it, and what verification
///   will compare (`MaterialStore`: the compact shingle set, in text order, or the signature, in
///   memory up to a budget and in a scratch file beyond it); text and shingles are dropped at
///   once.
/// - Candidates: pairs sharing a band key (`BandKeyTable.candidatePairs`) that the sketches do
///   not rule out (`CandidateFilter`: chance pairs of unrelated documents that share common
///   text, which would otherwise each cost a merge of two sets).
/// - Verification (all cores): each candidate pair that its documents' `ShingleOccupancy`
///   (kept in memory in pass 1, 256 bytes a document) does not rule out is checked on the
///   stored material (`ClusterOptions.verification`, `ClusterOptions.accepts`).
/// - Clusters: verified pairs joined by union-find (Kruskal order, strongest pairs first).
///
/// Memory therefore grows with documents × (4·bands + permutations + 256 bytes) plus candidate
/// pairs, not with texts; the scratch file grows with the shingles.
public struct ClusterEngine: Sendable {
    /// The settings in use.
    public let options: ClusterOptions
    /// The folder of the scratch file (`MaterialStore`).
    public let scratchDirectory: String
    /// Bytes of verification material kept in memory before the rest goes to the scratch file,
    /// less the `OccupancyTable` of exact verification (256 bytes a document), which is always
    /// in memory.
    let memoryBudget: Int
    /// Documents per chunk of parallel work.
    let chunkSize: Int

    /// An engine with `options` that puts its scratch file, if it needs one, in
    /// `scratchDirectory`.
    ///
    /// - Complexity: O(1).
    public init(options: ClusterOptions = .standard, scratchDirectory: String = "/tmp") {
        self.init(
            options: options, scratchDirectory: scratchDirectory, memoryBudget: 128 << 20,
            chunkSize: 64)
    }

    init(
        options: ClusterOptions, scratchDirectory: String = "/tmp", memoryBudget: Int,
        chunkSize: Int
    ) {
        self.options = options
        self.scratchDirectory = scratchDirectory
        self.memoryBudget = memoryBudget
        self.chunkSize = chunkSize
    }

    /// Clusters `documents`. The result is the same on every run and machine: clusters ordered by
    /// first member, members ascending, and pairs chosen and ordered deterministically.
    ///
    /// `progress`, when given, is called from worker threads (one call at a time) after each
    /// chunk of documents of pass 1 and each chunk of pairs of verification.
    ///
    /// - Throws: the error of the earliest document that could not be read;
    ///   `DoppelError.unwritable` when the scratch file is needed and cannot be written.
    /// - Complexity: O(N·(L + k)) for pass 1 over N documents of L units with k permutations
    ///   (O(N·L) with one-permutation hashing), O(b·N log N) for candidates with b bands, and
    ///   O(P·(k + S)) for verification of P candidate pairs of S shingles each.
    public func cluster(
        _ documents: some DocumentCollection,
        progress: (@Sendable (ClusterProgress) -> Void)? = nil
    ) throws
        -> ClusterResult
    {
        // The occupancy rows (exact verification) are always in memory, within the budget.
        let occupancy =
            options.verification == .exact ? OccupancyTable(documentCount: documents.count) : nil
        let store = MaterialStore(
            documentCount: documents.count, directory: scratchDirectory,
            memoryBudget: max(
                0, memoryBudget - (occupancy == nil ? 0 : OccupancyTable.byteCount(documentCount: documents.count))))
        let (metadata, setSizes, candidates) = try signaturePass(
            documents, store: store, occupancy: occupancy,
            progress: progress)
        let verified = try verify(
            candidates, store: store, occupancy: occupancy, setSizes: setSizes,
            progress: progress)
        return ClusterResult(
            parameters: ClusterResult.Parameters(options),
            documents: metadata,
            clusters: Self.clusters(
                of: verified, chars: metadata.map(\.chars),
                setSizes: setSizes))
    }

    /// Pass 1: the reported metadata of every document, the size of its compact shingle set,
    /// and the candidate pairs that `CandidateFilter` does not rule out; each document's
    /// verification material goes to `store`, and its `ShingleOccupancy` row to `occupancy`
    /// (exact verification).
    func signaturePass(
        _ documents: some DocumentCollection, store: MaterialStore, occupancy: OccupancyTable? = nil,
        progress: (@Sendable (ClusterProgress) -> Void)?
    ) throws
        -> ([ClusterResult.Document], [UInt32], [CandidatePair])
    {
        let count = documents.count
        let shingler = Shingler(options: options.shingle)
        let hasher = MinHasher(checkedPermutations: options.permutations, scheme: options.scheme)
        let exact = options.verification == .exact
        let placeholder = ClusterResult.Document(id: "", path: "", title: nil, chars: 0)
        let metadata = SharedSlots(repeating: placeholder, count: count)
        let sizes = SharedSlots<UInt32>(repeating: 0, count: count)
        var table = BandKeyTable(parameters: options.lsh, documentCount: count)
        var sketches = SketchTable(width: options.permutations, documentCount: count)
        // A worker's buffers, kept from chunk to chunk.
        let buffers = ReusePool { ChunkBuffers(workspace: SigningWorkspace(shingler: shingler, hasher: hasher)) }
        try table.withWriter { writer in
            try sketches.withWriter { sketchWriter in
                try ParallelChunks(chunkSize: chunkSize).run(
                    count: count, progress: ClusterProgress.reporting(.signatures, to: progress)
                ) { range in
                    try buffers.with { buffers in
                        buffers.material.removeAll(keepingCapacity: true)
                        buffers.counts.removeAll(keepingCapacity: true)
                        try signChunk(
                            range, of: documents, exact: exact, buffers: &buffers, writer: writer,
                            sketchWriter: sketchWriter, sizes: sizes, metadata: metadata)
                        try store.append(documents: range, counts: buffers.counts, values: buffers.material)
                        if let occupancy {
                            buffers.occupancy(of: range.count) { occupancy.write($0, documents: range) }
                        }
                        if buffers.material.capacity > Self.keptMaterialCapacity {
                            // A chunk with a very long text: its buffers are not kept.
                            buffers = ChunkBuffers(workspace: SigningWorkspace(shingler: shingler, hasher: hasher))
                        }
                    }
                }
            }
        }
        let setSizes = sizes.take(resettingTo: 0)
        let filter = CandidateFilter(options: options, sketches: sketches, sizes: setSizes)
        var candidates = table.candidatePairs(
            bucketLimit: options.bucketLimit,
            keeping: { filter.mayAccept($0, $1) })
        if let banding = options.containmentLSH, let smallest = setSizes.min(),
            let largest = setSizes.max()
        {
            let options = options
            let extra = table.sketchPairs(
                sketches, banding: banding, bucketLimit: options.bucketLimit,
                including: {
                    Self.needsContainmentBands(
                        Int(setSizes[$0]), among: Int(smallest)...Int(largest),
                        options: options)
                },
                keeping: {
                    Self.needsContainmentBands(Int(setSizes[$0]), Int(setSizes[$1]), options: options)
                        && filter.mayAccept($0, $1)
                })
            candidates = BandKeyTable.mergingUnique(candidates, extra)
        }
        if let sample = options.containmentSample {
            let contained = try containmentPairs(
                store: store, setSizes: setSizes, sample: sample)
            candidates = BandKeyTable.mergingUnique(candidates, contained)
        }
        return (metadata.take(resettingTo: placeholder), setSizes, candidates)
    }

    /// Values of verification material a worker's buffer keeps from one chunk to the next (4 MiB).
    static let keptMaterialCapacity = 1 << 20

    /// A worker's buffers in pass 1, kept from one chunk to the next.
    struct ChunkBuffers {
        var workspace: SigningWorkspace
        /// The chunk's verification material, document after document.
        var material: [UInt32] = []
        /// Values of `material` per document.
        var counts: [UInt32] = []
        /// Room for the chunk's `ShingleOccupancy` rows.
        var rows: [UInt64] = []

        /// Calls `body` with the `ShingleOccupancy` rows of the chunk's `documents` documents,
        /// computed from `material` and `counts` (each document's header value skipped).
        ///
        /// - Complexity: O(values + documents × `ShingleOccupancy.buckets`).
        mutating func occupancy(of documents: Int, _ body: (UnsafeBufferPointer<UInt64>) -> Void) {
            precondition(counts.count == documents)
            let words = ShingleOccupancy.words
            if rows.count < documents * words { rows = [UInt64](repeating: 0, count: documents * words) }
            material.withUnsafeBufferPointer { material in
                rows.withUnsafeMutableBufferPointer { rows in
                    var start = 0
                    for (document, count) in counts.enumerated() {
                        let end = start + Int(count)
                        // Invariant: exact material is a header value, then the set.
                        let set = UnsafeBufferPointer(rebasing: material[min(end, start + 1)..<end])
                        ShingleOccupancy.write(set, to: rows.baseAddress! + document * words)
                        start = end
                    }
                    body(UnsafeBufferPointer(rebasing: rows[..<(documents * words)]))
                }
            }
        }
    }

    /// Pass 1 over the documents of `range`: each is signed with `buffers.workspace`, its band
    /// keys and sketch written, its size and metadata recorded, and its verification material
    /// appended to `buffers.material` (`buffers.counts` values for each document).
    private func signChunk(
        _ range: Range<Int>, of documents: some DocumentCollection, exact: Bool,
        buffers: inout ChunkBuffers,
        writer: BandKeyTable.Writer, sketchWriter: SketchTable.Writer,
        sizes: SharedSlots<UInt32>, metadata: SharedSlots<ClusterResult.Document>
    ) throws {
        try documents.forEachDocument(in: range) { index, document in
            let before = buffers.material.count
            let borrowed = buffers.workspace.sign(
                document.text, appendingShinglesTo: &buffers.material,
                keepingShingles: exact)
            if let borrowed {
                buffers.workspace.values.withUnsafeBufferPointer { values in
                    writer.insert(values, for: index)
                    sketchWriter.insert(values, borrowed: borrowed, for: index)
                }
                if !exact { buffers.material += buffers.workspace.values }
            }
            sizes[index] = UInt32(buffers.workspace.distinctCount)
            buffers.counts.append(UInt32(buffers.material.count - before))
            metadata[index] = ClusterResult.Document(
                id: document.id, path: document.path, title: document.title,
                chars: document.chars)
        }
    }

    /// Whether the containment banding applies to documents of `first` and `second` shingles:
    /// the smaller holds at most `containmentSizeRatio` of the larger (a truncated version),
    /// or the larger is a short item (`shortItemShingles`, when `alignedShare` is on).
    ///
    /// - Complexity: O(1).
    static func needsContainmentBands(_ first: Int, _ second: Int, options: ClusterOptions) -> Bool {
        let smaller = min(first, second)
        let larger = max(first, second)
        if options.alignedShare != nil && larger <= options.shortItemShingles { return true }
        return options.containmentThreshold != nil && smaller >= options.minimumContainedShingles
            && Double(smaller) <= ClusterOptions.containmentSizeRatio * Double(larger)
    }

    /// Whether a document of `size` shingles can be in any pair that `needsContainmentBands`
    /// accepts, when every set size lies in `sizes`: a short item, or a possible smaller side
    /// (at least `minimumContainedShingles`, and a set at least 1/`containmentSizeRatio` times
    /// larger can exist), or a possible larger side. A collection of similar sizes (the 1.8-2.2
    /// KB bench corpus) puts no document into the containment banding.
    ///
    /// - Complexity: O(1).
    static func needsContainmentBands(
        _ size: Int, among sizes: ClosedRange<Int>,
        options: ClusterOptions
    ) -> Bool {
        if options.alignedShare != nil && size <= options.shortItemShingles { return true }
        guard options.containmentThreshold != nil else { return false }
        let ratio = ClusterOptions.containmentSizeRatio
        let canBeSmaller =
            size >= options.minimumContainedShingles
            && Double(size) <= ratio * Double(sizes.upperBound)
        let canBeLarger =
            ratio * Double(size)
            >= Double(max(sizes.lowerBound, options.minimumContainedShingles))
        return canBeSmaller || canBeLarger
    }

    /// Joins verified pairs into clusters (docs/cluster-rules.md).
    ///
    /// 1. Version pairs, by descending Jaccard (ties by position), into a union-find, keeping
    ///    each pair that joins two parts (a maximum spanning forest): the cores.
    /// 2. Excerpt pairs: the smaller document (by shingle set, the later on a tie) is contained
    ///    in the other. Each core whose members are contained in documents of other cores
    ///    attaches to one of them, its best container: highest containment, then the largest
    ///    container (the fullest text an excerpt can come from), then the earliest pair. One
    ///    attachment per core, so a text contained in several unrelated documents never makes
    ///    them one cluster; and none when a document of a third core contains it as fully (a
    ///    tie: the text cannot tell which container it came from), unless that document is
    ///    itself an excerpt of the best container (a teaser cut from a cut version).
    /// 3. Each member's other containers, outside its final cluster, are listed in
    ///    `containedIn`.
    ///
    /// - Complexity: O(P log P + N) for P pairs and N documents.
    static func clusters(of verified: [ClusterResult.Pair], chars: [Int], setSizes: [UInt32])
        -> [ClusterResult.Cluster]
    {
        let byPosition = { (x: ClusterResult.Pair, y: ClusterResult.Pair) in (x.a, x.b) < (y.a, y.b) }
        let versions = verified.filter { $0.relation == .version }.sorted {
            $0.jaccard != $1.jaccard ? $0.jaccard > $1.jaccard : byPosition($0, $1)
        }
        var sets = UnionFind(count: chars.count)
        var joining: [ClusterResult.Pair] = []
        for pair in versions where sets.union(pair.a, pair.b) { joining.append(pair) }
        // The contained side of an excerpt pair: the smaller set, the later document on a tie.
        func contained(_ pair: ClusterResult.Pair) -> (inner: Int, outer: Int) {
            setSizes[pair.a] < setSizes[pair.b] ? (pair.a, pair.b) : (pair.b, pair.a)
        }
        let excerpts = verified.filter { $0.relation == .excerpt }
        // Each core's best container: highest containment, then the largest container, then
        // the earliest pair.
        var best: [Int: ClusterResult.Pair] = [:]
        for pair in excerpts {
            let (inner, outer) = contained(pair)
            let core = sets.find(inner)
            if core == sets.find(outer) { continue }
            if let held = best[core] {
                let size = setSizes[outer]
                let heldSize = setSizes[contained(held).outer]
                let better =
                    pair.containment != held.containment
                    ? pair.containment > held.containment
                    : size != heldSize ? size > heldSize : byPosition(pair, held)
                if !better { continue }
            }
            best[core] = pair
        }
        // A core attaches only when its best container is the only one: no document of a third
        // core contains it as fully, unless that document is itself an excerpt of the best
        // container (a teaser cut from a cut version).
        let excerptOf = Set(
            excerpts.map { pair -> UInt64 in
                let (inner, outer) = contained(pair)
                return UInt64(inner) << 32 | UInt64(outer)
            })
        var rivalled = Set<Int>()
        for pair in excerpts {
            let (inner, outer) = contained(pair)
            let core = sets.find(inner)
            guard let held = best[core], pair.containment >= held.containment else { continue }
            let heldOuter = contained(held).outer
            if sets.find(outer) == sets.find(heldOuter) || sets.find(outer) == core { continue }
            if excerptOf.contains(UInt64(outer) << 32 | UInt64(heldOuter)) { continue }
            rivalled.insert(core)
        }
        for (core, pair) in best.sorted(by: { byPosition($0.value, $1.value) })
        where !rivalled.contains(core) && sets.union(pair.a, pair.b) {
            joining.append(pair)
        }
        var clustered = [Bool](repeating: false, count: chars.count)
        for pair in joining {
            clustered[pair.a] = true
            clustered[pair.b] = true
        }
        var clusterOfRoot: [Int: Int] = [:]
        var clusters: [ClusterResult.Cluster] = []
        for document in chars.indices where clustered[document] {
            let root = sets.find(document)
            if let index = clusterOfRoot[root] {
                clusters[index].members.append(document)
                if chars[document] > chars[clusters[index].representative] {
                    clusters[index].representative = document
                }
            } else {
                clusterOfRoot[root] = clusters.count
                clusters.append(
                    ClusterResult.Cluster(
                        representative: document, members: [document],
                        pairs: []))
            }
        }
        for pair in joining.sorted(by: byPosition) {
            clusters[clusterOfRoot[sets.find(pair.a)]!].pairs.append(pair)
        }
        var containers: [Int: [Int]] = [:]
        for pair in excerpts {
            let (inner, outer) = contained(pair)
            if sets.find(inner) != sets.find(outer) { containers[inner, default: []].append(outer) }
        }
        for (document, outside) in containers.sorted(by: { $0.key < $1.key }) {
            // An excerpt whose containers rival each other may be in no cluster at all.
            guard let cluster = clusterOfRoot[sets.find(document)] else { continue }
            clusters[cluster].containedIn.append(
                ClusterResult.ContainedIn(document: document, containers: outside.sorted()))
        }
        return clusters
    }
}
