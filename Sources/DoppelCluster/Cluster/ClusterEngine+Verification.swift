import DoppelIO

/// Verification: every candidate pair checked on the material pass 1 stored.
extension ClusterEngine {
    /// Pairs per chunk of parallel verification.
    static let pairChunk = 4096

    /// Verifies `candidates` (ascending, as `BandKeyTable.candidatePairs` gives them) on the
    /// material in `store` and returns the pairs that pass, in no particular order.
    ///
    /// Chunks of pairs run on all cores. Within a chunk, the set of a pair's first document is
    /// loaded once into a `CompactSetTable` for all its consecutive pairs, and each second set
    /// is counted against it, stopping as soon as too few shingles are left to reach
    /// `ClusterOptions.fewestAcceptedCommon`.
    ///
    /// - Throws: `DoppelError.unreadable` when the scratch file cannot be read back.
    /// - Complexity: O(P·S) expected for P pairs of S shingles each, O(P·k) with signature
    ///   verification.
    func verify(_ candidates: [CandidatePair], store: MaterialStore, setSizes: [UInt32],
                progress: (@Sendable (ClusterProgress) -> Void)?) throws -> [ClusterResult.Pair] {
        let options = options
        let chunk = Self.pairChunk
        let results = SharedSlots<[ClusterResult.Pair]>(
            repeating: [], count: (candidates.count + chunk - 1) / chunk)
        try ParallelChunks(chunkSize: chunk).run(count: candidates.count,
                                                 progress: ClusterProgress.reporting(.verification, to: progress)) { range in
            var kept: [ClusterResult.Pair] = []
            var table = CompactSetTable()
            var firstBuffer: [UInt32] = []
            var secondBuffer: [UInt32] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let first = candidates[index].first
                try store.withValues(of: first, buffer: &firstBuffer) { a in
                    if options.verification == .exact {
                        table.reset(capacity: a.count)
                        table.insert(a)
                    }
                    while index < range.upperBound && candidates[index].first == first {
                        let second = candidates[index].second
                        index += 1
                        let sizes = (Int(setSizes[first]), Int(setSizes[second]))
                        let overlap: SetOverlap
                        let jaccard: Double
                        switch options.verification {
                        case .exact:
                            let needed = options.fewestAcceptedCommon(sizes.0, sizes.1)
                            guard let common = try store.withValues(
                                of: second, buffer: &secondBuffer,
                                { table.commonCount($0, needed: needed) })
                            else { continue }
                            overlap = SetOverlap(intersection: common, firstCount: sizes.0,
                                                 secondCount: sizes.1)
                            jaccard = overlap.jaccard
                        case .signature:
                            jaccard = try store.withValues(of: second, buffer: &secondBuffer) {
                                Signature.estimatedJaccard(a, $0)
                            }
                            overlap = .estimated(jaccard: jaccard, firstCount: sizes.0,
                                                 secondCount: sizes.1)
                        }
                        if let pair = Self.pair(first, second, overlap: overlap, jaccard: jaccard,
                                                options: options) {
                            kept.append(pair)
                        }
                    }
                }
            }
            results[range.lowerBound / chunk] = kept
        }
        return results.take(resettingTo: []).flatMap { $0 }
    }

    /// The verified pair `(a, b)` if `options` accepts its overlap and Jaccard similarity (exact,
    /// or estimated from signatures).
    ///
    /// - Complexity: O(1).
    static func pair(_ a: Int, _ b: Int, overlap: SetOverlap, jaccard: Double,
                     options: ClusterOptions) -> ClusterResult.Pair? {
        guard options.accepts(jaccard: jaccard, containment: overlap.containment,
                              smallerCount: min(overlap.firstCount, overlap.secondCount))
        else { return nil }
        return ClusterResult.Pair(a: a, b: b, jaccard: jaccard, containment: overlap.containment)
    }
}
