/// Verification: every candidate pair checked on the material pass 1 stored.
extension ClusterEngine {
    /// Pairs per chunk of parallel verification.
    static let pairChunk = 4096

    /// Verifies `candidates` (ascending, as `BandKeyTable.candidatePairs` gives them) on the
    /// material in `store` and returns the pairs that pass, in no particular order.
    ///
    /// Chunks of pairs run on all cores; within a chunk, the material of a pair's first document
    /// is fetched once for all its consecutive pairs.
    ///
    /// - Throws: `DoppelError.unreadable` when the scratch file cannot be read back.
    /// - Complexity: O(P·S) for P pairs of S shingles each (one merge per pair), O(P·k) with
    ///   signature verification.
    func verify(_ candidates: [CandidatePair], store: MaterialStore, setSizes: [UInt32],
                progress: (@Sendable (ClusterProgress) -> Void)?) throws -> [ClusterResult.Pair] {
        let options = options
        let chunk = Self.pairChunk
        let results = SharedSlots<[ClusterResult.Pair]>(
            repeating: [], count: (candidates.count + chunk - 1) / chunk)
        try ParallelChunks(chunkSize: chunk).run(count: candidates.count, phase: .verification,
                                                 progress: progress) { range in
            var kept: [ClusterResult.Pair] = []
            var firstBuffer: [UInt32] = []
            var secondBuffer: [UInt32] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let first = candidates[index].first
                try store.withValues(of: first, buffer: &firstBuffer) { a in
                    while index < range.upperBound && candidates[index].first == first {
                        let second = candidates[index].second
                        let pair = try store.withValues(of: second, buffer: &secondBuffer) { b in
                            Self.verdict(first, a, second, b, sizes: (setSizes[first], setSizes[second]),
                                         options: options)
                        }
                        if let pair { kept.append(pair) }
                        index += 1
                    }
                }
            }
            results[range.lowerBound / chunk] = kept
        }
        return results.take(resettingTo: []).flatMap { $0 }
    }

    /// The verified pair `(a, b)` if `options` accepts it, from the compact sets (exact) or the
    /// signatures (signature verification) of the two documents.
    static func verdict(_ a: Int, _ first: UnsafeBufferPointer<UInt32>, _ b: Int,
                        _ second: UnsafeBufferPointer<UInt32>, sizes: (UInt32, UInt32),
                        options: ClusterOptions) -> ClusterResult.Pair? {
        let jaccard: Double
        let overlap: SetOverlap
        switch options.verification {
        case .exact:
            overlap = SetOverlap(first, second)
            jaccard = overlap.jaccard
        case .signature:
            jaccard = Signature.estimatedJaccard(first, second)
            overlap = .estimated(jaccard: jaccard, firstCount: Int(sizes.0),
                                 secondCount: Int(sizes.1))
        }
        guard options.accepts(jaccard: jaccard, containment: overlap.containment,
                              smallerCount: min(overlap.firstCount, overlap.secondCount))
        else { return nil }
        return ClusterResult.Pair(a: a, b: b, jaccard: jaccard, containment: overlap.containment)
    }
}
