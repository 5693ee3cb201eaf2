import DoppelText

/// What the text between two passages (or between two matches of one passage) is on the page:
/// an edit, text of other articles, or paragraphs that one version has and the other has not.
///
/// - A gap that holds a whole paragraph on either side is an edit only when its two sides are
///   versions of each other (they share at least a third of their characters); otherwise it is
///   unrelated text (the headline of one article facing the headline of another, or a headline
///   between two passages that are neighbours in the other text, where print put headlines
///   after their body), and the passages on either side are not joined across it: each side is
///   text of its own, aligned elsewhere or reported as one-sided.
/// - A gap that is whole body paragraphs on **one** side (nothing, or a few units, on the other)
///   and lies inside one article on both sides (no article starts there, by `ArticleSplitter`,
///   the article model `cluster --split articles` uses) is a paragraph added or removed inside
///   the article: the passages are joined across it, and the diff reports it as an edit of kind
///   `paragraph`.
///
/// Shorter gaps inside a paragraph are edits whatever they hold (a reworded clause).
final class PassageGaps {
    let a: NormalizedText
    let b: NormalizedText
    private var startsA: [Int]?
    private var startsB: [Int]?

    init(_ a: NormalizedText, _ b: NormalizedText) {
        self.a = a
        self.b = b
    }

    /// Units of the near-empty side of a paragraph gap at most.
    static let paragraphGapSlack = 8
    /// Units of a paragraph gap at most (a long paragraph, or two).
    static let paragraphGapLimit = 1_500

    /// True when the gaps `ga` of A and `gb` of B are not an edit between two versions: one of
    /// them holds a whole paragraph, the two share less than a third of their characters, and
    /// they are not a paragraph added or removed inside an article (`paragraphEdit`). Another
    /// article's headline facing this one's, or a headline printed between two passages that
    /// are neighbours in the other text, is text of its own.
    ///
    /// - Complexity: O(log P) for P paragraphs, plus O(|ga| + |gb|) when a side holds a
    ///   paragraph.
    func separates(_ ga: Range<Int>, _ gb: Range<Int>) -> Bool {
        guard holdsParagraph(ga, a) || holdsParagraph(gb, b) else { return false }
        if PassageGaps.shareCharacters(a.units[ga], b.units[gb], emptyShares: false) { return false }
        return !paragraphEdit(ga, gb)
    }

    /// True when one gap is whole body paragraphs inside one article and the other is at most
    /// `paragraphGapSlack` units: a paragraph added or removed inside an aligned article.
    ///
    /// - Complexity: O(log P + gap) after the articles of both texts are found once (O(n + m)).
    func paragraphEdit(_ ga: Range<Int>, _ gb: Range<Int>) -> Bool {
        if trimmed(ga, a).isEmpty && !trimmed(gb, b).isEmpty {
            return gb.count <= PassageGaps.paragraphGapLimit && wholeBodyParagraphs(gb, b, starts: articleStartsB)
                && !articleStartsA.contains(at: ga.lowerBound...ga.upperBound)
        }
        if trimmed(gb, b).isEmpty && !trimmed(ga, a).isEmpty {
            return ga.count <= PassageGaps.paragraphGapLimit && wholeBodyParagraphs(ga, a, starts: articleStartsA)
                && !articleStartsB.contains(at: gb.lowerBound...gb.upperBound)
        }
        let small = min(ga.count, gb.count)
        guard small <= PassageGaps.paragraphGapSlack else { return false }
        return ga.count > gb.count
            ? ga.count <= PassageGaps.paragraphGapLimit && containsWholeBodyParagraph(ga, a, starts: articleStartsA)
                && !articleStartsB.contains(at: gb.lowerBound...gb.upperBound)
            : gb.count <= PassageGaps.paragraphGapLimit && containsWholeBodyParagraph(gb, b, starts: articleStartsB)
                && !articleStartsA.contains(at: ga.lowerBound...ga.upperBound)
    }

    private var articleStartsA: [Int] {
        if let s = startsA { return s }
        let s = ArticleSplitter.split(a).map(\.range.lowerBound)
        startsA = s
        return s
    }

    private var articleStartsB: [Int] {
        if let s = startsB { return s }
        let s = ArticleSplitter.split(b).map(\.range.lowerBound)
        startsB = s
        return s
    }

    /// `range` without spaces at either end.
    private func trimmed(_ range: Range<Int>, _ text: NormalizedText) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && text.units[lo] == 0x20 { lo += 1 }
        while hi > lo && text.units[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }

    /// Whether some paragraph lies wholly inside `range`.
    private func holdsParagraph(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        guard !range.isEmpty, !text.paragraphStarts.isEmpty else { return false }
        let p = text.paragraphIndex(of: range.lowerBound)
        let first = text.paragraphStarts[p] == range.lowerBound ? p : p + 1
        guard first < text.paragraphStarts.count else { return false }
        let end = first + 1 < text.paragraphStarts.count ? text.paragraphStarts[first + 1] : text.count
        return text.paragraphStarts[first] >= range.lowerBound && end <= range.upperBound
    }

    /// Whether `range` (spaces aside) begins at a paragraph start and ends at a paragraph end,
    /// every paragraph in it is body text (`ArticleSplitter.isBody`), and no article starts in it.
    private func wholeBodyParagraphs(_ range: Range<Int>, _ text: NormalizedText, starts: [Int]) -> Bool {
        let r = trimmed(range, text)
        guard !r.isEmpty, isBoundary(r.lowerBound, text), isBoundary(r.upperBound, text) else { return false }
        guard !starts.contains(at: r.lowerBound...r.upperBound - 1) else { return false }
        return text.paragraphRanges(in: r).allSatisfy { ArticleSplitter.isBody(text.units[$0]) }
    }

    /// Whether `range` holds a whole body paragraph and what surrounds it inside `range` is short.
    private func containsWholeBodyParagraph(_ range: Range<Int>, _ text: NormalizedText, starts: [Int]) -> Bool {
        let pieces = text.paragraphRanges(in: trimmed(range, text))
        guard pieces.count >= 2 else { return false }
        let inner = pieces.filter { isBoundary($0.lowerBound, text) && isBoundary($0.upperBound, text) }
        let outer = range.count - inner.reduce(0) { $0 + $1.count }
        guard !inner.isEmpty, outer <= PassageGaps.paragraphGapSlack else { return false }
        let span = inner.first!.lowerBound..<inner.last!.upperBound
        return !starts.contains(at: span.lowerBound...span.upperBound - 1)
            && inner.allSatisfy { ArticleSplitter.isBody(text.units[$0]) }
    }

    private func isBoundary(_ i: Int, _ text: NormalizedText) -> Bool {
        if i == 0 || i == text.count { return true }
        return text.paragraphStarts[text.paragraphIndex(of: i)] == i
    }

    /// Whether two stretches share at least a third of the characters of the longer one
    /// (counted with repeats, spaces aside): versions of each other, not two unrelated texts.
    /// An empty stretch shares with anything when `emptyShares`.
    ///
    /// - Complexity: O(|x| + |y|).
    static func shareCharacters(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, emptyShares: Bool = true) -> Bool {
        if x.isEmpty || y.isEmpty { return emptyShares }
        var counts: [UInt32: Int] = [:]
        counts.reserveCapacity(x.count)
        for u in x where u != 0x20 { counts[u, default: 0] += 1 }
        var shared = 0
        for u in y where u != 0x20 {
            if let c = counts[u], c > 0 {
                counts[u] = c - 1
                shared += 1
            }
        }
        return shared * 3 >= max(x.count, y.count)
    }
}

extension Array where Element == Int {
    /// Whether a sorted array holds a value in `range`.
    fileprivate func contains(at range: ClosedRange<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] <= range.upperBound
    }
}
