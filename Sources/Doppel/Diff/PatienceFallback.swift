/// Per-id counts for the fallback, sized on first use to the largest id of the two sequences.
/// Entries are zero between calls: each use counts a gap and clears what it counted.
struct PatienceTables {
    var countA: [Int32] = []
    var countB: [Int32] = []
    /// For an id seen once in the current gap of `b`, where it was seen.
    var positionB: [Int] = []
}

extension MyersEngine {
    /// How many times the fallback re-anchors inside the gaps between anchors before replacing
    /// what is left: each level costs at most one pass over the subproblem.
    static let fallbackDepth = 8

    /// Appends matched runs of `a[aLo..<aHi]` against `b[bLo..<bHi]` without Myers' search: the
    /// common prefix and suffix, then anchors on the longest chain of tokens that occur exactly
    /// once in both sides and in the same order (Bram Cohen's patience diff), or, when no token
    /// is unique, of `fallbackGram`-token sequences that are; then recurses into the gaps between
    /// anchors, up to `fallbackDepth` levels. What is left unmatched is replaced.
    ///
    /// - Complexity: O(`fallbackDepth` · (n + m) log(n + m)).
    mutating func fallback(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, depth: Int) {
        exact = false
        var aLo = aLo, aHi = aHi, bLo = bLo, bHi = bHi
        let start = (aLo, bLo)
        while aLo < aHi && bLo < bHi && a[aLo] == b[bLo] {
            aLo += 1
            bLo += 1
        }
        matches.append(a: start.0, b: start.1, count: aLo - start.0)
        var suffix = 0
        while aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1] {
            aHi -= 1
            bHi -= 1
            suffix += 1
        }
        if aLo < aHi && bLo < bHi && depth < Self.fallbackDepth {
            var anchors = uniqueTokenAnchors(aLo, aHi, bLo, bHi)
            if anchors.isEmpty { anchors = uniqueGramAnchors(aLo, aHi, bLo, bHi) }
            if !anchors.isEmpty {
                var i = aLo
                var j = bLo
                // Gram anchors may overlap the one before; the prefix match of the gap after
                // that one covers what they would add.
                for anchor in anchors where anchor.a >= i && anchor.b >= j {
                    fallback(i, anchor.a, j, anchor.b, depth: depth + 1)
                    matches.append(a: anchor.a, b: anchor.b, count: anchor.count)
                    i = anchor.a + anchor.count
                    j = anchor.b + anchor.count
                }
                fallback(i, aHi, j, bHi, depth: depth + 1)
            }
        }
        matches.append(a: aHi, b: bHi, count: suffix)
    }

    /// The longest chain, increasing on both sides, of token pairs `(i, j)` with `a[i] == b[j]`
    /// where that token occurs once in `a[aLo..<aHi]` and once in `b[bLo..<bHi]`.
    ///
    /// - Complexity: O((n + m) + u log u) for u unique common tokens, after a one-time O(max id)
    ///   allocation.
    private mutating func uniqueTokenAnchors(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int)
        -> [TokenMatch]
    {
        if fallbackTables.countA.isEmpty {
            var largest: Int32 = 0
            for id in a { largest = max(largest, id) }
            for id in b { largest = max(largest, id) }
            let size = Int(largest) + 1
            fallbackTables.countA = Array(repeating: 0, count: size)
            fallbackTables.countB = Array(repeating: 0, count: size)
            fallbackTables.positionB = Array(repeating: 0, count: size)
        }
        for i in aLo..<aHi { fallbackTables.countA[Int(a[i])] += 1 }
        for j in bLo..<bHi {
            let id = Int(b[j])
            fallbackTables.countB[id] += 1
            fallbackTables.positionB[id] = j
        }
        var pairs: [TokenMatch] = []
        for i in aLo..<aHi {
            let id = Int(a[i])
            if fallbackTables.countA[id] == 1 && fallbackTables.countB[id] == 1 {
                pairs.append(TokenMatch(a: i, b: fallbackTables.positionB[id], count: 1))
            }
        }
        for i in aLo..<aHi { fallbackTables.countA[Int(a[i])] = 0 }
        for j in bLo..<bHi { fallbackTables.countB[Int(b[j])] = 0 }
        return Self.longestIncreasingChain(pairs)
    }

    /// Tokens in a gram of the second anchoring pass, for gaps where no single token is unique
    /// (a long text over a small alphabet, as Han text is).
    static let fallbackGram = 4

    /// Like `uniqueTokenAnchors`, for sequences of `fallbackGram` tokens: grams are keyed by a
    /// fixed hash (SplitMix64 finaliser over the ids), sorted, and a gram whose key occurs once
    /// on each side anchors when its tokens are equal.
    ///
    /// - Complexity: O((n + m) log(n + m)).
    private func uniqueGramAnchors(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int)
        -> [TokenMatch]
    {
        let g = Self.fallbackGram
        guard aHi - aLo >= g && bHi - bLo >= g else { return [] }
        // (key, position); positions of `b` are tagged by adding `bTag`.
        let bTag = a.count + 1
        var grams: [(key: UInt64, position: Int)] = []
        grams.reserveCapacity(aHi - aLo + bHi - bLo)
        for i in aLo...(aHi - g) { grams.append((gramKey(a, i), i)) }
        for j in bLo...(bHi - g) { grams.append((gramKey(b, j), bTag + j)) }
        grams.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        var pairs: [TokenMatch] = []
        var s = 0
        while s < grams.count {
            var e = s + 1
            while e < grams.count && grams[e].key == grams[s].key { e += 1 }
            if e - s == 2 && grams[s].position < bTag && grams[s + 1].position >= bTag {
                let i = grams[s].position
                let j = grams[s + 1].position - bTag
                if (0..<g).allSatisfy({ a[i + $0] == b[j + $0] }) {
                    pairs.append(TokenMatch(a: i, b: j, count: g))
                }
            }
            s = e
        }
        pairs.sort { $0.a < $1.a }
        return Self.longestIncreasingChain(pairs)
    }

    private func gramKey(_ ids: UnsafeBufferPointer<Int32>, _ start: Int) -> UInt64 {
        var h: UInt64 = 0
        for t in start..<(start + Self.fallbackGram) {
            h = SplitMix64.mix(h ^ UInt64(UInt32(bitPattern: ids[t])))
        }
        return h
    }

    /// The longest chain, increasing on both sides, of token pairs `(i, j)` with `a[i] == b[j]`
    /// where that token occurs once in `a[aLo..<aHi]` and once in `b[bLo..<bHi]`.
    ///
    /// - Complexity: O((n + m) + u log u) for u unique common tokens, after a one-time O(max id)
    ///   allocation.
    private mutating func uniqueAnchors(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int)
        -> [TokenMatch]
    {
        if fallbackTables.countA.isEmpty {
            var largest: Int32 = 0
            for id in a { largest = max(largest, id) }
            for id in b { largest = max(largest, id) }
            let size = Int(largest) + 1
            fallbackTables.countA = Array(repeating: 0, count: size)
            fallbackTables.countB = Array(repeating: 0, count: size)
            fallbackTables.positionB = Array(repeating: 0, count: size)
        }
        for i in aLo..<aHi { fallbackTables.countA[Int(a[i])] += 1 }
        for j in bLo..<bHi {
            let id = Int(b[j])
            fallbackTables.countB[id] += 1
            fallbackTables.positionB[id] = j
        }
        var pairs: [TokenMatch] = []
        for i in aLo..<aHi {
            let id = Int(a[i])
            if fallbackTables.countA[id] == 1 && fallbackTables.countB[id] == 1 {
                pairs.append(TokenMatch(a: i, b: fallbackTables.positionB[id], count: 1))
            }
        }
        for i in aLo..<aHi { fallbackTables.countA[Int(a[i])] = 0 }
        for j in bLo..<bHi { fallbackTables.countB[Int(b[j])] = 0 }
        return Self.longestIncreasingChain(pairs)
    }

    /// The longest subsequence of `pairs` (ascending in `a`) that is also ascending in `b`; of several
    /// longest, the one whose last pair has the smallest `b`. Patience sorting with back links.
    ///
    /// - Complexity: O(u log u).
    static func longestIncreasingChain(_ pairs: [TokenMatch]) -> [TokenMatch] {
        guard !pairs.isEmpty else { return [] }
        var tails: [Int] = []  // tails[l]: index of the smallest last `b` of a chain of length l+1
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
