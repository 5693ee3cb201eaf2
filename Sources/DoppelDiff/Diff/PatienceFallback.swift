import DoppelIO

/// Per-id tables of the fallback, sized on first use to the largest id of the two sequences.
/// Entries are zero between uses: each use counts one gap and clears what it counted.
struct PatienceTables {
    var countA: [Int32] = []
    var countB: [Int32] = []
    /// For an id of the current gap of `b`, where its positions start in the gap's position list.
    var startB: [Int32] = []
    /// For an id, how many of its occurrences have been placed or paired so far.
    var seen: [Int32] = []
}

extension MyersEngine {
    /// How many times the fallback re-anchors inside the gaps between anchors before replacing
    /// what is left: each level costs at most one pass (and one sort) over the subproblem.
    static let fallbackDepth = 8
    /// A token or gram anchors when it occurs equally often on both sides, at most this often.
    static let fallbackMaxOccurrences = 64
    /// Tokens in a gram of the first anchoring pass.
    static let fallbackGram = 4
    /// Gaps with at most this many tokens on both sides together get an exact (Myers) script.
    static let fallbackSmallGap = 32

    /// Appends matched runs of `a[xs]` against `b[ys]` without a budgeted search.
    /// After the common prefix and suffix, a small gap gets an exact script; a larger one is
    /// anchored on the longest chain, increasing on both sides, of `fallbackGram`-token grams
    /// that occur equally often on both sides (at most `fallbackMaxOccurrences` times), the t-th
    /// occurrence in `a` paired with the t-th in `b`. This is Bram Cohen's patience diff, which
    /// anchors on unique lines, loosened so that text repeated a few times still anchors, and on
    /// grams because single Han characters repeat too often to be unique. When no gram anchors
    /// (short or unrelated gaps), single tokens are tried the same way. The gaps between anchors
    /// are solved the same way, up to `fallbackDepth` levels; what is left then is replaced.
    ///
    /// - Complexity: O(`fallbackDepth` · (n + m) log(n + m) + `fallbackSmallGap` · (n + m)).
    mutating func fallback(_ xs: Range<Int>, _ ys: Range<Int>, depth: Int) {
        exact = false
        let (xs, ys, suffix) = trimCommonEnds(xs, ys)
        if !xs.isEmpty && !ys.isEmpty {
            if xs.count + ys.count <= Self.fallbackSmallGap {
                solve(xs, ys, budgeted: false)
            } else if depth < Self.fallbackDepth {
                var anchors = gramAnchors(xs, ys)
                if anchors.isEmpty { anchors = tokenAnchors(xs, ys) }
                if !anchors.isEmpty {
                    var i = xs.lowerBound
                    var j = ys.lowerBound
                    // Gram anchors may overlap the one before; the prefix match of the gap after
                    // that one covers what they would add.
                    for anchor in anchors where anchor.a >= i && anchor.b >= j {
                        fallback(i..<anchor.a, j..<anchor.b, depth: depth + 1)
                        matches.append(a: anchor.a, b: anchor.b, count: anchor.count)
                        i = anchor.a + anchor.count
                        j = anchor.b + anchor.count
                    }
                    fallback(i..<xs.upperBound, j..<ys.upperBound, depth: depth + 1)
                }
            }
        }
        matches.append(a: xs.upperBound, b: ys.upperBound, count: suffix)
    }

    /// The longest chain, increasing on both sides, of pairs (t-th occurrence of a token in
    /// `a[xs]`, t-th occurrence in `b[ys]`) over tokens that occur equally often in
    /// both, at most `fallbackMaxOccurrences` times.
    ///
    /// - Complexity: O((n + m) + u log u) for u pairs, after a one-time O(max id) allocation.
    private mutating func tokenAnchors(_ xs: Range<Int>, _ ys: Range<Int>) -> [TokenMatch] {
        if fallbackTables.countA.isEmpty {
            var largest: Int32 = 0
            for id in a { largest = max(largest, id) }
            for id in b { largest = max(largest, id) }
            let size = Int(largest) + 1
            fallbackTables.countA = Array(repeating: 0, count: size)
            fallbackTables.countB = Array(repeating: 0, count: size)
            fallbackTables.startB = Array(repeating: 0, count: size)
            fallbackTables.seen = Array(repeating: 0, count: size)
        }
        var pairs: [TokenMatch] = []
        fallbackTables.countA.withUnsafeMutableBufferPointer { countA in
            fallbackTables.countB.withUnsafeMutableBufferPointer { countB in
                fallbackTables.startB.withUnsafeMutableBufferPointer { startB in
                    fallbackTables.seen.withUnsafeMutableBufferPointer { seen in
                        for i in xs { countA[Int(a[i])] += 1 }
                        for j in ys { countB[Int(b[j])] += 1 }
                        // Positions in `b` grouped by id (a counting sort), each id's in order.
                        var next: Int32 = 0
                        for j in ys where seen[Int(b[j])] == 0 {
                            let id = Int(b[j])
                            startB[id] = next
                            next += countB[id]
                            seen[id] = 1
                        }
                        var positions = [Int](repeating: 0, count: ys.count)
                        for j in ys { seen[Int(b[j])] = 0 }
                        for j in ys {
                            let id = Int(b[j])
                            positions[Int(startB[id] + seen[id])] = j
                            seen[id] += 1
                        }
                        for j in ys { seen[Int(b[j])] = 0 }
                        let most = Int32(Self.fallbackMaxOccurrences)
                        for i in xs {
                            let id = Int(a[i])
                            if countA[id] == countB[id] && countA[id] <= most {
                                let j = positions[Int(startB[id] + seen[id])]
                                pairs.append(TokenMatch(a: i, b: j, count: 1))
                                seen[id] += 1
                            }
                        }
                        for i in xs {
                            let id = Int(a[i])
                            countA[id] = 0
                            seen[id] = 0
                        }
                        for j in ys { countB[Int(b[j])] = 0 }
                    }
                }
            }
        }
        return Self.longestIncreasingChain(pairs)
    }

    /// Like `tokenAnchors`, for runs of `fallbackGram` tokens. Grams are keyed by the high 32
    /// bits of a fixed hash (SplitMix64 finaliser over the ids) packed above their position and
    /// grouped by sorting; a pair anchors only when its tokens are equal, so a key shared by two
    /// different grams costs anchors, never correctness.
    ///
    /// - Complexity: O((n + m) log(n + m)).
    private func gramAnchors(_ xs: Range<Int>, _ ys: Range<Int>) -> [TokenMatch] {
        let g = Self.fallbackGram
        // Positions of `b` are tagged by adding `bTag`, so each key's `a` positions sort first.
        let bTag = a.count + 1
        guard xs.count >= g && ys.count >= g && bTag + b.count <= Int(UInt32.max) else {
            return []
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(xs.count + ys.count)
        let high: UInt64 = 0xFFFF_FFFF_0000_0000
        for i in xs.lowerBound...(xs.upperBound - g) { packed.append(gramKey(a, i) & high | UInt64(i)) }
        for j in ys.lowerBound...(ys.upperBound - g) { packed.append(gramKey(b, j) & high | UInt64(bTag + j)) }
        packed.sort()
        // For each position of the `a` gap, the `b` position it pairs with, or -1.
        var partner = [Int32](repeating: -1, count: xs.count)  // Int32: a text's positions
        var s = 0
        while s < packed.count {
            let key = packed[s] & high
            var e = s + 1
            while e < packed.count && packed[e] & high == key { e += 1 }
            var inA = 0
            while s + inA < e && Int(packed[s + inA] & ~high) < bTag { inA += 1 }
            if inA * 2 == e - s && inA <= Self.fallbackMaxOccurrences {
                for t in 0..<inA {
                    let i = Int(packed[s + t] & ~high)
                    let j = Int(packed[s + inA + t] & ~high) - bTag
                    if (0..<g).allSatisfy({ a[i + $0] == b[j + $0] }) {
                        partner[i - xs.lowerBound] = Int32(truncatingIfNeeded: j)
                    }
                }
            }
            s = e
        }
        var pairs: [TokenMatch] = []
        for (offset, j) in partner.enumerated() where j >= 0 {
            pairs.append(TokenMatch(a: xs.lowerBound + offset, b: Int(j), count: g))
        }
        return Self.longestIncreasingChain(pairs)
    }

    private func gramKey(_ ids: UnsafeBufferPointer<Int32>, _ start: Int) -> UInt64 {
        var h: UInt64 = 0
        for t in start..<(start + Self.fallbackGram) {
            h = SplitMix64.mix(h ^ UInt64(UInt32(bitPattern: ids[t])))
        }
        return h
    }

    /// The longest subsequence of `pairs` (ascending in `a`) that is also ascending in `b`; of
    /// several longest, the one whose last pair has the smallest `b`. Patience sorting with back
    /// links.
    ///
    /// - Complexity: O(u log u).
    static func longestIncreasingChain(_ pairs: [TokenMatch]) -> [TokenMatch] {
        guard !pairs.isEmpty else { return [] }
        var tails: [Int] = []  // tails[l]: the chain of length l + 1 ending at the smallest `b`
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var lo = 0
            var hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].b < pair.b { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[index] = tails[lo - 1] }
            if lo == tails.count { tails.append(index) } else { tails[lo] = index }
        }
        var chain: [TokenMatch] = []
        chain.reserveCapacity(tails.count)
        var index = tails[tails.count - 1]
        while index >= 0 {
            chain.append(pairs[index])
            index = previous[index]
        }
        chain.reverse()
        return chain
    }
}
