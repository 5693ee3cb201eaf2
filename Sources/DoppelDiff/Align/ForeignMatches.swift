import DoppelIO

/// Cuts a chained passage where the text it bridges has its own counterpart elsewhere.
///
/// Chaining joins two matches that are close in both texts, and so claims the text between
/// them as a pair (an edit). Templated siblings defeat that: reports that share a dateline and
/// an opening (`《新闻联播》 2024年11月6日`, `本台消息,据…`) differ only in their news, so on a
/// page where print put another sibling between two passages that are neighbours on the web,
/// the chain bridges one sibling's news in A and another's in B, and the diff then finds the
/// shared boilerplate equal and reports the dates and the news as edits. The news itself is
/// distinctive: its k-grams are unique in both texts and match the sibling's own news
/// elsewhere. A gap that holds such a distinctive match on one side, whose other side lies
/// outside the gap on the other side, is text that belongs elsewhere: the chain is cut there,
/// and selection then pairs the distinctive text with its counterpart, boilerplate and all
/// (the match grows back through the shared dateline), rather than the boilerplate deciding.
///
/// Only matches of at least `minimumLength` units inside the gap count (twice an anchor: a
/// stretch, not a phrase that happens to be unique); a match that lies inside the gap on both
/// sides is part of the gap's own alignment and cuts nothing. Where print put a sibling's
/// headline after its body, the match of the headline (unique) grows on through the shared
/// dateline (`兵团总工会…帮扶 《新闻联播》2024年11月1`) and chains into the next sibling, while
/// the match of each sibling's own news grows back through the same dateline into the
/// headline's match: such matches, beginning inside the chain's match before the gap, cut it
/// when both sides of the gap hold one (the two siblings crossed), not one side alone (a
/// sentence repeated elsewhere on the page, next to an edit).
enum ForeignMatches {
    /// `chains` with each cut at every gap between consecutive matches that holds, on one side,
    /// a match of `matches` of at least `minimumLength` units whose other side is outside the
    /// gap's other side; or, on both sides, such a match that begins inside the chain's match
    /// before the gap and has `minimumLength` units in the gap.
    ///
    /// - Precondition: each chain's matches ascending in both texts.
    /// - Complexity: O(M log M) for the M matches to index them, plus O(log M + f) per gap of
    ///   a chain for the f long matches starting inside it or inside the match before it.
    static func split(_ chains: [AlignedPair], among matches: [ExactMatch], minimumLength: Int) -> [AlignedPair] {
        guard chains.contains(where: { $0.matches.count > 1 }) else { return chains }
        let long = matches.filter { $0.length >= minimumLength }
        guard !long.isEmpty else { return chains }
        let byA = long.sorted { $0.a < $1.a }
        let byB = long.sorted { $0.b < $1.b }
        var result: [AlignedPair] = []
        result.reserveCapacity(chains.count)
        for chain in chains {
            guard chain.matches.count > 1 else {
                result.append(chain)
                continue
            }
            var run: [ExactMatch] = [chain.matches[0]]
            for m in chain.matches.dropFirst() {
                let last = run[run.count - 1]
                let gapA = last.aEnd..<max(last.aEnd, m.a)
                let gapB = last.bEnd..<max(last.bEnd, m.b)
                func foreignInA(from start: Int) -> Bool {
                    holdsForeign(gapA, gapB, byA, from: start, side: \.a, other: \.b, minimumLength: minimumLength)
                }
                func foreignInB(from start: Int) -> Bool {
                    holdsForeign(gapB, gapA, byB, from: start, side: \.b, other: \.a, minimumLength: minimumLength)
                }
                // Matches reaching back into the match before the gap count only where both
                // sides hold one: two siblings crossed, each one's news matched elsewhere.
                if foreignInA(from: gapA.lowerBound) || foreignInB(from: gapB.lowerBound)
                    || (foreignInA(from: last.a) && foreignInB(from: last.b))
                {
                    result.append(piece(run))
                    run.removeAll(keepingCapacity: true)
                }
                run.append(m)
            }
            result.append(piece(run))
        }
        return result
    }

    private static func piece(_ run: [ExactMatch]) -> AlignedPair {
        AlignedPair(
            a: run[0].a..<run[run.count - 1].aEnd, b: run[0].b..<run[run.count - 1].bEnd, moved: false, matches: run)
    }

    /// Whether a match of `sorted` (ascending by `side`) ends inside `gap` on its side, holds at
    /// least `minimumLength` units of it, and that part is not inside `otherGap` on the other.
    /// A match may begin before the gap, from `from` (the start of the chain's match before the
    /// gap) on: siblings share their dateline, so the match of one sibling's news grows back
    /// through the dateline into the chain's own match of the headline before it.
    private static func holdsForeign(
        _ gap: Range<Int>, _ otherGap: Range<Int>, _ sorted: [ExactMatch], from: Int, side: KeyPath<ExactMatch, Int>,
        other: KeyPath<ExactMatch, Int>, minimumLength: Int
    ) -> Bool {
        guard gap.count >= minimumLength else { return false }
        let lowest = min(from, gap.lowerBound)
        var i = sorted.partitioningIndex { $0[keyPath: side] >= lowest }
        while i < sorted.count && sorted[i][keyPath: side] < gap.upperBound {
            let x = sorted[i]
            i += 1
            let start = x[keyPath: side]
            let end = start + x.length
            // The part of the match inside the gap, and where it lies on the other side.
            let skip = max(0, gap.lowerBound - start)
            guard end <= gap.upperBound, end - start - skip >= minimumLength else { continue }
            let otherStart = x[keyPath: other] + skip
            if !(otherStart >= otherGap.lowerBound && x[keyPath: other] + x.length <= otherGap.upperBound) {
                return true
            }
        }
        return false
    }
}
