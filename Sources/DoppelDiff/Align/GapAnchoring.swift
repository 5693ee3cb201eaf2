import DoppelText

/// A second look between the passages that are in order: anchors counted unique within each gap
/// alone, the recursion of patience diff.
///
/// Text built from repeated sentences (boilerplate, a running list, a generated corpus) has few
/// k-grams unique in the whole of both texts, so the first search leaves long stretches between
/// its passages although they agree almost word for word. Between two consecutive in-order
/// passages, a k-gram repeated elsewhere in the text is often unique in the gap on each side; it
/// anchors the stretch there. A gap with no anchor at all whose two sides are alike
/// (`Aligner.alike`) becomes one passage, compared whole by the diff.
/// Each round searches only the gaps that the previous round changed, so the cost is that of the
/// first search times the number of rounds at most.
enum GapAnchoring {
    /// Rounds at most; each finds passages only in the gaps the previous one left.
    static let maximumRounds = 16

    /// `pairs` (sorted by A, moved marked) with the passages found in the gaps added, sorted by
    /// A and moved marked again. A passage found in a gap must match at least `2 × k` units, so a
    /// phrase shared by two unrelated paragraphs that lie opposite each other does not pair them.
    ///
    /// - Complexity: per round O(g log g) for the g units of the gaps searched; at most
    ///   `maximumRounds` rounds.
    static func refine(
        _ pairs: [AlignedPair], _ a: NormalizedText, _ b: NormalizedText, k: Int,
        options: AlignOptions
    ) -> [AlignedPair] {
        var pairs = pairs
        // The whole texts were searched by the first look.
        var searched: Set<Gap> = [Gap(a: 0..<a.count, b: 0..<b.count)]
        for _ in 0..<maximumRounds {
            let takenA = IntervalSet(
                sorted: pairs.map(\.a).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound })
            let takenB = IntervalSet(
                sorted: pairs.map(\.b).filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound })
            var found: [AlignedPair] = []
            for gap in gaps(between: pairs.filter { !$0.moved }, a.count, b.count)
            where gap.a.count >= k && gap.b.count >= k && searched.insert(gap).inserted {
                let freeA = takenA.gaps(in: gap.a)
                let freeB = takenB.gaps(in: gap.b)
                let segmentsA = freeA.flatMap { a.paragraphRanges(in: $0) }
                let segmentsB = freeB.flatMap { b.paragraphRanges(in: $0) }
                let sampling = gap.a.count + gap.b.count > options.samplingAbove ? options.sampling : 1
                let matches = AnchorMatching.matches(
                    a.units, segmentsA, b.units, segmentsB, k: k,
                    sampling: sampling)
                let passages =
                    matches.isEmpty
                    ? []
                    : PassageSelection.select(
                        ForeignMatches.split(
                            PassageChaining.chain(matches, options: options), among: matches, minimumLength: 2 * k),
                        minimumScore: 2 * k)
                if !passages.isEmpty {
                    found += passages
                } else if freeA == [gap.a], freeB == [gap.b],
                    Aligner.alike(a.units[gap.a], b.units[gap.b], k: k, shortAreAlike: false)
                {
                    // Too repetitive for any anchor, yet alike: one passage, compared whole by the
                    // diff within its budget (as patience diff falls back to Myers).
                    found.append(AlignedPair(a: gap.a, b: gap.b, moved: false, matches: []))
                }
            }
            if found.isEmpty { break }
            pairs = (pairs + found).sorted { $0.a.lowerBound < $1.a.lowerBound }
            PassageSelection.markMoved(&pairs)
        }
        return pairs
    }

    /// The stretches of A and B between two consecutive passages of `inOrder`, and before the
    /// first and after the last.
    struct Gap: Hashable {
        var a: Range<Int>
        var b: Range<Int>
    }

    /// - Precondition: `inOrder` ascending in both texts.
    static func gaps(between inOrder: [AlignedPair], _ countA: Int, _ countB: Int) -> [Gap] {
        var result: [Gap] = []
        result.reserveCapacity(inOrder.count + 1)
        var startA = 0
        var startB = 0
        for pair in inOrder {
            result.append(Gap(a: startA..<max(startA, pair.a.lowerBound), b: startB..<max(startB, pair.b.lowerBound)))
            startA = max(startA, pair.a.upperBound)
            startB = max(startB, pair.b.upperBound)
        }
        result.append(Gap(a: startA..<max(startA, countA), b: startB..<max(startB, countB)))
        return result
    }
}
