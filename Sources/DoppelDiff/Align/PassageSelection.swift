import DoppelText

/// Choosing, ordering and finishing passages: greedy selection without overlap, moved marks
/// from the heaviest increasing subsequence, merging of neighbours, edges drawn in to the
/// paragraph boundary.
enum PassageSelection {
    /// Keeps the best-scoring passages (matched units) that overlap no better one in A or B.
    /// A passage that overlaps loses the overlapping parts of its matches and is split where a
    /// chosen passage lies between its matches; a piece is kept when it matches at least
    /// `minimumScore` units (one whole anchor: a short headline printed elsewhere still aligns).
    ///
    /// - Complexity: O(c log c + M log p) for c candidates, M matches and p chosen passages.
    static func select(_ candidates: [AlignedPair], minimumScore: Int) -> [AlignedPair] {
        let order = candidates.indices.sorted {
            let l = candidates[$0].matchedUnits
            let r = candidates[$1].matchedUnits
            return l != r ? l > r : candidates[$0].a.lowerBound < candidates[$1].a.lowerBound
        }
        var takenA = IntervalSet()
        var takenB = IntervalSet()
        var chosen: [AlignedPair] = []
        for index in order {
            let free = candidates[index].matches.compactMap { freePart(of: $0, takenA, takenB) }
            var run: [ExactMatch] = []
            func flush() {
                defer { run.removeAll() }
                guard let first = run.first, let last = run.last else { return }
                let pair = AlignedPair(a: first.a..<last.aEnd, b: first.b..<last.bEnd, moved: false, matches: run)
                guard pair.matchedUnits >= minimumScore else { return }
                takenA.insert(pair.a)
                takenB.insert(pair.b)
                chosen.append(pair)
            }
            for m in free {
                if let last = run.last,
                    takenA.overlaps(last.aEnd..<max(last.aEnd, m.a)) || takenB.overlaps(last.bEnd..<max(last.bEnd, m.b))
                {
                    flush()
                }
                run.append(m)
            }
            flush()
        }
        return chosen.sorted { $0.a.lowerBound < $1.a.lowerBound }
    }

    /// The longest part of a match that overlaps no chosen passage on either side, if any.
    private static func freePart(of m: ExactMatch, _ takenA: IntervalSet, _ takenB: IntervalSet) -> ExactMatch? {
        var blocked: [Range<Int>] = []  // in the match's own coordinates
        for r in takenA.overlapping(m.a..<m.aEnd) {
            blocked.append(max(r.lowerBound, m.a) - m.a..<min(r.upperBound, m.aEnd) - m.a)
        }
        for r in takenB.overlapping(m.b..<m.bEnd) {
            blocked.append(max(r.lowerBound, m.b) - m.b..<min(r.upperBound, m.bEnd) - m.b)
        }
        if blocked.isEmpty { return m }
        blocked.sort { $0.lowerBound < $1.lowerBound }
        var best = 0..<0
        var cursor = 0
        for r in blocked + [m.length..<m.length] {
            if r.lowerBound - cursor > best.count { best = cursor..<r.lowerBound }
            cursor = max(cursor, r.upperBound)
        }
        guard best.count >= 4 else { return nil }
        return ExactMatch(a: m.a + best.lowerBound, b: m.b + best.lowerBound, length: best.count)
    }

    /// Marks as moved every passage outside the heaviest (by A length) subsequence whose B
    /// positions increase in A order. Ties go to the earliest passages, so the marks are the
    /// same on every run.
    ///
    /// - Precondition: `pairs` sorted by A position and disjoint in B.
    /// - Complexity: O(p log p) for p passages (a Fenwick tree of prefix maxima over B ranks).
    static func markMoved(_ pairs: inout [AlignedPair]) {
        let n = pairs.count
        guard n > 1 else { return }
        let byB = pairs.indices.sorted { pairs[$0].b.lowerBound < pairs[$1].b.lowerBound }
        var rank = [Int](repeating: 0, count: n)
        var r = 0
        for (position, i) in byB.enumerated() {
            if position > 0 && pairs[i].b.lowerBound > pairs[byB[position - 1]].b.lowerBound { r += 1 }
            rank[i] = r
        }
        // tree[x]: the best chain (weight, last passage) ending at a rank in x's Fenwick span.
        var tree = [(weight: Int, index: Int)](repeating: (0, -1), count: r + 2)
        func better(_ x: (weight: Int, index: Int), than y: (weight: Int, index: Int)) -> Bool {
            x.weight != y.weight ? x.weight > y.weight : x.index >= 0 && (y.index < 0 || x.index < y.index)
        }
        var best = [Int](repeating: 0, count: n)
        var previous = [Int](repeating: -1, count: n)
        for i in 0..<n {
            var before: (weight: Int, index: Int) = (0, -1)
            var x = rank[i]  // ranks strictly below rank[i]: Fenwick positions 1...rank[i]
            while x > 0 {
                if better(tree[x], than: before) { before = tree[x] }
                x -= x & -x
            }
            best[i] = before.weight + pairs[i].a.count
            previous[i] = before.index
            x = rank[i] + 1
            while x < tree.count {
                if better((best[i], i), than: tree[x]) { tree[x] = (best[i], i) }
                x += x & -x
            }
        }
        var keep = [Bool](repeating: false, count: n)
        var i = best.indices.max { best[$0] < best[$1] }!
        while i >= 0 {
            keep[i] = true
            i = previous[i]
        }
        for i in 0..<n { pairs[i].moved = !keep[i] }
    }

    /// Merges passages that are neighbours in both texts, have the same moved mark, and are
    /// separated by gaps that are neither too long nor one-sided: the gap is then an edit. Two
    /// exceptions, judged by `gaps` (`PassageGaps`): a gap holding a whole paragraph unrelated
    /// to the other side (another article's headline) does not join them; a gap of whole body
    /// paragraphs on one side inside one article (a paragraph added or removed) does.
    static func mergeAdjacent(_ pairs: [AlignedPair], options: AlignOptions, gaps: PassageGaps) -> [AlignedPair] {
        guard pairs.count > 1 else { return pairs }
        let byB = pairs.indices.sorted { pairs[$0].b.lowerBound < pairs[$1].b.lowerBound }
        var rank = [Int](repeating: 0, count: pairs.count)
        for (r, i) in byB.enumerated() { rank[i] = r }
        var merged: [AlignedPair] = [pairs[0]]
        var lastRank = rank[0]
        for i in 1..<pairs.count {
            let next = pairs[i]
            let last = merged.count - 1
            // Read the last passage's fields, not a copy of it: a copy would share its matches
            // and make the append below copy them, quadratic over a long run of merges.
            let (currentA, currentB) = (merged[last].a, merged[last].b)
            let gapA = next.a.lowerBound - currentA.upperBound
            let gapB = next.b.lowerBound - currentB.upperBound
            var joins = false
            if rank[i] == lastRank + 1, merged[last].moved == next.moved, gapA >= 0, gapB >= 0 {
                let rangeA = currentA.upperBound..<next.a.lowerBound
                let rangeB = currentB.upperBound..<next.b.lowerBound
                if gaps.paragraphEdit(rangeA, rangeB) {
                    joins = true
                } else {
                    joins =
                        !PassageChaining.isOneSided(gapA, gapB, options) && gapA <= 2 * options.maxGap
                        && gapB <= 2 * options.maxGap && !gaps.separates(rangeA, rangeB)
                }
            }
            if joins {
                merged[last].a = currentA.lowerBound..<next.a.upperBound
                merged[last].b = currentB.lowerBound..<next.b.upperBound
                merged[last].matches.append(contentsOf: next.matches)
            } else {
                merged.append(next)
            }
            lastRank = rank[i]
        }
        return merged
    }

    /// Cuts each passage at the gaps between its matches that hold a whole paragraph unrelated
    /// to the other side (`PassageGaps.separates`): chaining joins matches up to `maxGap` apart,
    /// across a short headline of another article as readily as across an edit.
    ///
    /// - Complexity: O(M log P) for M matches and P paragraphs, plus the gaps that hold a
    ///   paragraph on both sides.
    static func splitUnrelated(_ pairs: [AlignedPair], gaps: PassageGaps) -> [AlignedPair] {
        cut(pairs, where: gaps.separates)
    }

    /// Cuts each passage at every gap between two consecutive matches (`ga` of A, `gb` of B) for
    /// which `separates(ga, gb)` holds; the first piece keeps the passage's own start, the last
    /// its own end, and every piece keeps the passage's `moved`.
    ///
    /// - Complexity: O(M) for M matches, plus the calls of `separates`.
    static func cut(
        _ pairs: [AlignedPair], where separates: (Range<Int>, Range<Int>) -> Bool
    ) -> [AlignedPair] {
        var result: [AlignedPair] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            var run: [ExactMatch] = []
            var cuts = false
            for m in pair.matches {
                if let last = run.last, separates(last.aEnd..<m.a, last.bEnd..<m.b) {
                    let (startA, startB) = cuts ? (run[0].a, run[0].b) : (pair.a.lowerBound, pair.b.lowerBound)
                    result.append(
                        AlignedPair(a: startA..<last.aEnd, b: startB..<last.bEnd, moved: pair.moved, matches: run))
                    run.removeAll()
                    cuts = true
                }
                run.append(m)
            }
            if !cuts {
                result.append(pair)
            } else if let first = run.first {
                result.append(
                    AlignedPair(
                        a: first.a..<pair.a.upperBound, b: first.b..<pair.b.upperBound, moved: pair.moved, matches: run)
                )
            }
        }
        return result
    }

    /// Extends each passage over whole body paragraphs that follow (or precede) it on one side
    /// only, up to the next passage or the text's end (start), when the other version has
    /// nothing there (the next passage, or the end), the passage reaches into two paragraphs at
    /// least (in one version at least after it, in both before it), and its own paragraph at that end is body text on both sides: a paragraph added or removed at the end (start) of an
    /// article, reported in its pair as an edit of kind `paragraph`. The judgement of the
    /// stretch is `PassageGaps.oneSidedParagraphs`: a one-sided article has its headline with
    /// it and is not drawn in, nor is a paragraph next to a headline's passage; paragraphs
    /// between a passage and a one-sided article that follows them are judged without it
    /// (`PassageGaps.beforeOneSidedArticle`). A trailing stretch followed in both versions by the
    /// next article, its headline printed after its body in the stretch's text, is drawn in as
    /// when that article's start faces it (`nextHeadlineAfterBody`); so is a trailing stretch
    /// facing an article of the other version only (`PassageGaps.articleOpening`), which is no
    /// counterpart of it. Nothing is drawn in beside a jump line at the passage's edge
    /// (`JumpLines`: the article goes on on another page).
    ///
    /// - Complexity: O(p log p + S) for p passages and S units drawn in or looked at.
    static func drawInParagraphs(_ pairs: inout [AlignedPair], gaps: PassageGaps) {
        for inA in [true, false] {
            for trailing in [true, false] {
                let limitsA = neighbours(pairs.map(\.a), count: gaps.a.count)
                let limitsB = neighbours(pairs.map(\.b), count: gaps.b.count)
                // Which passage starts where, built on first need (few stretches get that far).
                var starts: (a: [Int: Int], b: [Int: Int])?
                func startingAt(_ i: Int, inA: Bool) -> Int? {
                    if starts == nil {
                        var byA: [Int: Int] = [:]
                        var byB: [Int: Int] = [:]
                        for (j, p) in pairs.enumerated() {
                            byA[p.a.lowerBound] = j
                            byB[p.b.lowerBound] = j
                        }
                        starts = (byA, byB)
                    }
                    return inA ? starts!.a[i] : starts!.b[i]
                }
                for i in pairs.indices where !pairs[i].a.isEmpty && !pairs[i].b.isEmpty {
                    var stretchA =
                        trailing
                        ? pairs[i].a.upperBound..<limitsA[i].upperBound : limitsA[i].lowerBound..<pairs[i].a.lowerBound
                    var stretchB =
                        trailing
                        ? pairs[i].b.upperBound..<limitsB[i].upperBound : limitsB[i].lowerBound..<pairs[i].b.lowerBound
                    // A one-sided article that follows the stretch's paragraphs stays one-sided.
                    if trailing, let cut = gaps.beforeOneSidedArticle(inA ? stretchA : stretchB, inA: inA) {
                        if inA { stretchA = cut } else { stretchB = cut }
                    }
                    let stretch = inA ? stretchA : stretchB
                    // Print may have lost the breaks inside the passage: after its end, two
                    // paragraphs in one version do; before its start (where print may have put
                    // another article's headline) both versions must have them.
                    let (spansA, spansB) = (spansParagraphs(pairs[i].a, gaps.a), spansParagraphs(pairs[i].b, gaps.b))
                    guard !stretch.isEmpty, trailing ? spansA || spansB : spansA && spansB,
                        endIsBody(pairs[i].a, gaps.a, trailing: trailing),
                        endIsBody(pairs[i].b, gaps.b, trailing: trailing)
                    else { continue }
                    // A jump line at the passage's edge (`Continued from Page 1`): print has the
                    // rest of the article on another page, so what the other version has
                    // beyond it is not a paragraph edit (`JumpLines`).
                    if trailing
                        ? JumpLines.starts(at: pairs[i].a.upperBound, in: gaps.a.units)
                            || JumpLines.starts(at: pairs[i].b.upperBound, in: gaps.b.units)
                        : JumpLines.ends(at: pairs[i].a.lowerBound, in: gaps.a.units)
                            || JumpLines.ends(at: pairs[i].b.lowerBound, in: gaps.b.units)
                    {
                        continue
                    }
                    // The passage after a trailing stretch may be this one's heading, printed
                    // after its body: in the other text it ends where this passage begins.
                    let closed =
                        trailing
                        && startingAt(stretch.upperBound, inA: inA).map { j in
                            inA
                                ? pairs[j].b.upperBound == pairs[i].b.lowerBound
                                : pairs[j].a.upperBound == pairs[i].a.lowerBound
                        } == true
                    var facing = inA ? stretchB : stretchA
                    // An article of the other version only, facing a trailing stretch, is no
                    // counterpart of it: the stretch faces nothing, and that article's start.
                    if trailing, let start = gaps.articleOpening(facing, inA: !inA) { facing = start..<start }
                    guard
                        gaps.oneSidedParagraphs(
                            stretch, inA: inA, facing: facing,
                            closedByOwnHeading: closed
                                || trailing
                                    && nextHeadlineAfterBody(
                                        pairs, after: stretch, facing: facing, inA: inA, gaps: gaps,
                                        startingAt: { startingAt($0, inA: $1) }),
                            trailing: trailing)
                    else { continue }
                    if inA {
                        pairs[i].a =
                            min(
                                pairs[i].a.lowerBound, stretchA.lowerBound)..<max(
                                pairs[i].a.upperBound, stretchA.upperBound)
                    } else {
                        pairs[i].b =
                            min(
                                pairs[i].b.lowerBound, stretchB.lowerBound)..<max(
                                pairs[i].b.upperBound, stretchB.upperBound)
                    }
                }
            }
        }
    }

    /// Whether the next article follows a trailing one-sided `stretch` in both versions, its
    /// headline printed after its body in the stretch's own text: the passage right after
    /// `facing` in the other text is a heading (not body) that there comes right before the
    /// passage that follows `stretch`, and in the stretch's text comes right after that passage.
    /// The stretch then ends its own article, as when the next article's start faces it.
    ///
    /// - Complexity: O(1) after `startingAt`'s table, plus the heading's paragraph.
    private static func nextHeadlineAfterBody(
        _ pairs: [AlignedPair], after stretch: Range<Int>, facing: Range<Int>, inA: Bool, gaps: PassageGaps,
        startingAt: (Int, Bool) -> Int?
    ) -> Bool {
        guard let heading = startingAt(facing.upperBound, !inA), let body = startingAt(stretch.upperBound, inA),
            heading != body
        else { return false }
        let (own, other) = inA ? (gaps.a, gaps.b) : (gaps.b, gaps.a)
        let headingOwn = inA ? pairs[heading].a : pairs[heading].b
        let headingOther = inA ? pairs[heading].b : pairs[heading].a
        let bodyOwn = inA ? pairs[body].a : pairs[body].b
        let bodyOther = inA ? pairs[body].b : pairs[body].a
        func blank(_ lo: Int, _ hi: Int, _ text: NormalizedText) -> Bool {
            lo <= hi && (lo..<hi).allSatisfy { text.units[$0] == 0x20 }
        }
        return !headingOther.isEmpty && !ArticleSplitter.isBody(other.units[headingOther])
            && blank(headingOther.upperBound, bodyOther.lowerBound, other)
            && blank(bodyOwn.upperBound, headingOwn.lowerBound, own)
    }

    /// Whether a range reaches into two paragraphs at least: an article's text, not a lone
    /// paragraph (text after a lone shared paragraph is no evidence of an article it belongs to).
    private static func spansParagraphs(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        !text.paragraphStarts.isEmpty
            && text.paragraphIndex(of: range.lowerBound) != text.paragraphIndex(of: range.upperBound - 1)
    }

    /// Whether the paragraph at a range's end (its last unit's, or its first unit's) is body text.
    private static func endIsBody(_ range: Range<Int>, _ text: NormalizedText, trailing: Bool) -> Bool {
        guard !text.paragraphStarts.isEmpty else { return false }
        return ArticleSplitter.isBody(
            text.units[text.paragraph(containing: trailing ? range.upperBound - 1 : range.lowerBound)])
    }

    /// For each range, the end of the ranges before it and the start of the ranges after it
    /// (0 and `count` where there are none).
    private static func neighbours(_ ranges: [Range<Int>], count: Int) -> [Range<Int>] {
        var result = ranges
        let order = ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        var previousEnd = 0
        for (position, index) in order.enumerated() {
            let nextStart = position + 1 < order.count ? ranges[order[position + 1]].lowerBound : count
            result[index] = min(previousEnd, ranges[index].lowerBound)..<max(nextStart, ranges[index].upperBound)
            previousEnd = max(previousEnd, ranges[index].upperBound)
        }
        return result
    }
}
