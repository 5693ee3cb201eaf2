import DoppelIO

/// Verification: every candidate pair checked on the material pass 1 stored.
extension ClusterEngine {
    /// Pairs per chunk of parallel verification.
    static let pairChunk = 4096

    /// Verifies `candidates` (ascending, as `BandKeyTable.candidatePairs` gives them) on the
    /// material in `store` and returns the pairs that pass, in no particular order.
    ///
    /// Chunks of pairs run on all cores. A pair whose `ShingleOccupancy` bound (rows in
    /// `occupancy`, loaded; exact verification) falls short of
    /// `ClusterOptions.fewestAcceptedCommon` cannot pass and is not read. Within a chunk, the
    /// set of a pair's first document is loaded once into a `CompactSetTable` for all its
    /// consecutive pairs left, and each second set is counted against it, stopping as soon as
    /// too few shingles are left to reach `ClusterOptions.fewestAcceptedCommon`. A short pair in
    /// the grey zone (`ClusterOptions.measuresAlignedShare`) also loads the second set and
    /// measures the `AlignedShare` of both.
    ///
    /// - Throws: `DoppelError.unreadable` when the scratch file cannot be read back.
    /// - Complexity: O(P·(S + B)) expected for P pairs of S shingles each and B =
    ///   `ShingleOccupancy.words`, O(P·k) with signature verification.
    func verify(
        _ candidates: [CandidatePair], store: MaterialStore, occupancy: OccupancyTable? = nil,
        setSizes: [UInt32], progress: (@Sendable (ClusterProgress) -> Void)?
    ) throws -> [ClusterResult.Pair] {
        let options = options
        let chunk = Self.pairChunk
        let results = SharedSlots<[ClusterResult.Pair]>(
            repeating: [], count: (candidates.count + chunk - 1) / chunk)
        try ParallelChunks(chunkSize: chunk).run(
            count: candidates.count,
            progress: ClusterProgress.reporting(.verification, to: progress)
        ) { range in
            var kept: [ClusterResult.Pair] = []
            var table = CompactSetTable()
            var otherTable = CompactSetTable()
            var firstBuffer: [UInt32] = []
            var secondBuffer: [UInt32] = []
            var seconds: [Int] = []
            var index = range.lowerBound
            while index < range.upperBound {
                let first = candidates[index].first
                // The pairs of `first` in this chunk that its occupancy bound leaves.
                seconds.removeAll(keepingCapacity: true)
                while index < range.upperBound && candidates[index].first == first {
                    let second = candidates[index].second
                    index += 1
                    if let occupancy {
                        let (a, b) = (Int(setSizes[first]), Int(setSizes[second]))
                        let bound = ShingleOccupancy.commonBound(
                            occupancy.row(of: first), count: a, occupancy.row(of: second), count: b)
                        if bound < options.fewestAcceptedCommon(a, b) { continue }
                    }
                    seconds.append(second)
                }
                if seconds.isEmpty { continue }
                try store.withValues(of: first, buffer: &firstBuffer) { raw in
                    let exact = options.verification == .exact
                    let a = exact ? StreamMaterial(raw) : nil
                    if let a {
                        table.reset(capacity: a.all.count)
                        table.insert(a.all)
                    }
                    for second in seconds {
                        let sizes = (Int(setSizes[first]), Int(setSizes[second]))
                        let pair: ClusterResult.Pair?
                        if let a {
                            pair = try store.withValues(of: second, buffer: &secondBuffer) { raw in
                                Self.pair(
                                    first, a, held: table, second, StreamMaterial(raw),
                                    sizes: sizes, scratch: &otherTable, options: options)
                            }
                        } else {
                            pair = try store.withValues(of: second, buffer: &secondBuffer) {
                                Self.pair(first, signature: raw, second, signature: $0, sizes: sizes, options: options)
                            }
                        }
                        if let pair { kept.append(pair) }
                    }
                }
            }
            results[range.lowerBound / chunk] = kept
        }
        return results.take(resettingTo: []).flatMap { $0 }
    }

    /// Exact verification of one pair, the one rule `doppel cluster` and `doppel index query`
    /// apply: the verified pair `(first, second)` if `options` accepts it
    /// (`ClusterOptions.relation`), counting how many of `b`'s shingles `aTable` (holding `a`'s
    /// set) holds, stopping as soon as too few are left (`ClusterOptions.fewestAcceptedCommon`),
    /// and, for a short pair in the grey zone (`ClusterOptions.measuresAlignedShare`), loading
    /// `b`'s set into `scratch` to measure the `AlignedShare` of both.
    ///
    /// - Parameter sizes: the sizes of `a`'s and `b`'s compact shingle sets.
    /// - Complexity: O(|b|) expected, O(|a| + |b|) when the aligned share is measured.
    static func pair(
        _ first: Int, _ a: StreamMaterial, held aTable: CompactSetTable, _ second: Int,
        _ b: StreamMaterial, sizes: (Int, Int), scratch: inout CompactSetTable,
        options: ClusterOptions
    ) -> ClusterResult.Pair? {
        let needed = options.fewestAcceptedCommon(sizes.0, sizes.1)
        guard let common = aTable.commonCount(b.all, needed: needed) else { return nil }
        let overlap = SetOverlap(intersection: common, firstCount: sizes.0, secondCount: sizes.1)
        var aligned: AlignedShare?
        if options.measuresAlignedShare(jaccard: overlap.jaccard, sizes.0, sizes.1) {
            scratch.reset(capacity: b.all.count)
            scratch.insert(b.all)
            aligned = AlignedShare(a, held: aTable, b, held: scratch, shingle: options.shingle)
        }
        return pair(
            first, second, overlap: overlap, jaccard: overlap.jaccard, aligned: aligned,
            options: options)
    }

    /// Signature verification of one pair, as `doppel cluster` and `doppel index query` apply
    /// it: Jaccard estimated from the signatures `a` and `b`, the overlap derived from it and the
    /// set sizes (`SetOverlap.estimated`), and the pair if `options` accepts them.
    ///
    /// - Complexity: O(k) for signatures of k values.
    static func pair(
        _ first: Int, signature a: UnsafeBufferPointer<UInt32>, _ second: Int,
        signature b: UnsafeBufferPointer<UInt32>, sizes: (Int, Int), options: ClusterOptions
    ) -> ClusterResult.Pair? {
        let jaccard = Signature.estimatedJaccard(a, b)
        let overlap = SetOverlap.estimated(jaccard: jaccard, firstCount: sizes.0, secondCount: sizes.1)
        return pair(first, second, overlap: overlap, jaccard: jaccard, options: options)
    }

    /// The verified pair `(a, b)` with its relation if `options` accepts its overlap, Jaccard
    /// similarity (exact, or estimated from signatures) and aligned share
    /// (`ClusterOptions.relation`).
    ///
    /// - Complexity: O(1).
    static func pair(
        _ a: Int, _ b: Int, overlap: SetOverlap, jaccard: Double,
        aligned: AlignedShare? = nil, options: ClusterOptions
    ) -> ClusterResult.Pair? {
        guard
            let relation = options.relation(
                jaccard: jaccard, containment: overlap.containment,
                smallerCount: min(overlap.firstCount, overlap.secondCount), aligned: aligned)
        else { return nil }
        return ClusterResult.Pair(
            a: a, b: b, jaccard: jaccard, containment: overlap.containment,
            relation: relation, aligned: aligned?.lower)
    }
}
