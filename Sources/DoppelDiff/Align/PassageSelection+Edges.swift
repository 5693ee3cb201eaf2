import DoppelIO
import DoppelText

/// A passage's edges: the unmatched text between a passage and its paragraph's boundary, drawn
/// into the passage when it is the same paragraph's first or last words, so that an edit there is
/// found like any other (`drawInEdges`).
extension PassageSelection {
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
            let start = min(range.lowerBound, max(text.paragraph(containing: range.lowerBound).lowerBound, previousEnd))
            let paragraphEnd = text.paragraph(containing: range.upperBound - 1).upperBound
            let end = max(range.upperBound, min(paragraphEnd, nextStart))
            let lower = range.lowerBound - start <= slack ? start : range.lowerBound
            let upper = end - range.upperBound <= slack ? end : range.upperBound
            result[index] = lower..<upper
        }
        return result
    }
}
