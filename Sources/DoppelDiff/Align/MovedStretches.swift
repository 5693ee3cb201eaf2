import DoppelText

/// Cuts a passage at text that one version has inside it and the other has elsewhere, unaligned:
/// a headline print joined to the paragraph of another article (its line was full) is chained
/// into that article's passage, where it would be an insert, while the other version has it,
/// unaligned, at its own article. The passage is cut there, so `LeftoverPairing` aligns the
/// headline with its counterpart (a moved pair) instead.
///
/// A stretch counts when it lies between two matches of a passage, the other version has
/// nothing there (spaces aside) or only what the stretch begins or ends with, it is
/// `minimumLength` to `LeftoverPairing.maximumLength` units, and some unaligned stretch of the
/// other version is like it (Dice of character bigrams at least
/// `LeftoverPairing.minimumSimilarity`).
enum MovedStretches {
    /// Units of a moved stretch at least (a kicker such as `春耕时节`); shorter are words.
    static let minimumLength = 4

    /// - Complexity: O(M) for M matches, plus O(L · s) for each one-sided stretch of length L
    ///   between `minimumLength` and `LeftoverPairing.maximumLength` units, against the s
    ///   unaligned stretches of the other version of a comparable length.
    static func cut(
        _ pairs: [AlignedPair], _ a: NormalizedText, _ b: NormalizedText, leftA: [Range<Int>], leftB: [Range<Int>]
    ) -> [AlignedPair] {
        PassageSelection.cut(pairs, where: predicate(a, b, leftA: { leftA }, leftB: { leftB }))
    }

    /// Whether two facing stretches (`ga` of A, `gb` of B) are text on one side that the other
    /// has unaligned elsewhere (`leftA`, `leftB`): one is empty (spaces aside), or the start or
    /// end of the other, and the rest of the other is like an unaligned stretch of the other text.
    ///
    /// - Complexity: O(s · L) for the unaligned stretches, once, on first need; then O(L · s)
    ///   a call.
    static func predicate(
        _ a: NormalizedText, _ b: NormalizedText, leftA: @escaping () -> [Range<Int>],
        leftB: @escaping () -> [Range<Int>]
    ) -> (Range<Int>, Range<Int>) -> Bool {
        // Found on first need: most gaps are not one-sided, or too short to be a moved headline.
        let found = Candidates(a, b, leftA: leftA, leftB: leftB)
        return { ga, gb in
            let (ta, tb) = (trimmed(ga, a), trimmed(gb, b))
            if ta.isEmpty && tb.count >= minimumLength { return isLike(b.units[tb], found.ofA()) }
            if tb.isEmpty && ta.count >= minimumLength { return isLike(a.units[ta], found.ofB()) }
            // One side is the other and more (a headline set as a paragraph of its own before
            // a heading both versions have there): the more is the one-sided stretch.
            if let rest = excess(b.units[tb], over: a.units[ta]) { return isLike(rest, found.ofA()) }
            if let rest = excess(a.units[ta], over: b.units[tb]) { return isLike(rest, found.ofB()) }
            // One side is a whole paragraph and, past a paragraph boundary, text that faces the
            // other side's and shares its characters (a headline print set before the next
            // heading, which is edited): the paragraph is the one-sided stretch.
            if let rest = leadingParagraph(tb, over: ta, b, a) { return isLike(b.units[rest], found.ofA()) }
            if let rest = leadingParagraph(ta, over: tb, a, b) { return isLike(a.units[rest], found.ofB()) }
            return false
        }
    }

    /// The paragraphs at the start or the end of `long` (in `text`), at least `minimumLength`
    /// units, when the rest of `long`, past a paragraph boundary, shares at least a third of its
    /// characters with `short` (in `other`, not empty) and is at most `minimumLength` units
    /// longer or shorter than it.
    ///
    /// - Complexity: O(log P) for P paragraphs, plus O(|long| + |short|) for the rest compared.
    private static func leadingParagraph(
        _ long: Range<Int>, over short: Range<Int>, _ text: NormalizedText, _ other: NormalizedText
    ) -> Range<Int>? {
        guard !short.isEmpty, long.count >= short.count + minimumLength, !text.paragraphStarts.isEmpty else {
            return nil
        }
        let first = text.paragraphIndex(of: long.lowerBound)
        let last = text.paragraphIndex(of: long.upperBound - 1)
        guard first < last else { return nil }
        // The boundaries inside `long` nearest its ends: a stretch before the last one, or after
        // the first one.
        let cuts = [text.paragraphStarts[last], text.paragraphStarts[first + 1]]
        for (k, cut) in cuts.enumerated() {
            let (paragraph, rest) =
                k == 0 ? (long.lowerBound..<cut, cut..<long.upperBound) : (cut..<long.upperBound, long.lowerBound..<cut)
            let trimmedRest = trimmed(rest, text)
            guard trimmedRest.count >= 1, abs(trimmedRest.count - short.count) <= minimumLength,
                PassageGaps.shareCharacters(text.units[trimmedRest], other.units[short], emptyShares: false)
            else { continue }
            let p = trimmed(paragraph, text)
            if p.count >= minimumLength { return p }
        }
        return nil
    }

    /// What `long` has beyond `short` when it begins or ends with it, if that is at least
    /// `minimumLength` units.
    private static func excess(_ long: ArraySlice<UInt32>, over short: ArraySlice<UInt32>) -> ArraySlice<UInt32>? {
        guard !short.isEmpty, long.count >= short.count + minimumLength else { return nil }
        if long.starts(with: short) { return long.dropFirst(short.count) }
        if long.reversed().starts(with: short.reversed()) { return long.dropLast(short.count) }
        return nil
    }

    /// The unaligned stretches of each text that may be moved text, found once on first need.
    private final class Candidates {
        let a: NormalizedText
        let b: NormalizedText
        let leftA: () -> [Range<Int>]
        let leftB: () -> [Range<Int>]
        private var foundA: [(count: Int, grams: [UInt64])]?
        private var foundB: [(count: Int, grams: [UInt64])]?

        init(
            _ a: NormalizedText, _ b: NormalizedText, leftA: @escaping () -> [Range<Int>],
            leftB: @escaping () -> [Range<Int>]
        ) {
            (self.a, self.b, self.leftA, self.leftB) = (a, b, leftA, leftB)
        }

        func ofA() -> [(count: Int, grams: [UInt64])] {
            if let f = foundA { return f }
            let f = MovedStretches.candidates(leftA(), a)
            foundA = f
            return f
        }

        func ofB() -> [(count: Int, grams: [UInt64])] {
            if let f = foundB { return f }
            let f = MovedStretches.candidates(leftB(), b)
            foundB = f
            return f
        }
    }

    /// The unaligned stretches that may be moved text: their length and character bigrams. A
    /// jump line is none (`JumpLines`): `Continued from Page 1` is print's note, not the new
    /// place of a word deleted from a sentence (`continue`), which stays that sentence's edit.
    fileprivate static func candidates(_ left: [Range<Int>], _ text: NormalizedText) -> [(count: Int, grams: [UInt64])]
    {
        left.filter {
            $0.count >= minimumLength && $0.count <= LeftoverPairing.maximumLength
                && JumpLines.end(ofLineAt: $0.lowerBound, in: text.units) != $0.upperBound
        }
        .prefix(LeftoverPairing.maximumStretches)
        .map { ($0.count, LeftoverPairing.bigrams(text.units[$0])) }
    }

    /// Whether a stretch is like one of the candidates. Dice of at least s needs lengths within
    /// a factor of (2 - s) / s of each other, so others are not compared.
    private static func isLike(_ units: ArraySlice<UInt32>, _ candidates: [(count: Int, grams: [UInt64])]) -> Bool {
        let n = units.count
        guard n >= minimumLength, n <= LeftoverPairing.maximumLength else { return false }
        let s = LeftoverPairing.minimumSimilarity
        let factor = (2 - s) / s
        var grams: [UInt64]?
        for c in candidates where Double(c.count) <= Double(n) * factor && Double(n) <= Double(c.count) * factor {
            let mine = grams ?? LeftoverPairing.bigrams(units)
            grams = mine
            if LeftoverPairing.dice(mine, c.grams) >= s { return true }
        }
        return false
    }

    private static func trimmed(_ range: Range<Int>, _ text: NormalizedText) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && text.units[lo] == 0x20 { lo += 1 }
        while hi > lo && text.units[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }
}
