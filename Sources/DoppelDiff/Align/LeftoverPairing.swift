import DoppelText

/// Pairs the short stretches that no anchor reached (a headline shorter than an anchor, a
/// byline, a heading whose words were reordered): each unaligned stretch of A of at most
/// `maximumLength` units is paired with the unaligned stretch of B most similar to it by the
/// Dice coefficient of their character bigrams, when that is at least `minimumSimilarity` and
/// the choice is mutual.
enum LeftoverPairing {
    static let maximumLength = 200
    static let minimumSimilarity = 0.5
    /// Stretches considered on each side at most (the first ones); bounds the quadratic
    /// comparison at 250,000 pairs, a fraction of a second. A newspaper page has a few dozen
    /// headlines and bylines to pair; thousands of short stretches are two unrelated texts.
    static let maximumStretches = 500

    /// A pair sharing no bigram scores 0 and is never chosen: the scores are counted through an
    /// index of B's bigrams, so a stretch of A meets only the stretches of B that share a bigram
    /// with it (unrelated texts share few).
    ///
    /// - Complexity: O(p · q) plus, for each bigram of A, the stretches of B holding it; at most
    ///   O(p · q · L) for p and q short stretches of length at most L.
    static func pairs(
        _ a: NormalizedText, _ b: NormalizedText, leftA: [Range<Int>],
        leftB: [Range<Int>]
    ) -> [AlignedPair] {
        let shortA = Array(leftA.filter { $0.count <= maximumLength }.prefix(maximumStretches))
        let shortB = Array(leftB.filter { $0.count <= maximumLength }.prefix(maximumStretches))
        guard !shortA.isEmpty, !shortB.isEmpty else { return [] }
        let gramsA = shortA.map { bigrams(a.units[$0]) }
        let gramsB = shortB.map { bigrams(b.units[$0]) }
        var bestForA = [(index: Int, score: Double)](repeating: (-1, 0), count: shortA.count)
        var bestForB = [(index: Int, score: Double)](repeating: (-1, 0), count: shortB.count)
        // Each distinct bigram of B: the stretches holding it and how many times.
        var postings: [UInt64: [(stretch: Int, count: Int)]] = [:]
        for j in shortB.indices {
            forEachRun(gramsB[j]) { gram, count in postings[gram, default: []].append((j, count)) }
        }
        var shared = [Int](repeating: 0, count: shortB.count)
        for i in shortA.indices {
            // The multiset intersection with every stretch of B: Σ min(count in A, count in B).
            forEachRun(gramsA[i]) { gram, count in
                for (j, countB) in postings[gram] ?? [] { shared[j] += min(count, countB) }
            }
            for j in shortB.indices where shared[j] > 0 {
                // The same value as `dice(gramsA[i], gramsB[j])`.
                let score = Double(2 * shared[j]) / Double(gramsA[i].count + gramsB[j].count)
                shared[j] = 0
                if score > bestForA[i].score { bestForA[i] = (j, score) }
                if score > bestForB[j].score { bestForB[j] = (i, score) }
            }
        }
        var result: [AlignedPair] = []
        for i in shortA.indices {
            let (j, score) = bestForA[i]
            guard j >= 0, score >= minimumSimilarity, bestForB[j].index == i else { continue }
            let exact = a.units[shortA[i]].elementsEqual(b.units[shortB[j]])
            let matches =
                exact ? [ExactMatch(a: shortA[i].lowerBound, b: shortB[j].lowerBound, length: shortA[i].count)] : []
            result.append(AlignedPair(a: shortA[i], b: shortB[j], moved: false, matches: matches))
        }
        return result
    }

    /// Sorted character bigrams (single characters for a one-unit stretch).
    private static func bigrams(_ units: ArraySlice<UInt32>) -> [UInt64] {
        guard units.count > 1 else { return units.map { UInt64($0) } }
        var grams: [UInt64] = []
        grams.reserveCapacity(units.count - 1)
        var previous = units.first!
        for u in units.dropFirst() {
            grams.append(UInt64(previous) << 32 | UInt64(u))
            previous = u
        }
        return grams.sorted()
    }

    /// Calls `body` with each distinct value of a sorted array and the number of times it occurs.
    private static func forEachRun(_ sorted: [UInt64], _ body: (UInt64, Int) -> Void) {
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            body(sorted[start], end - start)
            start = end
        }
    }

    /// 2|A∩B| / (|A| + |B|) over multisets given as sorted arrays.
    static func dice(_ x: [UInt64], _ y: [UInt64]) -> Double {
        guard !x.isEmpty || !y.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(2 * shared) / Double(x.count + y.count)
    }
}
