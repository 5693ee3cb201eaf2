import DoppelIO
import DoppelText

/// Finds the passages of two texts that are versions of each other, even when articles are in
/// another order or a headline is printed after its body.
///
/// Seed and extend: k-grams unique in both texts are anchors (`AnchorMatching`), grown into
/// maximal exact matches; matches close to each other in both texts are chained into passages
/// (a gap longer than `maxGap`, or a long one-sided gap, ends a passage), and a chain is cut
/// where the text it bridges is matched elsewhere (`ForeignMatches`: templated siblings pair by
/// their distinctive text, not their shared boilerplate); passages are chosen
/// greedily by matched length without overlap; the longest increasing subsequence of their
/// B positions (in A order) keeps its order and every other passage is marked moved. The gaps
/// between passages in order are searched again with anchors unique in each gap alone
/// (`GapAnchoring`), so repeated sentences align too. Adjacent passages are merged; a passage is
/// cut at text the other version has unaligned elsewhere (`MovedStretches`); short unmatched
/// text at a passage's edge is drawn in up to the paragraph boundary, and whole one-sided body
/// paragraphs at an article's end or start are drawn into its passage; a passage is cut at a
/// jump line (`JumpLines`: print continues the article on another page). Short stretches no anchor reached are paired by similarity
/// (`LeftoverPairing`). No match ends inside a word (`WordBoundaries`), so an edit in
/// alphabetic text covers whole words. A kicker replaced whole, one unaligned heading in front
/// of a passage's headline on each side, joins that passage (`KickerPairing`). What no passage
/// covers exists on one side only.
///
/// No character diff happens here: the Diff stage compares the gaps between a pair's matches.
public enum Aligner {
    /// Aligns two texts.
    ///
    /// - Complexity: expected O(n + m) for the anchors (sorted hashes), at most three times when
    ///   the anchors are too few and the texts alike (longer k-grams); chaining looks back over
    ///   a bounded number of open passages; selection is O(p log p) in the number of passages;
    ///   the gap search repeats that for the gaps, at most `GapAnchoring.maximumRounds` times.
    public static func align(
        _ a: NormalizedText, _ b: NormalizedText,
        options: AlignOptions = .standard
    ) -> Alignment {
        let ideographic = mostlyIdeographic(a.units)
        var k = options.anchorLength ?? (ideographic ? 8 : 12)
        let sampling = a.count + b.count > options.samplingAbove ? options.sampling : 1
        var matches = AnchorMatching.matches(a, b, k: k, sampling: sampling)
        // Whether the whole texts are alike; past the short-text rule the answer does not depend
        // on k, so the grams of both texts are hashed and sorted once, not at every k tried.
        var wholeAlike: Bool?
        func textsAlike(k: Int) -> Bool {
            if max(a.count, b.count) <= 4 * k { return true }
            if wholeAlike == nil { wholeAlike = alike(a.units[...], b.units[...], k: k) }
            return wholeAlike!
        }
        // Too few unique k-grams (text of a small alphabet, `abba…` against `abab…`): while the
        // anchors cover less than a quarter of the shorter text and the texts are alike, longer
        // k-grams are tried, which are unique where short ones repeat.
        while k < maximumAnchorLength && matches.reduce(0, { $0 + $1.length }) * 4 < min(a.count, b.count)
            && min(a.count, b.count) >= 16 * k && textsAlike(k: k)
        {
            k *= 2
            matches = AnchorMatching.matches(a, b, k: k, sampling: sampling)
        }
        let gaps = PassageGaps(a, b)
        var blocks = ForeignMatches.split(
            PassageChaining.chain(matches, options: options), among: matches, minimumLength: 2 * k)
        blocks = PassageSelection.splitUnrelated(PassageSelection.select(blocks, minimumScore: k), gaps: gaps)
        if blocks.isEmpty && !a.units.isEmpty && !b.units.isEmpty && textsAlike(k: k) {
            // No anchor, but the texts are alike (short, or too repetitive for unique anchors,
            // as `aaaa…` against `aaab…`): compared whole; the diff's budget bounds the cost.
            // Long texts without anchors that are not alike are unrelated.
            blocks = [AlignedPair(a: 0..<a.count, b: 0..<b.count, moved: false, matches: [])]
        }
        PassageSelection.markMoved(&blocks)
        blocks = PassageSelection.splitUnrelated(GapAnchoring.refine(blocks, a, b, k: k, options: options), gaps: gaps)
        blocks = PassageSelection.mergeAdjacent(blocks, options: options, gaps: gaps)
        var leftA = uncovered(a, blocks.map(\.a))
        var leftB = uncovered(b, blocks.map(\.b))
        let cut = MovedStretches.cut(blocks, a, b, leftA: leftA, leftB: leftB)
        if cut.count != blocks.count {
            // Text cut out of a passage is unaligned now, to be paired with its counterpart.
            blocks = cut
            leftA = uncovered(a, blocks.map(\.a))
            leftB = uncovered(b, blocks.map(\.b))
        }
        let leftovers = LeftoverPairing.pairs(a, b, leftA: leftA, leftB: leftB, passages: blocks)
        if !leftovers.isEmpty {
            blocks = (blocks + leftovers).sorted { $0.a.lowerBound < $1.a.lowerBound }
            PassageSelection.markMoved(&blocks)
            // A stretch paired by similarity next to its passage (a paragraph's first words,
            // edited, before an anchor) joins it.
            blocks = PassageSelection.mergeAdjacent(blocks, options: options, gaps: gaps)
        }
        PassageSelection.drawInEdges(
            &blocks, a: a, b: b, slack: options.edgeSlack,
            twoSidedSlack: ideographic ? options.edgeSlack : alphabeticSlackFactor * options.edgeSlack,
            elsewhere: MovedStretches.predicate(
                a, b, leftA: { [blocks] in uncovered(a, blocks.map(\.a)) },
                leftB: { [blocks] in uncovered(b, blocks.map(\.b)) }))
        PassageSelection.drawInParagraphs(&blocks, gaps: gaps)
        // Print's cut of an article continued on another page is no edit.
        blocks = JumpLines.cut(blocks, a, b)
        WordBoundaries.trim(&blocks, a, b)
        var onlyA = uncovered(a, blocks.map(\.a))
        var onlyB = uncovered(b, blocks.map(\.b))
        // A kicker replaced whole joins the passage of its headline.
        if KickerPairing.join(&blocks, a, b, leftA: onlyA, leftB: onlyB) {
            onlyA = uncovered(a, blocks.map(\.a))
            onlyB = uncovered(b, blocks.map(\.b))
        }
        return Alignment(
            pairs: blocks, onlyInA: onlyA, onlyInB: onlyB,
            headlinesAfterBody: headlines(blocks))
    }

    /// Units of `text` outside every range, split at paragraph boundaries, white space only
    /// stretches left out.
    package static func uncovered(_ text: NormalizedText, _ covered: [Range<Int>]) -> [Range<Int>] {
        let sorted = covered.sorted { $0.lowerBound < $1.lowerBound }
        var result: [Range<Int>] = []
        var cursor = 0
        func emit(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            for piece in text.paragraphRanges(in: range) { appendTrimmed(piece) }
        }
        func appendTrimmed(_ range: Range<Int>) {
            var lo = range.lowerBound
            var hi = range.upperBound
            while lo < hi && text.units[lo] == 0x20 { lo += 1 }
            while hi > lo && text.units[hi - 1] == 0x20 { hi -= 1 }
            if lo < hi { result.append(lo..<hi) }
        }
        for range in sorted {
            if range.lowerBound > cursor { emit(cursor..<range.lowerBound) }
            cursor = max(cursor, range.upperBound)
        }
        if cursor < text.count { emit(cursor..<text.count) }
        return result
    }

    /// Moved passages that are short (a heading) and, in B, follow the passage after them in A.
    private static func headlines(_ pairs: [AlignedPair]) -> Int {
        var count = 0
        for (i, pair) in pairs.enumerated() where pair.moved && pair.a.count <= 60 && i + 1 < pairs.count {
            if pair.b.lowerBound >= pairs[i + 1].b.upperBound { count += 1 }
        }
        return count
    }

    /// Whether two stretches without anchors are still versions of each other: both at most
    /// `4 × k` units (unless `shortAreAlike` is false: a gap between passages, where two short
    /// headlines face each other and `LeftoverPairing` judges them), or sharing a common start and end of half the shorter one, or sharing at
    /// least `LeftoverPairing.minimumSimilarity` of their 4-grams (Dice, counted with repeats).
    /// Repeated sentences in another order share nearly all their 4-grams; unrelated Chinese
    /// news shares about a tenth, and `aaaa…` against `aaab…` none, so no diff is spent on it.
    ///
    /// - Complexity: expected O(n + m).
    static func alike(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, k: Int, shortAreAlike: Bool = true) -> Bool {
        if shortAreAlike && max(a.count, b.count) <= 4 * k { return true }
        if sharedEnds(a, b) * 2 >= min(a.count, b.count) { return true }
        // Long stretches are compared on the grams whose hash falls in one sixteenth of the
        // range: chosen by content, so both sides keep the same grams and the share holds.
        // A small alphabet has few distinct grams, and one in 16 of them may be none at all:
        // then every gram counts.
        let sampled = a.count + b.count > alikeSampleAbove
        var (ga, gb) = (hashedGrams(a, sampled: sampled), hashedGrams(b, sampled: sampled))
        if sampled && min(ga.count, gb.count) < 64 {
            (ga, gb) = (hashedGrams(a, sampled: false), hashedGrams(b, sampled: false))
        }
        return LeftoverPairing.dice(ga, gb) >= LeftoverPairing.minimumSimilarity
    }

    /// The longest anchor tried when short ones are too few (see `align`): 12 doubled twice.
    static let maximumAnchorLength = 48

    /// Units in a gram of `alike`.
    static let alikeGram = 4
    /// Units (both sides) above which `alike` compares one gram in 16.
    static let alikeSampleAbove = 1 << 17

    /// The `alikeGram`-grams of a stretch (one in 16 by hash when `sampled`), hashed and sorted.
    private static func hashedGrams(_ units: ArraySlice<UInt32>, sampled: Bool) -> [UInt64] {
        let n = alikeGram
        guard units.count >= n else { return [] }
        var grams: [UInt64] = []
        grams.reserveCapacity(sampled ? (units.count >> 4) * 2 : units.count - n + 1)
        var i = units.startIndex
        while i + n <= units.endIndex {
            var h: UInt64 = 0
            for u in units[i..<i + n] { h = (h ^ UInt64(u)) &* 0x0000_0100_0000_01B3 }
            let mixed = SplitMix64.mix(h)
            if !sampled || mixed & 15 == 0 { grams.append(mixed) }
            i += 1
        }
        grams.sortHashes()
        return grams
    }

    /// Length of the common prefix plus the common suffix (not overlapping).
    ///
    /// - Complexity: O(n).
    static func sharedEnds(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Int {
        let limit = min(a.count, b.count)
        let (a0, b0) = (a.startIndex, b.startIndex)
        var prefix = 0
        while prefix < limit && a[a0 + prefix] == b[b0 + prefix] { prefix += 1 }
        var suffix = 0
        while suffix < limit - prefix && a[a.endIndex - 1 - suffix] == b[b.endIndex - 1 - suffix] { suffix += 1 }
        return prefix + suffix
    }

    /// How much longer a passage's edge may be in text not written mostly in ideographs: a
    /// clause of n ideographs is about 3n letters and spaces in English (`, where about 90
    /// pupils attend the club each morning` is 52 units).
    static let alphabeticSlackFactor = 3

    static func mostlyIdeographic(_ units: [UInt32]) -> Bool {
        var ideographs = 0
        var letters = 0
        for u in units.prefix(4096) {
            switch ScriptClass.of(u) {
            case .ideograph: ideographs += 1
            case .letter: letters += 1
            default: break
            }
        }
        return ideographs * 3 >= ideographs + letters && ideographs > 0
    }
}
