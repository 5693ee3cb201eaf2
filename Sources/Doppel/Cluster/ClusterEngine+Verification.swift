/// Pass 2: re-reading the documents of candidate pairs and verifying each pair, in blocks whose
/// memory is bounded by `blockBudget`.
///
/// Documents are ordered by connected component of the candidate graph (components by first
/// member, members ascending) and cut into blocks, at component boundaries when a component fits.
/// Block `i` is loaded once and its internal pairs verified; then each later block `j` that shares
/// pairs with it is loaded beside it. Small components never span blocks, so most blocks are read
/// once; only a component larger than a block (thousands of copies) costs extra reads, about two
/// per block with star-and-chain buckets.
extension ClusterEngine {
    /// What verification needs of one document.
    struct Material: Sendable {
        /// The compact shingle set (exact verification), else empty.
        var set: [UInt32] = []
        /// The signature (signature verification), else empty.
        var signature: Signature = .empty
        /// The number of distinct shingles.
        var count = 0
    }

    /// The blocks of pass 2 and the pairs each pair of blocks verifies.
    struct Plan {
        /// The documents of each block.
        var blocks: [[Int]] = []
        /// For each document, its block and its slot in it (−1: in no candidate pair).
        var block: [Int32]
        var slot: [Int32]
        /// Pairs to verify, grouped by `(lower block, higher block)`, ascending.
        var work: [(lower: Int, higher: Int, pairs: [CandidatePair])] = []
    }

    /// Verifies `candidates` and returns the pairs that pass, in no particular order.
    func verificationPass(_ documents: some DocumentCollection, candidates: [CandidatePair],
                          shingleCounts: [UInt32],
                          progress: (@Sendable (ClusterProgress) -> Void)?) throws
        -> [ClusterResult.Pair] {
        if candidates.isEmpty { return [] }
        let plan = plan(candidates, shingleCounts: shingleCounts)
        // Blocks in the order they are read: each lower block once, each higher one per item.
        var loads: [Int] = []
        for (index, item) in plan.work.enumerated() {
            if index == 0 || plan.work[index - 1].lower != item.lower { loads.append(item.lower) }
            if item.higher != item.lower { loads.append(item.higher) }
        }
        let total = loads.reduce(0) { $0 + plan.blocks[$1].count }
        let done = Locked(0)
        var report: (@Sendable (ClusterProgress) -> Void)?
        if let progress {
            report = { @Sendable step in
                done.withLock { done in
                    progress(ClusterProgress(phase: .verification, done: done + step.done,
                                             total: total))
                }
            }
        }
        var accepted: [ClusterResult.Pair] = []
        var primary: (block: Int, material: [Material]) = (-1, [])
        for item in plan.work {
            if primary.block != item.lower {
                primary = (-1, [])  // release the previous block before reading the next
                primary = (item.lower, try load(plan.blocks[item.lower], from: documents,
                                                progress: report, done: done))
            }
            let secondary = item.higher == item.lower
                ? primary.material
                : try load(plan.blocks[item.higher], from: documents, progress: report, done: done)
            accepted += try verify(item.pairs, plan: plan, lower: primary.material,
                                   higher: secondary, lowerBlock: item.lower)
        }
        return accepted
    }

    /// Orders the documents of `candidates` by component and cuts them into blocks.
    func plan(_ candidates: [CandidatePair], shingleCounts: [UInt32]) -> Plan {
        let count = shingleCounts.count
        var components = UnionFind(count: count)
        var involved = [Bool](repeating: false, count: count)
        for pair in candidates {
            components.union(pair.first, pair.second)
            involved[pair.first] = true
            involved[pair.second] = true
        }
        var ordinal = [Int32](repeating: -1, count: count)  // by root: component's rank
        var keyed: [UInt64] = []
        var ranks: Int32 = 0
        for document in 0..<count where involved[document] {
            let root = components.find(document)
            if ordinal[root] < 0 {
                ordinal[root] = ranks
                ranks += 1
            }
            keyed.append(UInt64(ordinal[root]) << 32 | UInt64(document))
        }
        keyed.sort()
        var plan = Plan(block: [Int32](repeating: -1, count: count),
                        slot: [Int32](repeating: -1, count: count))
        var current: [Int] = []
        var currentCost = 0
        var start = 0
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end] >> 32 == keyed[start] >> 32 { end += 1 }
            let members = keyed[start..<end].map { Int($0 & 0xFFFF_FFFF) }
            let componentCost = members.reduce(0) { $0 + cost(shingleCounts[$1]) }
            if !current.isEmpty && currentCost + componentCost > blockBudget {
                plan.blocks.append(current)
                current = []
                currentCost = 0
            }
            for document in members {
                if !current.isEmpty && currentCost + cost(shingleCounts[document]) > blockBudget {
                    plan.blocks.append(current)
                    current = []
                    currentCost = 0
                }
                current.append(document)
                currentCost += cost(shingleCounts[document])
            }
            start = end
        }
        if !current.isEmpty { plan.blocks.append(current) }
        for (index, block) in plan.blocks.enumerated() {
            for (slot, document) in block.enumerated() {
                plan.block[document] = Int32(index)
                plan.slot[document] = Int32(slot)
            }
        }
        var grouped: [Int: [CandidatePair]] = [:]
        let blockCount = plan.blocks.count
        for pair in candidates {
            let x = Int(plan.block[pair.first])
            let y = Int(plan.block[pair.second])
            grouped[min(x, y) * blockCount + max(x, y), default: []].append(pair)
        }
        plan.work = grouped.keys.sorted().map { key in
            (key / blockCount, key % blockCount, grouped[key]!)
        }
        return plan
    }

    /// Estimated bytes of one document's material.
    private func cost(_ shingles: UInt32) -> Int {
        switch options.verification {
        case .exact: return 4 * Int(shingles) + 64
        case .signature: return 4 * options.permutations + 64
        }
    }

    /// Reads `block` again (in parallel) and computes each document's material.
    private func load(_ block: [Int], from documents: some DocumentCollection,
                      progress: (@Sendable (ClusterProgress) -> Void)?, done: Locked<Int>) throws
        -> [Material] {
        let shingler = Shingler(options: options.shingle)
        let hasher = MinHasher(permutations: options.permutations, scheme: options.scheme)
        let verification = options.verification
        let material = SharedSlots(repeating: Material(), count: block.count)
        try ParallelChunks(chunkSize: chunkSize).run(
            count: block.count, phase: .verification, progress: progress
        ) { range in
            var hashes: [UInt64] = []
            for slot in range {
                hashes.removeAll(keepingCapacity: true)
                shingler.appendHashes(of: try documents.document(at: block[slot]).text,
                                      to: &hashes)
                let set = Shingler.compactSet(of: hashes)
                switch verification {
                case .exact:
                    material[slot] = Material(set: set, count: set.count)
                case .signature:
                    material[slot] = Material(signature: hasher.signature(of: hashes),
                                              count: set.count)
                }
            }
        }
        done.withLock { $0 += block.count }
        return material.take(resettingTo: Material())
    }

    /// Verifies `pairs` (in parallel) between the loaded blocks.
    private func verify(_ pairs: [CandidatePair], plan: Plan, lower: [Material],
                        higher: [Material], lowerBlock: Int) throws -> [ClusterResult.Pair] {
        let options = options
        let chunk = 4096
        let results = SharedSlots<[ClusterResult.Pair]>(
            repeating: [], count: (pairs.count + chunk - 1) / chunk)
        try ParallelChunks(chunkSize: chunk).run(count: pairs.count, phase: .verification,
                                                 progress: nil) { range in
            var kept: [ClusterResult.Pair] = []
            for pair in pairs[range] {
                let a = Self.material(of: pair.first, plan: plan, lowerBlock: lowerBlock,
                                      lower: lower, higher: higher)
                let b = Self.material(of: pair.second, plan: plan, lowerBlock: lowerBlock,
                                      lower: lower, higher: higher)
                let jaccard: Double
                let overlap: SetOverlap
                switch options.verification {
                case .exact:
                    overlap = SetOverlap(a.set, b.set)
                    jaccard = overlap.jaccard
                case .signature:
                    jaccard = Signature.estimatedJaccard(a.signature, b.signature)
                    overlap = .estimated(jaccard: jaccard, firstCount: a.count, secondCount: b.count)
                }
                if options.accepts(jaccard: jaccard, containment: overlap.containment,
                                   smallerCount: min(a.count, b.count)) {
                    kept.append(ClusterResult.Pair(a: pair.first, b: pair.second, jaccard: jaccard,
                                                   containment: overlap.containment))
                }
            }
            results[range.lowerBound / chunk] = kept
        }
        return results.take(resettingTo: []).flatMap { $0 }
    }

    private static func material(of document: Int, plan: Plan, lowerBlock: Int,
                                 lower: [Material], higher: [Material]) -> Material {
        let slot = Int(plan.slot[document])
        return Int(plan.block[document]) == lowerBlock ? lower[slot] : higher[slot]
    }
}
