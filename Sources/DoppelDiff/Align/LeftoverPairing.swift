import DoppelText

/// Pairs the short stretches that no anchor reached (a headline shorter than an anchor, a
/// byline, a heading whose words were reordered): each unaligned stretch of A of at most
/// `maximumLength` units is paired with the unaligned stretch of B most similar to it by the
/// Dice coefficient of their character bigrams (for two short stretches that differ in one
/// unit, `oneReplaced`), when that is at least `minimumSimilarity` and the choice is mutual.
/// A pair then takes in a neighbouring unpaired stretch when that makes its sides more alike:
/// one version kept a paragraph break the other lost. Stretches that score the same against
/// two candidates are boilerplate (the `《新闻` left of two templated siblings' datelines once
/// their news and dates aligned): the candidate that borders the same passage wins the tie, so
/// each dateline stays with its own sibling.
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
    ///   O(p · q · L) for p and q short stretches of length at most L; plus O(p · (p + q) · L)
    ///   for the neighbours tried.
    static func pairs(
        _ a: NormalizedText, _ b: NormalizedText, leftA: [Range<Int>],
        leftB: [Range<Int>], passages: [AlignedPair] = []
    ) -> [AlignedPair] {
        let shortA = Array(leftA.filter { $0.count <= maximumLength && hasText(a.units[$0]) }.prefix(maximumStretches))
        let shortB = Array(leftB.filter { $0.count <= maximumLength && hasText(b.units[$0]) }.prefix(maximumStretches))
        guard !shortA.isEmpty, !shortB.isEmpty else { return [] }
        var (chosen, pairedA, pairedB) = mutualBest(a, b, shortA, shortB, passages: passages)
        // A paragraph break one version lost (print joins a kicker and its headline when the
        // kicker fills its line): the neighbouring unpaired stretch joins the pair when that
        // makes the two sides more alike.
        for k in chosen.indices {
            var (ra, rb) = chosen[k]
            var score: Double?  // found when a neighbour is tried
            var grown = true
            while grown {
                grown = false
                for (side, forward) in [(0, true), (0, false), (1, true), (1, false)] {
                    let (stretches, text, paired, current) =
                        side == 0 ? (shortA, a, pairedA, ra) : (shortB, b, pairedB, rb)
                    guard
                        let n = neighbour(of: current, in: stretches, text, forward: forward),
                        !paired.contains(n)
                    else { continue }
                    let joined =
                        forward
                        ? current.lowerBound..<stretches[n].upperBound : stretches[n].lowerBound..<current.upperBound
                    let new =
                        side == 0
                        ? dice(bigrams(a.units[joined]), bigrams(b.units[rb]))
                        : dice(bigrams(a.units[ra]), bigrams(b.units[joined]))
                    let before = score ?? dice(bigrams(a.units[ra]), bigrams(b.units[rb]))
                    score = before
                    guard new > before else { continue }
                    score = new
                    if side == 0 {
                        ra = joined
                        pairedA.insert(n)
                    } else {
                        rb = joined
                        pairedB.insert(n)
                    }
                    grown = true
                }
            }
            chosen[k] = (ra, rb)
        }
        // The other way round: one version joined two stretches the other has apart (print
        // put a headline and another article's byline on one line): a pair whose longer side
        // is its shorter side and more gives the rest to the unpaired stretch like it.
        for k in chosen.indices {
            for side in [0, 1] {
                let (ra, rb) = chosen[k]
                let (short, long) = side == 0 ? (ra, rb) : (rb, ra)
                let (shortText, longText) = side == 0 ? (a, b) : (b, a)
                guard long.count > short.count + 1 else { continue }
                let shortUnits = shortText.units[short]
                let longUnits = longText.units[long]
                let rest: Range<Int>
                let kept: Range<Int>
                if longUnits.starts(with: shortUnits) {
                    kept = long.lowerBound..<long.lowerBound + short.count
                    rest = kept.upperBound..<long.upperBound
                } else if longUnits.reversed().starts(with: shortUnits.reversed()) {
                    kept = long.upperBound - short.count..<long.upperBound
                    rest = long.lowerBound..<kept.lowerBound
                } else {
                    continue
                }
                let (stretches, paired) = side == 0 ? (shortA, pairedA) : (shortB, pairedB)
                let restGrams = bigrams(longText.units[rest])
                var best = (index: -1, score: minimumSimilarity)
                for n in stretches.indices where !paired.contains(n) {
                    let score = dice(bigrams(shortText.units[stretches[n]]), restGrams)
                    if score >= best.score { best = (n, score) }
                }
                guard best.index >= 0 else { continue }
                if side == 0 {
                    chosen[k].b = kept
                    chosen.append((stretches[best.index], rest))
                    pairedA.insert(best.index)
                } else {
                    chosen[k].a = kept
                    chosen.append((rest, stretches[best.index]))
                    pairedB.insert(best.index)
                }
            }
        }
        return chosen.map { ra, rb in
            let exact = a.units[ra].elementsEqual(b.units[rb])
            let matches = exact ? [ExactMatch(a: ra.lowerBound, b: rb.lowerBound, length: ra.count)] : []
            return AlignedPair(a: ra, b: rb, moved: false, matches: matches)
        }
    }

    /// The pairs of the first step: each stretch of `shortA` with the stretch of `shortB` most
    /// similar to it, when the choice is mutual and scores at least `minimumSimilarity`; with the
    /// indices of the stretches paired on each side. Of two candidates that score the same, one
    /// that borders the same passage of `passages` as the stretch (right before it, or right
    /// after it, in both texts) is preferred; otherwise the first.
    ///
    /// - Complexity: O(p · q) plus, for each bigram of A, the stretches of B holding it; plus
    ///   O(P) for the P passages.
    static func mutualBest(
        _ a: NormalizedText, _ b: NormalizedText, _ shortA: [Range<Int>], _ shortB: [Range<Int>],
        passages: [AlignedPair] = []
    ) -> (pairs: [(a: Range<Int>, b: Range<Int>)], pairedA: Set<Int>, pairedB: Set<Int>) {
        let borderA = Borders.of(shortA, a, passages, side: \.a)
        let borderB = Borders.of(shortB, b, passages, side: \.b)
        func besideSamePassage(_ i: Int, _ j: Int) -> Bool { borderA[i].shared(with: borderB[j]) }
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
                var score = Double(2 * shared[j]) / Double(gramsA[i].count + gramsB[j].count)
                shared[j] = 0
                if score < minimumSimilarity, let s = oneReplaced(a.units[shortA[i]], b.units[shortB[j]]) {
                    score = s
                }
                let current = (a: bestForA[i].index, b: bestForB[j].index)
                if score > bestForA[i].score
                    || score == bestForA[i].score && besideSamePassage(i, j) && !besideSamePassage(i, current.a)
                {
                    bestForA[i] = (j, score)
                }
                if score > bestForB[j].score
                    || score == bestForB[j].score && besideSamePassage(i, j) && !besideSamePassage(current.b, j)
                {
                    bestForB[j] = (i, score)
                }
            }
        }
        var chosen: [(a: Range<Int>, b: Range<Int>)] = []
        var pairedA = Set<Int>()
        var pairedB = Set<Int>()
        for i in shortA.indices {
            let (j, score) = bestForA[i]
            guard j >= 0, score >= minimumSimilarity, bestForB[j].index == i else { continue }
            chosen.append((shortA[i], shortB[j]))
            pairedA.insert(i)
            pairedB.insert(j)
        }
        return (chosen, pairedA, pairedB)
    }

    /// The passages a stretch borders: the one that begins right after it and the one that ends
    /// right before it (spaces between them aside), as indices into the passages.
    private struct Borders {
        let after: Int?
        let before: Int?

        /// The borders of each stretch on one side (`side`) of the passages.
        ///
        /// - Complexity: O(P + s) for the P passages and s stretches (spaces skipped aside).
        static func of(
            _ stretches: [Range<Int>], _ text: NormalizedText, _ passages: [AlignedPair],
            side: KeyPath<AlignedPair, Range<Int>>
        ) -> [Borders] {
            guard !passages.isEmpty else { return stretches.map { _ in Borders(after: nil, before: nil) } }
            var starting: [Int: Int] = [:]
            var ending: [Int: Int] = [:]
            for (index, pair) in passages.enumerated() where !pair[keyPath: side].isEmpty {
                starting[pair[keyPath: side].lowerBound] = starting[pair[keyPath: side].lowerBound] ?? index
                ending[pair[keyPath: side].upperBound] = ending[pair[keyPath: side].upperBound] ?? index
            }
            return stretches.map { stretch in
                var end = stretch.upperBound
                while end < text.count && text.units[end] == 0x20 { end += 1 }
                var start = stretch.lowerBound
                while start > 0 && text.units[start - 1] == 0x20 { start -= 1 }
                return Borders(after: starting[end], before: ending[start])
            }
        }

        func shared(with other: Borders) -> Bool {
            after != nil && after == other.after || before != nil && before == other.before
        }
    }

    /// Units of a stretch that `oneReplaced` judges at most.
    static let maximumReplacedLength = 8

    /// The similarity of two short stretches of one length (4 to `maximumReplacedLength` units)
    /// that differ in one unit, (n - 1) / n; nil for others. A short heading with one character
    /// replaced (`阅读提示` → `阅读见示`) is the same heading, but its bigrams share only a third.
    ///
    /// - Complexity: O(n).
    static func oneReplaced(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Double? {
        guard x.count == y.count, x.count >= 4, x.count <= maximumReplacedLength else { return nil }
        var differ = 0
        for (u, v) in zip(x, y) where u != v {
            differ += 1
            if differ > 1 { return nil }
        }
        return differ == 1 ? Double(x.count - 1) / Double(x.count) : nil
    }

    /// The stretch right after (before) `range` with nothing but spaces between them, if any.
    private static func neighbour(
        of range: Range<Int>, in stretches: [Range<Int>], _ text: NormalizedText, forward: Bool
    ) -> Int? {
        let found =
            forward
            ? stretches.firstIndex { $0.lowerBound >= range.upperBound }
            : stretches.lastIndex { $0.upperBound <= range.lowerBound }
        guard let n = found else { return nil }
        let between = forward ? range.upperBound..<stretches[n].lowerBound : stretches[n].upperBound..<range.lowerBound
        return text.units[between].allSatisfy { $0 == 0x20 } ? n : nil
    }

    /// Sorted character bigrams (single characters for a one-unit stretch), Latin capitals read
    /// as small letters: a headline print set in capitals (`MUSEUM REOPENS`) is as alike to its
    /// web form as any version (`PassageDiff.isCapitalsForm` then finds no edit in it).
    /// Whether a stretch holds a letter, digit or ideograph. Punctuation alone (the full stop
    /// left over where one version deleted a paragraph's last clause and the other appended
    /// one) says nothing about where it belongs: it is not paired, so it stays at its edge,
    /// where `PassageSelection.drawInEdges` takes it into the edit.
    ///
    /// - Complexity: O(n), stopping at the first such unit.
    static func hasText(_ units: ArraySlice<UInt32>) -> Bool {
        units.contains {
            switch ScriptClass.of($0) {
            case .ideograph, .letter, .digit: true
            default: false
            }
        }
    }

    static func bigrams(_ units: ArraySlice<UInt32>) -> [UInt64] {
        @inline(__always) func folded(_ u: UInt32) -> UInt64 { UInt64(u &- 0x41 < 26 ? u | 0x20 : u) }
        guard units.count > 1 else { return units.map { folded($0) } }
        var grams: [UInt64] = []
        grams.reserveCapacity(units.count - 1)
        var previous = folded(units.first!)
        for u in units.dropFirst() {
            let f = folded(u)
            grams.append(previous << 32 | f)
            previous = f
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
