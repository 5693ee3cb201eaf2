/// Groups documents that are versions of one text: Shingle → MinHash → LSH → verification →
/// union-find, in two passes built for collections larger than memory.
///
/// - Pass 1 (all cores): each document is read once, shingled, signed, and reduced to its band
///   keys (`BandKeyTable`, 4 bytes × bands), its shingle count and what the result reports about
///   it; text, shingles and signature are dropped at once.
/// - Candidates: pairs sharing a band key (`BandKeyTable.candidatePairs`).
/// - Pass 2 (all cores): only documents in candidate pairs are read again, in blocks of bounded
///   memory, and each pair is verified (`ClusterOptions.verification`, `ClusterOptions.accepts`).
/// - Clusters: verified pairs joined by union-find (Kruskal order, strongest pairs first).
///
/// Memory therefore grows with documents × bands plus candidate pairs, not with texts.
public struct ClusterEngine: Sendable {
    /// The settings in use.
    public let options: ClusterOptions
    /// Bytes of verification material (compact shingle sets or signatures) one block of pass 2
    /// may hold; at most two blocks are held at once.
    let blockBudget: Int
    /// Documents per chunk of parallel work.
    let chunkSize: Int

    /// An engine with `options`.
    ///
    /// - Complexity: O(1).
    public init(options: ClusterOptions = .standard) {
        self.init(options: options, blockBudget: 128 << 20, chunkSize: 64)
    }

    init(options: ClusterOptions, blockBudget: Int, chunkSize: Int) {
        self.options = options
        self.blockBudget = blockBudget
        self.chunkSize = chunkSize
    }

    /// Clusters `documents`. The result is the same on every run and machine: clusters ordered by
    /// first member, members ascending, and pairs chosen and ordered deterministically.
    ///
    /// `progress`, when given, is called from worker threads (one call at a time) after each
    /// chunk of documents of each pass.
    ///
    /// - Throws: the error of the earliest document that could not be read.
    /// - Complexity: O(N·(L + k)) for pass 1 over N documents of L units with k permutations
    ///   (O(N·L) with one-permutation hashing), O(b·N log N) for candidates with b bands, and
    ///   O(C·L + P·L) for pass 2 over C candidate documents and P candidate pairs.
    public func cluster(_ documents: some DocumentCollection,
                        progress: (@Sendable (ClusterProgress) -> Void)? = nil) throws
        -> ClusterResult {
        let (metadata, shingleCounts, candidates) = try signaturePass(documents,
                                                                      progress: progress)
        let chars = metadata.map(\.chars)
        let verified = try verificationPass(documents, candidates: candidates,
                                            shingleCounts: shingleCounts, progress: progress)
        return ClusterResult(parameters: ClusterResult.Parameters(options),
                             documents: metadata,
                             clusters: Self.clusters(of: verified, chars: chars))
    }

    /// Pass 1: the reported metadata of every document, its number of shingles (with repeats,
    /// which bounds the memory pass 2 needs for it) and the candidate pairs.
    private func signaturePass(_ documents: some DocumentCollection,
                               progress: (@Sendable (ClusterProgress) -> Void)?) throws
        -> ([ClusterResult.Document], [UInt32], [CandidatePair]) {
        let count = documents.count
        let shingler = Shingler(options: options.shingle)
        let hasher = MinHasher(permutations: options.permutations, scheme: options.scheme)
        let placeholder = ClusterResult.Document(id: "", path: "", title: nil, chars: 0)
        let metadata = SharedSlots(repeating: placeholder, count: count)
        let shingleCounts = SharedSlots<UInt32>(repeating: 0, count: count)
        var table = BandKeyTable(parameters: options.lsh, documentCount: count)
        try table.withWriter { writer in
            try ParallelChunks(chunkSize: chunkSize).run(
                count: count, phase: .signatures, progress: progress
            ) { range in
                var hashes: [UInt64] = []
                hashes.reserveCapacity(4096)
                var values = [UInt32](repeating: 0, count: hasher.permutations)
                for index in range {
                    let document = try documents.document(at: index)
                    hashes.removeAll(keepingCapacity: true)
                    shingler.appendHashes(of: document.text, to: &hashes)
                    shingleCounts[index] = UInt32(clamping: hashes.count)
                    values.withUnsafeMutableBufferPointer { values in
                        let signed = hashes.withUnsafeBufferPointer { hasher.fill(values, from: $0) }
                        if signed { writer.insert(UnsafeBufferPointer(values), for: index) }
                    }
                    metadata[index] = ClusterResult.Document(
                        id: document.id, path: document.path, title: document.title,
                        chars: document.chars)
                }
            }
        }
        let candidates = table.candidatePairs(bucketLimit: options.bucketLimit)
        return (metadata.take(resettingTo: placeholder), shingleCounts.take(resettingTo: 0),
                candidates)
    }

    /// Joins verified pairs into clusters: pairs by descending Jaccard (ties by position) into a
    /// union-find, keeping each pair that joins two parts (a maximum spanning forest).
    ///
    /// - Complexity: O(P log P + N) for P pairs and N documents.
    static func clusters(of verified: [ClusterResult.Pair], chars: [Int]) -> [ClusterResult.Cluster] {
        let ordered = verified.sorted {
            $0.jaccard != $1.jaccard ? $0.jaccard > $1.jaccard
                : ($0.a, $0.b) < ($1.a, $1.b)
        }
        var sets = UnionFind(count: chars.count)
        var joining: [ClusterResult.Pair] = []
        for pair in ordered where sets.union(pair.a, pair.b) { joining.append(pair) }
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
                clusters.append(ClusterResult.Cluster(representative: document, members: [document],
                                                      pairs: []))
            }
        }
        for pair in joining.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            clusters[clusterOfRoot[sets.find(pair.a)]!].pairs.append(pair)
        }
        return clusters
    }
}
