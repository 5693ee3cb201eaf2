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
    /// `paragraphGapSlack` units: a paragraph added or removed inside an aligned article. The
    /// paragraph's edges are judged with the other version's help (`isParagraphEdge`): print
    /// loses a paragraph break where a paragraph's last line is full.
    ///
    /// - Complexity: O(log P + gap) after the articles of both texts are found once (O(n + m)).
    func paragraphEdit(_ ga: Range<Int>, _ gb: Range<Int>) -> Bool {
        if trimmed(ga, a).isEmpty && !trimmed(gb, b).isEmpty {
            return gb.count <= PassageGaps.paragraphGapLimit
                && wholeBodyParagraphs(gb, b, starts: { self.articleStartsB }, facing: ga, a, inside: true)
                && !startsArticle(ga, a, articleStartsA)
        }
        if trimmed(gb, b).isEmpty && !trimmed(ga, a).isEmpty {
            return ga.count <= PassageGaps.paragraphGapLimit
                && wholeBodyParagraphs(ga, a, starts: { self.articleStartsA }, facing: gb, b, inside: true)
                && !startsArticle(gb, b, articleStartsB)
        }
        let small = min(ga.count, gb.count)
        guard small <= PassageGaps.paragraphGapSlack else { return false }
        return ga.count > gb.count
            ? ga.count <= PassageGaps.paragraphGapLimit
                && paragraphsBesideEdit(ga, a, starts: articleStartsA, facing: trimmed(gb, b), b)
                && !startsArticle(gb, b, articleStartsB)
            : gb.count <= PassageGaps.paragraphGapLimit
                && paragraphsBesideEdit(gb, b, starts: articleStartsB, facing: trimmed(ga, a), a)
                && !startsArticle(ga, a, articleStartsA)
    }

    /// True when `stretch` of A (`inA`) or of B is whole body paragraphs of one article, at most
    /// `paragraphGapLimit` units, that the other version has nothing of at `facing` (an empty
    /// or white range): a paragraph added or removed at the start or end of an aligned passage.
    /// An article starting at `facing` separates them, unless `closedByOwnHeading`: what follows
    /// the stretch is the passage's own heading, printed after its body; or unless the stretch
    /// is `trailing` and its article ends right after it on its own side (the text ends, the
    /// next article starts, or a heading follows) while the next article starts at the end of
    /// `facing` (a paragraph added after an article's last paragraph, the next article
    /// following in both versions, or the page ending in the one that has the paragraph).
    ///
    /// - Complexity: O(log P + stretch).
    func oneSidedParagraphs(
        _ stretch: Range<Int>, inA: Bool, facing: Range<Int>, closedByOwnHeading: Bool, trailing: Bool = false
    ) -> Bool {
        let (text, other) = inA ? (a, b) : (b, a)
        guard trimmed(facing, other).isEmpty, !trimmed(stretch, text).isEmpty,
            stretch.count <= PassageGaps.paragraphGapLimit
        else { return false }
        let starts = { inA ? self.articleStartsA : self.articleStartsB }
        guard wholeBodyParagraphs(stretch, text, starts: starts, facing: facing, other) else { return false }
        let otherStarts = inA ? articleStartsB : articleStartsA
        if closedByOwnHeading || !startsArticle(facing, other, otherStarts) { return true }
        // Both versions go on with the next article right there: the stretch ends its own.
        return trailing && endsArticle(at: stretch.upperBound, text, starts: starts)
            && facing.upperBound < other.count && otherStarts.contains(at: facing.upperBound...facing.upperBound)
            && (facing.isEmpty || !otherStarts.contains(at: facing.lowerBound...facing.upperBound - 1))
    }

    /// The part of a one-sided `stretch` that trails a passage before the first article that
    /// starts inside it, when that article opens with a heading and has a body paragraph of its
    /// own in the stretch: a paragraph added at the end of an article that an article of this
    /// version only follows (its headline printed first). Where the article model starts no
    /// article inside the stretch, its first heading between two body paragraphs is taken for
    /// one (`headingOpening`). Nil when neither is there, or the article that starts has no
    /// body there (a headline printed after its body, which the stretch's paragraphs may be).
    ///
    /// - Complexity: O(log P + the article's first paragraphs).
    func beforeOneSidedArticle(_ stretch: Range<Int>, inA: Bool) -> Range<Int>? {
        let text = inA ? a : b
        let r = trimmed(stretch, text)
        guard r.count >= 2, !text.paragraphStarts.isEmpty else { return nil }
        let starts = inA ? articleStartsA : articleStartsB
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo < starts.count, starts[lo] < r.upperBound else {
            return headingOpening(r, text).map { stretch.lowerBound..<$0 }
        }
        let start = starts[lo]
        let pieces = text.paragraphRanges(in: start..<r.upperBound)
        guard pieces.count >= 2, pieces[0].lowerBound == start, !ArticleSplitter.isBody(text.units[pieces[0]]),
            pieces.dropFirst().contains(where: { ArticleSplitter.isBody(text.units[$0]) })
        else { return nil }
        return stretch.lowerBound..<start
    }

    /// The start of the first heading in `r` (within `paragraphGapLimit` units) that follows a
    /// body paragraph and is followed by one: an article of its own, which the article model
    /// does not start where a single headline opens it (no kicker, no byline).
    private func headingOpening(_ r: Range<Int>, _ text: NormalizedText) -> Int? {
        let pieces = text.paragraphRanges(
            in: r.lowerBound..<min(r.upperBound, r.lowerBound + PassageGaps.paragraphGapLimit))
        guard pieces.count >= 3 else { return nil }
        let body = pieces.map { ArticleSplitter.isBody(text.units[$0]) }
        for i in 1..<pieces.count - 1
        where !body[i] && body[i - 1] && body[i + 1] && isBoundary(pieces[i].lowerBound, text) {
            return pieces[i].lowerBound
        }
        return nil
    }

    /// Whether the article before unit `i` of `text` ends there: the text ends (spaces aside),
    /// the next article starts, or a heading follows (the next article's kicker or headline).
    private func endsArticle(at i: Int, _ text: NormalizedText, starts: () -> [Int]) -> Bool {
        var k = i
        while k < text.count && text.units[k] == 0x20 { k += 1 }
        if k == text.count { return true }
        guard !text.paragraphStarts.isEmpty, PassageGaps.isBoundary(k, text) else { return false }
        return !ArticleSplitter.isBody(text.units[k..<text.paragraph(containing: k).upperBound])
            || starts().contains(at: i...k)
    }

    /// The start of `range` of A (`inA`) or of B (spaces aside) when the range opens with a
    /// heading and has a body paragraph: unaligned text there is an article of its own version
    /// (print put an article there that the web page has not, or the reverse), not the
    /// counterpart of what the other version has facing it. The article model is not asked: on
    /// a print page it may read the article's headings as the previous article's, printed after
    /// its body.
    ///
    /// - Complexity: O(log P + the range's paragraphs).
    func articleOpening(_ range: Range<Int>, inA: Bool) -> Int? {
        let text = inA ? a : b
        let r = trimmed(range, text)
        guard r.count >= 2, !text.paragraphStarts.isEmpty, PassageGaps.isBoundary(r.lowerBound, text) else {
            return nil
        }
        let pieces = text.paragraphRanges(in: r)
        guard pieces.count >= 2, !ArticleSplitter.isBody(text.units[pieces[0]]),
            pieces.dropFirst().contains(where: { ArticleSplitter.isBody(text.units[$0]) })
        else { return nil }
        return r.lowerBound
    }

    /// Whether an article starts in the stretch of a few units (or none) that faces a one-sided
    /// paragraph, its ends included, unless the stretch follows a heading or byline: a paragraph
    /// after a headline is that article's first, wherever the article model put the boundary
    /// (on a print page it takes a headline for one printed after its body).
    private func startsArticle(_ range: Range<Int>, _ text: NormalizedText, _ starts: [Int]) -> Bool {
        guard starts.contains(at: range.lowerBound...range.upperBound) else { return false }
        if range.count >= 2 && starts.contains(at: range.lowerBound + 1...range.upperBound - 1) { return true }
        return !followsHeading(trimmed(range, text).lowerBound, text)
    }

    /// Whether the paragraph before unit `i` is a heading or a byline (not body text).
    private func followsHeading(_ i: Int, _ text: NormalizedText) -> Bool {
        guard i > 0, !text.paragraphStarts.isEmpty else { return false }
        return !ArticleSplitter.isBody(text.units[text.paragraph(containing: i - 1)])
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

    /// Whether `range` (spaces aside) begins at a paragraph start and ends at a paragraph end
    /// (`isParagraphEdge`, with the other version's `facing` stretch), every paragraph in it is
    /// body text (`ArticleSplitter.isBody`) that ends a sentence (a long headline joined to its
    /// byline ends none), and no article starts in it (at its first unit it may, after a heading:
    /// the article model takes a headline on a print page for one printed after its body).
    /// `inside`: the range lies between two passages that are neighbours in the other version;
    /// there an article may start at its first paragraph when that opens with a credit
    /// (`本报讯(记者…)`, the dispatch credit of an article's first paragraph) and the article goes
    /// on after the range (body text follows, no article starts there): the other version,
    /// which has not that paragraph, goes on with the same article.
    private func wholeBodyParagraphs(
        _ range: Range<Int>, _ text: NormalizedText, starts: () -> [Int], facing: Range<Int>,
        _ other: NormalizedText, inside: Bool = false
    ) -> Bool {
        let r = trimmed(range, text)
        let f = trimmed(facing, other)
        guard !r.isEmpty, f.isEmpty,
            PassageGaps.isParagraphEdge(r.lowerBound, text, facing: f.lowerBound, other, start: true),
            PassageGaps.isParagraphEdge(r.upperBound, text, facing: f.upperBound, other, start: false)
        else { return false }
        guard
            text.paragraphRanges(in: r).allSatisfy({
                ArticleSplitter.isBody(text.units[$0]) && PassageGaps.endsSentence(text.units[$0])
            })
        else { return false }
        // An article the model starts right after a heading starts with the heading's article.
        // The articles are found last, and only once: most stretches fail the cheaper tests.
        let starts = starts()
        let first =
            followsHeading(r.lowerBound, text) || inside && opensArticleGoingOn(r, text, starts: starts)
            ? r.lowerBound + 1 : r.lowerBound
        return first >= r.upperBound || !starts.contains(at: first...r.upperBound - 1)
    }

    /// Whether `r`'s first paragraph opens with a credit and the article it opens goes on after
    /// `r`: the paragraph there is body text and no article starts there.
    private func opensArticleGoingOn(_ r: Range<Int>, _ text: NormalizedText, starts: [Int]) -> Bool {
        guard ArticleSplitter.startsWithCredit(text.units[r.lowerBound..<min(r.upperBound, r.lowerBound + 16)])
        else { return false }
        var k = r.upperBound
        while k < text.count && text.units[k] == 0x20 { k += 1 }
        guard k < text.count, PassageGaps.isBoundary(k, text), !starts.contains(at: r.upperBound...k) else {
            return false
        }
        return ArticleSplitter.isBody(text.units[k..<text.paragraph(containing: k).upperBound])
    }

    /// Whether unit `i` of `text` is a paragraph edge: a paragraph boundary of `text`, or a
    /// sentence end (the start of a stretch after one, or the end of a stretch ending one) where
    /// the other version has a paragraph boundary at `j`. Print loses a paragraph break where a
    /// paragraph's last line is full (nothing marks the new paragraph when lines are not
    /// indented); the version that kept the break tells where it was.
    ///
    /// - Complexity: O(log P), plus the spaces before `i`.
    static func isParagraphEdge(
        _ i: Int, _ text: NormalizedText, facing j: Int, _ other: NormalizedText, start: Bool
    ) -> Bool {
        if isBoundary(i, text) { return true }
        guard isBoundary(j, other) else { return false }
        var k = i
        if start {
            while k > 0 && text.units[k - 1] == 0x20 { k -= 1 }
        }
        return k > 0 && endsSentence(text.units[..<k])
    }

    /// Whether a stretch ends with a sentence end (`。！？!?.…`), a closing quote or bracket aside.
    static func endsSentence(_ units: ArraySlice<UInt32>) -> Bool {
        var end = units.endIndex
        while end > units.startIndex, [0x22, 0x27, 0x29, 0x201D, 0x2019, 0xFF09].contains(units[end - 1]) { end -= 1 }
        guard end > units.startIndex else { return false }
        switch units[end - 1] {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0x2E: return true
        default: return false
        }
    }

    /// Units of text beside a paragraph gap's paragraphs at most: an edit at the end of the
    /// paragraph before them or at the start of the one after (a clause appended before the
    /// final full stop), as `AlignOptions.edgeSlack` draws in at a passage's edge.
    static let besideSlack = 40

    /// Whether `range` is whole body paragraphs P with at most `besideSlack` units before and
    /// after them in all (X + P + Y): X the end of the paragraph before P, Y the start of the
    /// one after, each inside one paragraph; the other version's gap (`facing`, a few units)
    /// is the edit of X or Y. P's edges are judged with the other version's help, as
    /// `isParagraphEdge` does: where print lost the break between X and P (or P and Y), a
    /// sentence end is one when the other gap begins or ends at a paragraph boundary. No article
    /// starts in P, and the other gap holds no jump line.
    ///
    /// - Complexity: O(besideSlack log P + |range|).
    private func paragraphsBesideEdit(
        _ range: Range<Int>, _ text: NormalizedText, starts: [Int], facing: Range<Int>, _ other: NormalizedText
    ) -> Bool {
        let r = trimmed(range, text)
        // A jump line is no edit of X or Y: print cut the article there (`JumpLines`).
        guard r.count >= 2, !text.paragraphStarts.isEmpty, !JumpLines.occurs(in: facing, of: other.units) else {
            return false
        }
        // A boundary at `i`, past the spaces that separate paragraphs.
        func boundary(_ i: Int, _ t: NormalizedText) -> Bool {
            var k = i
            while k < t.count && t.units[k] == 0x20 { k += 1 }
            return isBoundary(k, t)
        }
        // The other gap is the edit of X or of Y: P's edge faces one of its ends.
        let facesBoundary = boundary(facing.lowerBound, other) || boundary(facing.upperBound, other)
        func edge(_ i: Int) -> Bool {
            boundary(i, text) || (facesBoundary && PassageGaps.endsSentence(text.units[..<i]))
        }
        // X: up to the first edge, inside one paragraph (no boundary before its end).
        var s = r.lowerBound
        while s < min(r.upperBound, r.lowerBound + PassageGaps.besideSlack) && !edge(s) {
            s += 1
            if s < r.upperBound && isBoundary(s, text) { break }
        }
        // Y: from the last edge, inside one paragraph.
        var e = r.upperBound
        while e > max(s, r.upperBound - PassageGaps.besideSlack) && !edge(e) {
            e -= 1
            if e > s && isBoundary(e, text) { break }
        }
        guard s < e, edge(s), edge(e),
            (s - r.lowerBound) + (r.upperBound - e) <= PassageGaps.besideSlack
        else { return false }
        let p = trimmed(s..<e, text)
        guard !p.isEmpty, !starts.contains(at: p.lowerBound...p.upperBound - 1) else { return false }
        let pieces = text.paragraphRanges(in: p)
        // One paragraph facing a few units with nothing beside it is a replace, not an insert.
        guard pieces.count >= 2 || p != r else { return false }
        return pieces.allSatisfy {
            ArticleSplitter.isBody(text.units[$0]) && PassageGaps.endsSentence(text.units[$0])
        }
    }

    private func isBoundary(_ i: Int, _ text: NormalizedText) -> Bool { PassageGaps.isBoundary(i, text) }

    /// Whether unit `i` begins a paragraph (or is the text's start or end).
    static func isBoundary(_ i: Int, _ text: NormalizedText) -> Bool {
        if i == 0 || i == text.count { return true }
        return !text.paragraphStarts.isEmpty && text.paragraphStarts[text.paragraphIndex(of: i)] == i
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
