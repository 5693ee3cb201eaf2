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

    /// Extends each passage over unmatched text at its edges, up to the paragraph boundary, when
    /// that stretch is at most `slack` units (`twoSidedSlack`, when given, for a stretch with
    /// text on both sides: the aligner's is three times `slack` in alphabetic text, where a
    /// clause takes three times the units), belongs to no other passage, and is either on one
    /// side only, or reaches the paragraph boundary on both sides (the same paragraph's first or
    /// last words: an edit there is an edit, the text's first and last characters included; a
    /// sentence end facing the other version's boundary counts, `PassageGaps.isParagraphEdge`), or
    /// shares at least a third of its characters with the stretch on the other side (so an edited
    /// first word is drawn in, an unrelated neighbouring headline is not).
    /// A one-sided stretch that `elsewhere` says the other text has unaligned elsewhere (a
    /// headline print joined to the line after another article's headline) is not drawn in, nor
    /// a stretch at an edge beside a jump line, or holding one, or followed by one that sends the
    /// reader on, or running up to a passage that the other version resumes after a jump line
    /// (continues elsewhere before one) (`JumpLines`: print continues the article on another page).
    static func drawInEdges(
        _ pairs: inout [AlignedPair], a: NormalizedText, b: NormalizedText, slack: Int, twoSidedSlack: Int? = nil,
        elsewhere: (Range<Int>, Range<Int>) -> Bool = { _, _ in false }
    ) {
        // Which passage ends (for leading edges) or starts (trailing) where, built on first need.
        var neighbour: (a: [Int: Int], b: [Int: Int])?
        // The passages' ranges in each text, in order, built on first need.
        var sorted: (a: [Range<Int>], b: [Range<Int>])?
        func lowerFirst(_ x: Range<Int>, _ y: Range<Int>) -> Bool { x.lowerBound < y.lowerBound }
        // A jump line at the edge (`（下转第4版）`): print continues the article elsewhere, and
        // what the other version has there is no edit (`JumpLines`).
        func besideJump(_ i: Int, _ stretchA: Range<Int>, _ stretchB: Range<Int>, leading: Bool) -> Bool {
            if leading {
                // Or one that continues an article right before the stretch: print resumed the
                // article there, and the stretch is its first letters (a drop cap, `Continued
                // from Page 1` / `P` / `arents`); after `（下转第8版）` the next article begins.
                if JumpLines.ends(at: pairs[i].a.lowerBound, in: a.units)
                    || JumpLines.ends(at: pairs[i].b.lowerBound, in: b.units)
                    || JumpLines.endsResuming(at: stretchA.lowerBound, in: a.units)
                    || JumpLines.endsResuming(at: stretchB.lowerBound, in: b.units)
                {
                    return true
                }
            } else if JumpLines.starts(at: pairs[i].a.upperBound, in: a.units)
                || JumpLines.starts(at: pairs[i].b.upperBound, in: b.units)
                // A line that sends the reader on, right after the stretch: the last words of
                // the cut (`…short-` / `stay` / `Continued on Page 5`). A line that continues
                // the next article from elsewhere (`（上接第1版）`) is that article's.
                || JumpLines.startsClosing(at: stretchA.upperBound, in: a.units)
                || JumpLines.startsClosing(at: stretchB.upperBound, in: b.units)
            {
                return true
            }
            if JumpLines.occurs(in: stretchA, of: a.units) || JumpLines.occurs(in: stretchB, of: b.units) {
                return true
            }
            // The stretch runs up to a passage that the other text resumes after a jump line
            // (`（上接第1版）`), or follows one that it continues elsewhere: print's cut.
            if neighbour == nil {
                var byA: [Int: Int] = [:]
                var byB: [Int: Int] = [:]
                for (j, p) in pairs.enumerated() {
                    byA[leading ? p.a.upperBound : p.a.lowerBound] = j
                    byB[leading ? p.b.upperBound : p.b.lowerBound] = j
                }
                neighbour = (byA, byB)
            }
            let (endA, endB) =
                leading ? (stretchA.lowerBound, stretchB.lowerBound) : (stretchA.upperBound, stretchB.upperBound)
            if let j = neighbour!.a[endA], j != i {
                if leading
                    ? JumpLines.startsClosing(at: pairs[j].b.upperBound, in: b.units)
                    : JumpLines.endsResuming(at: pairs[j].b.lowerBound, in: b.units)
                {
                    return true
                }
            }
            if let j = neighbour!.b[endB], j != i {
                return leading
                    ? JumpLines.startsClosing(at: pairs[j].a.upperBound, in: a.units)
                    : JumpLines.endsResuming(at: pairs[j].a.lowerBound, in: a.units)
            }
            return false
        }
        // Stretches on both sides first, so an edited first word is not taken as a one-sided
        // tail of the passage before it; leading edges, then trailing, each from fresh limits.
        for oneSided in [false, true] {
            for leading in [true, false] {
                neighbour = nil
                sorted = nil
                let limit = oneSided ? slack : twoSidedSlack ?? slack
                let edgesA = edges(pairs.map(\.a), text: a, slack: limit)
                let edgesB = edges(pairs.map(\.b), text: b, slack: limit)
                // Where each passage ends (a leading stretch) or begins (a trailing one), on each side.
                var besideA: [Int: Int] = [:]
                var besideB: [Int: Int] = [:]
                if !oneSided {
                    for (j, p) in pairs.enumerated() where !p.a.isEmpty && !p.b.isEmpty {
                        besideA[leading ? p.a.upperBound : p.a.lowerBound] = j
                        besideB[leading ? p.b.upperBound : p.b.lowerBound] = j
                    }
                }
                // A break print lost after a heading (the heading filled its line, or lines are
                // not told apart): the passage before the stretch in one version ends where the
                // other version's paragraph ends (after it begins, where it begins), and the
                // other version's stretch is at a paragraph edge.
                func lostBreak(_ edge: Int, _ other: Int, inA: Bool) -> Bool {
                    guard let j = (inA ? besideA : besideB)[edge] else { return false }
                    let facing = inA ? pairs[j].b : pairs[j].a
                    let (text, otherText) = inA ? (b, a) : (a, b)
                    return PassageGaps.isBoundary(leading ? facing.upperBound : facing.lowerBound, text)
                        && PassageGaps.isBoundary(other, text) && !PassageGaps.isBoundary(edge, otherText)
                }
                for i in pairs.indices {
                    let stretchA =
                        leading
                        ? edgesA[i].lowerBound..<pairs[i].a.lowerBound
                        : pairs[i].a.upperBound..<edgesA[i].upperBound
                    let stretchB =
                        leading
                        ? edgesB[i].lowerBound..<pairs[i].b.lowerBound
                        : pairs[i].b.upperBound..<edgesB[i].upperBound
                    if stretchA.isEmpty && stretchB.isEmpty { continue }
                    if (stretchA.isEmpty || stretchB.isEmpty) != oneSided { continue }
                    // A paragraph edge on both sides, a break print lost judged with the other
                    // version's help (a sentence end facing its paragraph boundary).
                    let (edgeA, edgeB) =
                        leading
                        ? (stretchA.lowerBound, stretchB.lowerBound) : (stretchA.upperBound, stretchB.upperBound)
                    let bounded =
                        PassageGaps.isParagraphEdge(edgeA, a, facing: edgeB, b, start: leading)
                        && PassageGaps.isParagraphEdge(edgeB, b, facing: edgeA, a, start: leading)
                        || lostBreak(edgeB, edgeA, inA: false) || lostBreak(edgeA, edgeB, inA: true)
                    guard bounded || alike(stretchA, a, stretchB, b) else { continue }
                    if besideJump(i, stretchA, stretchB, leading: leading) { continue }
                    if oneSided && elsewhere(stretchA, stretchB) { continue }
                    if oneSided && headingEdge(pairs[i], a, b, leading: leading) {
                        if sorted == nil {
                            sorted = (pairs.map(\.a).sorted(by: lowerFirst), pairs.map(\.b).sorted(by: lowerFirst))
                        }
                        if stretchB.isEmpty
                            ? opensOneSidedText(stretchA, a, covered: sorted!.a, leading: leading, slack: slack)
                            : opensOneSidedText(stretchB, b, covered: sorted!.b, leading: leading, slack: slack)
                        {
                            continue
                        }
                    }
                    pairs[i].a =
                        min(
                            pairs[i].a.lowerBound, stretchA.lowerBound)..<max(
                            pairs[i].a.upperBound, stretchA.upperBound)
                    pairs[i].b =
                        min(
                            pairs[i].b.lowerBound, stretchB.lowerBound)..<max(
                            pairs[i].b.upperBound, stretchB.upperBound)
                }
            }
        }
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
        let p = text.paragraphIndex(of: trailing ? range.upperBound - 1 : range.lowerBound)
        let start = text.paragraphStarts[p]
        let end = p + 1 < text.paragraphStarts.count ? text.paragraphStarts[p + 1] : text.count
        return ArticleSplitter.isBody(text.units[start..<end])
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

    private static func alike(_ ra: Range<Int>, _ a: NormalizedText, _ rb: Range<Int>, _ b: NormalizedText) -> Bool {
        if ra.isEmpty || rb.isEmpty { return true }
        var counts: [UInt32: Int] = [:]
        for u in a.units[ra] { counts[u, default: 0] += 1 }
        var shared = 0
        for u in b.units[rb] {
            if let c = counts[u], c > 0 {
                counts[u] = c - 1
                shared += 1
            }
        }
        return shared * 3 >= max(ra.count, rb.count)
    }

    /// For each range, how far it could grow on each side: to its paragraph's boundary when that
    /// is at most `slack` away and no other range is in between.
    private static func edges(_ ranges: [Range<Int>], text: NormalizedText, slack: Int) -> [Range<Int>] {
        var result = ranges
        let order = ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        for (position, index) in order.enumerated() {
            let range = ranges[index]
            guard !range.isEmpty else { continue }
            let previousEnd = position > 0 ? ranges[order[position - 1]].upperBound : 0
            let nextStart = position + 1 < order.count ? ranges[order[position + 1]].lowerBound : text.count
            let p = text.paragraphIndex(of: range.lowerBound)
            let paragraphStart = text.paragraphStarts.isEmpty ? 0 : text.paragraphStarts[p]
            let start = min(range.lowerBound, max(paragraphStart, previousEnd))
            let q = text.paragraphIndex(of: range.upperBound - 1)
            let paragraphEnd = q + 1 < text.paragraphStarts.count ? text.paragraphStarts[q + 1] : text.count
            let end = max(range.upperBound, min(paragraphEnd, nextStart))
            let lower = range.lowerBound - start <= slack ? start : range.lowerBound
            let upper = end - range.upperBound <= slack ? end : range.upperBound
            result[index] = lower..<upper
        }
        return result
    }
}
