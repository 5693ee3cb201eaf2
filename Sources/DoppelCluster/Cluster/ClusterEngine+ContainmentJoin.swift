import DoppelIO

/// The candidate stage for containment: the pairs `ContainmentSample` offers, found for the
/// whole collection at once.
extension ClusterEngine {
    /// Every pair (smaller, larger) whose smaller set is short and can count as contained
    /// (`minimumContainedShingles` to `ContainmentSample.largestSampled` shingles, at most
    /// `ClusterOptions.containmentSizeRatio` of the larger), whose larger set holds enough of the
    /// smaller's sample (`ContainmentSample.isCandidate`), and whose smaller set counts as
    /// contained in the larger (`ClusterOptions.containsSmaller`, counted exactly); ascending and
    /// unique.
    ///
    /// 1. Each short document is sampled from the material in `store` (its `sample.size`
    ///    smallest compact shingles), and the samples are sorted by value, within a value by the
    ///    sampling document's set size: an inverted index of the samples. Values sampled by more
    ///    than `sample.postingLimit` documents are dropped.
    /// 2. Each document that can be a larger side is read once more (all cores); each of its
    ///    shingles found in the index adds a hit to the documents that sampled it and are small
    ///    enough, counted in one array per worker. For those with enough hits, the larger set is
    ///    loaded into a `CompactSetTable` (once) and the smaller set counted against it, stopping
    ///    at the first shingle that makes containment impossible: the pairs that pass are the
    ///    candidates, so verification is not flooded with the near misses of texts that share
    ///    most of their sentences.
    ///
    /// A collection without short documents, or without a set at most `containmentSizeRatio`
    /// of the largest, takes no part, and the stage costs nothing.
    ///
    /// - Throws: `DoppelError.unreadable` when the scratch file cannot be read back.
    /// - Complexity: O(S + N·m log(N·m)) for the sampling of N short documents of S shingles and
    ///   m samples each, O(L + H) for the scan of the larger sides' L shingles, which makes H
    ///   hits (a hit for each sampled shingle a larger set holds, at most `postingLimit` per
    ///   shingle read), and O(s) for each pair with enough hits, s the smaller set's size.
    ///   Memory: 8 bytes per sample, 8 per short document, and one byte per short document per
    ///   worker.
    func containmentPairs(
        store: MaterialStore, setSizes: [UInt32], sample: ContainmentSample
    ) throws -> [CandidatePair] {
        let ratio = ClusterOptions.containmentSizeRatio
        let minimum = options.minimumContainedShingles
        guard let largest = setSizes.max() else { return [] }
        // The smaller sides, by ascending set size (then position): their ranks.
        let smaller = setSizes.indices.filter {
            Int(setSizes[$0]) >= minimum && Int(setSizes[$0]) <= sample.largestSampled
                && Double(setSizes[$0]) <= ratio * Double(largest)
        }.sorted { (setSizes[$0], $0) < (setSizes[$1], $1) }
        guard let first = smaller.first else { return [] }
        let index = try SampleIndex(
            sampling: smaller, store: store, sample: sample, chunkSize: chunkSize)
        let rankSizes = smaller.map { Int(setSizes[$0]) }
        let larger = setSizes.indices.filter {
            Int((ratio * Double(setSizes[$0])).rounded(.down)) >= Int(setSizes[first])
        }
        let results = SharedSlots<[CandidatePair]>(
            repeating: [], count: (larger.count + chunkSize - 1) / chunkSize)
        let chunk = chunkSize
        try ParallelChunks(chunkSize: chunk).run(count: larger.count, progress: nil) { range in
            var hits = [UInt8](repeating: 0, count: smaller.count)
            var touched: [UInt32] = []
            var buffer: [UInt32] = []
            var other: [UInt32] = []
            var table = CompactSetTable()
            var found: [CandidatePair] = []
            for position in range {
                let container = larger[position]
                // The smaller sides small enough for this container: ranks 0 ..< bound.
                let largestContained = Int((ratio * Double(setSizes[container])).rounded(.down))
                let bound = rankSizes.partitioningIndex { $0 > largestContained }
                try store.withValues(of: container, buffer: &buffer) { raw in
                    let all = StreamMaterial(raw).all
                    index.countHits(of: all, below: bound, into: &hits, touched: &touched)
                    if touched.contains(where: {
                        sample.isCandidate(hits: Int(hits[Int($0)]), kept: index.kept(Int($0)))
                    }) {
                        table.reset(capacity: all.count)
                        table.insert(all)
                    }
                }
                for rank in touched.lazy.map({ Int($0) }) {
                    defer { hits[rank] = 0 }
                    guard sample.isCandidate(hits: Int(hits[rank]), kept: index.kept(rank)) else {
                        continue
                    }
                    let contained = smaller[rank]
                    let needed = sample.fewestContained(rankSizes[rank])
                    let holds = try store.withValues(of: contained, buffer: &other) { raw in
                        table.holdsAtLeast(needed, of: StreamMaterial(raw).all)
                    }
                    if holds { found.append(CandidatePair(contained, container)) }
                }
                touched.removeAll(keepingCapacity: true)
            }
            found.sort()
            results[range.lowerBound / chunk] = found
        }
        var pairs = results.take(resettingTo: []).flatMap { $0 }
        pairs.sort()
        return pairs
    }
}

/// The samples of the smaller sides, sorted by value and, within a value, by rank (ascending set
/// size): `entries[i] = value << 32 | rank`, found through a directory on the values' top bits.
private struct SampleIndex: Sendable {
    private let entries: [UInt64]
    /// `directory[b] ..< directory[b + 1]`: the entries whose value's top `bits` bits are b.
    private let directory: [UInt32]
    private let shift: UInt32
    /// The largest sampled value kept: larger shingles are skipped with one comparison.
    private let largestValue: UInt32
    /// Samples kept per rank.
    private let keptCounts: [UInt8]

    /// Samples each document of `smaller` (by rank) from `store`, drops the values more than
    /// `sample.postingLimit` documents sampled, and indexes the rest.
    ///
    /// - Complexity: O(S + N·m log(N·m)) for S shingles of N documents and m samples each.
    init(
        sampling smaller: [Int], store: MaterialStore, sample: ContainmentSample,
        chunkSize: Int
    ) throws {
        let slots = SharedSlots<[UInt64]>(
            repeating: [], count: (smaller.count + chunkSize - 1) / chunkSize)
        try ParallelChunks(chunkSize: chunkSize).run(count: smaller.count, progress: nil) {
            range in
            var buffer: [UInt32] = []
            var entries: [UInt64] = []
            entries.reserveCapacity(range.count * sample.size)
            for rank in range {
                let values = try store.withValues(of: smaller[rank], buffer: &buffer) { raw in
                    ContainmentSample.smallest(sample.size, of: StreamMaterial(raw).all)
                }
                for value in values { entries.append(UInt64(value) << 32 | UInt64(rank)) }
            }
            slots[range.lowerBound / chunkSize] = entries
        }
        var all = slots.take(resettingTo: []).flatMap { $0 }
        all.sortHashes()
        // Drop the values sampled by more than the limit, in place.
        var kept = 0
        var start = 0
        while start < all.count {
            let value = all[start] >> 32
            var end = start + 1
            while end < all.count && all[end] >> 32 == value { end += 1 }
            if end - start <= sample.postingLimit {
                for i in start..<end {
                    all[kept] = all[i]
                    kept += 1
                }
            }
            start = end
        }
        all.removeLast(all.count - kept)
        var counts = [UInt8](repeating: 0, count: smaller.count)
        for entry in all { counts[Int(entry & 0xFFFF_FFFF)] += 1 }
        // About two entries per directory slot.
        var bits: UInt32 = 1
        while bits < 24 && (1 << bits) < all.count / 2 { bits += 1 }
        var directory = [UInt32](repeating: 0, count: (1 << bits) + 1)
        for entry in all { directory[Int(entry >> (64 - UInt64(bits))) + 1] += 1 }
        for slot in 1..<directory.count { directory[slot] += directory[slot - 1] }
        entries = all
        self.directory = directory
        shift = 32 - bits
        largestValue = all.last.map { UInt32($0 >> 32) } ?? 0
        keptCounts = counts
    }

    /// Samples kept by the document of `rank`.
    func kept(_ rank: Int) -> Int { Int(keptCounts[rank]) }

    /// Adds a hit to `hits[rank]` for each value of `values` that the document of `rank` sampled,
    /// for ranks below `bound`, appending each rank to `touched` at its first hit.
    ///
    /// - Complexity: O(values.count) plus one step per hit.
    @inline(__always)
    func countHits(
        of values: UnsafeBufferPointer<UInt32>, below bound: Int, into hits: inout [UInt8],
        touched: inout [UInt32]
    ) {
        if entries.isEmpty || bound == 0 { return }
        let limit = UInt64(bound)
        entries.withUnsafeBufferPointer { entries in
            directory.withUnsafeBufferPointer { directory in
                hits.withUnsafeMutableBufferPointer { hits in
                    for value in values where value <= largestValue {
                        let slot = Int(value >> shift)
                        var i = Int(directory[slot])
                        let end = Int(directory[slot + 1])
                        let wanted = UInt64(value)
                        while i < end && entries[i] >> 32 < wanted { i += 1 }
                        while i < end && entries[i] >> 32 == wanted {
                            let rank = entries[i] & 0xFFFF_FFFF
                            if rank >= limit { break }
                            let r = Int(rank)
                            if hits[r] == 0 { touched.append(UInt32(rank)) }
                            hits[r] &+= 1
                            i += 1
                        }
                    }
                }
            }
        }
    }
}
