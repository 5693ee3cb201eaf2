import DoppelIO
import DoppelText

/// A one-sided stretch at a heading's edge that opens one-sided text: the headline of an article
/// one version has alone, which print set right after (before) another article's heading, with
/// nothing to mark the break between the two lines. `PassageSelection.drawInEdges` does not draw
/// it into the heading's passage.
extension PassageSelection {
    /// Whether a passage is a heading of its own at an edge: the paragraph there (its first
    /// unit's, or its last unit's) is no body text in one version at least (a heading or a
    /// byline; print may have joined it to the body before it in the other), and the passage's
    /// other end is a paragraph edge in both (`PassageGaps.isParagraphEdge`): the passage is the
    /// heading, not a few words matched inside a paragraph.
    static func headingEdge(_ pair: AlignedPair, _ a: NormalizedText, _ b: NormalizedText, leading: Bool)
        -> Bool
    {
        guard !pair.a.isEmpty, !pair.b.isEmpty else { return false }
        let (i, j) = leading ? (pair.a.lowerBound, pair.b.lowerBound) : (pair.a.upperBound - 1, pair.b.upperBound - 1)
        guard
            !ArticleSplitter.isBody(a.units[a.paragraph(containing: i)])
                || !ArticleSplitter.isBody(b.units[b.paragraph(containing: j)])
        else { return false }
        let (farA, farB) = leading ? (pair.a.upperBound, pair.b.upperBound) : (pair.a.lowerBound, pair.b.lowerBound)
        return PassageGaps.isParagraphEdge(farA, a, facing: farB, b, start: !leading)
            && PassageGaps.isParagraphEdge(farB, b, facing: farA, a, start: !leading)
    }

    /// Whether a one-sided edge `stretch` of a heading's passage (`headingEdge`) opens one-sided
    /// text: it reaches its paragraph's boundary, and no passage (`covered`, sorted) reaches the
    /// paragraph across that boundary within `slack` units of it. That is the headline of an
    /// article of this version only, which print set on the line after (before) another heading,
    /// a full line joining the two, with its byline or body right after (before) it: it belongs
    /// with that article, not at the edge of the other heading.
    ///
    /// - Complexity: O(log P + log p) for P paragraphs and p passages.
    static func opensOneSidedText(
        _ stretch: Range<Int>, _ text: NormalizedText, covered: [Range<Int>], leading: Bool, slack: Int
    ) -> Bool {
        let starts = text.paragraphStarts
        guard !stretch.isEmpty, !starts.isEmpty else { return false }
        let boundary = leading ? stretch.lowerBound : stretch.upperBound
        guard boundary > 0, boundary < text.count, PassageGaps.isBoundary(boundary, text) else { return false }
        let next = text.paragraph(containing: leading ? boundary - 1 : boundary)
        // Across the boundary, the paragraph's first `slack` units (its last, before a leading
        // stretch) or all of it: print may have joined the one-sided text to what follows.
        let run =
            leading
            ? max(next.lowerBound, boundary - slack)..<boundary : boundary..<min(next.upperBound, boundary + slack)
        let n = covered.partitioningIndex { $0.upperBound > run.lowerBound }
        return n == covered.count || covered[n].lowerBound >= run.upperBound
    }
}
