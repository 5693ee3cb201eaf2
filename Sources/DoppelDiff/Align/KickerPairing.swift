import DoppelIO
import DoppelText

/// A kicker replaced whole (`EDUCATION` → `Board`, `春耕时节` → `田间课堂`) shares nothing with
/// its counterpart, so neither the anchors nor `LeftoverPairing`'s similarity pair it: each
/// version would report its kicker as one-sided text and the edit would be lost. Its place
/// pairs it instead: where an aligned passage begins at a paragraph start in both versions,
/// with a heading (its headline) in at least one, and right before it each version has one unaligned
/// heading paragraph of at most `maximumLength` units (whole, with nothing between it and the
/// headline), the two are one kicker, replaced: the passage is extended over them, so the diff
/// reports the replacement as a short span inside the article's pair (a pair of the two kickers
/// alone would share nothing and be dropped as unrelated). Wherever print put the headline (before or after the body),
/// the kicker stays in front of it. Text that is aligned, a body paragraph, a byline or a
/// one-sided article's headline (its headline is then not aligned either) is never taken.
enum KickerPairing {
    /// Units of a kicker at most (a Chinese kicker that leads into its headline with a dash,
    /// `…工作质效——`, is up to 50).
    static let maximumLength = 50

    /// Extends each passage of `blocks` (sorted by A) that leads with its headline over the
    /// kickers in front of it, one on each side; `leftA` and `leftB` are the unaligned
    /// stretches (`Aligner.uncovered`). Returns whether a passage was extended.
    ///
    /// - Complexity: O(n log u + n log P) for n passages, u unaligned stretches and P paragraphs.
    static func join(
        _ blocks: inout [AlignedPair], _ a: NormalizedText, _ b: NormalizedText, leftA: [Range<Int>],
        leftB: [Range<Int>]
    ) -> Bool {
        guard !leftA.isEmpty, !leftB.isEmpty else { return false }
        var joined = false
        for k in blocks.indices where !blocks[k].a.isEmpty && !blocks[k].b.isEmpty {
            let block = blocks[k]
            // Print may join the headline to its first body line (a page without paragraph
            // breaks of its own): one version's heading is enough.
            guard leadsWithHeading(block.a, a) || leadsWithHeading(block.b, b),
                let ka = kicker(before: block.a.lowerBound, a, leftA),
                let kb = kicker(before: block.b.lowerBound, b, leftB)
            else { continue }
            // A stretch ends right before one passage only, so no kicker is taken twice.
            blocks[k].a = ka.lowerBound..<block.a.upperBound
            blocks[k].b = kb.lowerBound..<block.b.upperBound
            joined = true
        }
        return joined
    }

    /// Whether `range` begins at a paragraph start, with a paragraph that is a heading.
    private static func leadsWithHeading(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        guard PassageGaps.isBoundary(range.lowerBound, text), range.lowerBound < text.count else { return false }
        return ArticleSplitter.isHeading(
            text.units[range.lowerBound..<text.paragraph(containing: range.lowerBound).upperBound])
    }

    /// The unaligned stretch of `left` (sorted) that ends right before `start` (spaces aside)
    /// and is a whole heading paragraph of at most `maximumLength` units.
    private static func kicker(before start: Int, _ text: NormalizedText, _ left: [Range<Int>]) -> Range<Int>? {
        let n = left.partitioningIndex(where: { $0.upperBound > start })
        guard n > 0 else { return nil }
        let stretch = left[n - 1]
        guard stretch.count <= maximumLength, text.units[stretch.upperBound..<start].allSatisfy({ $0 == 0x20 }),
            PassageGaps.isBoundary(stretch.lowerBound, text), PassageGaps.isBoundary(start, text),
            text.paragraphIndex(of: stretch.lowerBound) + 1 == text.paragraphIndex(of: start),
            ArticleSplitter.isHeading(text.units[stretch])
        else { return nil }
        return stretch
    }
}
