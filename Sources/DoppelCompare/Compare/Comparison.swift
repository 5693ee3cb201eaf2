import Dispatch
import DoppelDiff
import DoppelIO
import DoppelText


/// One aligned pair with its edits.
public struct PairComparison: Sendable {
    public var pair: AlignedPair
    public var edits: [Edit]
    /// 2 × equal units / (units of A + units of B) within the pair.
    public var similarity: Double
    /// Units of A in the pair that no edit touches.
    public var equalUnits: Int
}

/// Everything `doppel diff` reports about two texts. Positions are unit ranges into `textA`
/// and `textB`; the Report stage maps them to the originals.
public struct Comparison: Sendable {
    public var sourceA: SourceText
    public var sourceB: SourceText
    public var textA: NormalizedText
    public var textB: NormalizedText
    public var pairs: [PairComparison]
    public var onlyInA: [Range<Int>]
    public var onlyInB: [Range<Int>]
    /// What normalisation set aside in both texts, plus headlines found after their body.
    public var ledger: LayoutLedger
    /// False when some pair's diff hit the cost budget and fell back to a longer edit script.
    public var exact: Bool

    /// Share of the normalised text (both sides) that lies in aligned pairs and is equal.
    public var similarity: Double {
        let total = textA.count + textB.count
        guard total > 0 else { return 1 }
        let equal = pairs.reduce(0) { $0 + $1.equalUnits }
        return min(1, Double(2 * equal) / Double(total))
    }

    public var editCount: Int { pairs.reduce(0) { $0 + $1.edits.count } }

    /// True when anything is reported: an edit, or text on one side only.
    public var hasDifferences: Bool { editCount > 0 || !onlyInA.isEmpty || !onlyInB.isEmpty }
}

/// The library entry point of `doppel diff`: normalise, align, diff each pair.
public enum Comparer {
    /// Compares two decoded texts.
    ///
    /// - Complexity: normalisation O(n + m); alignment O((n + m) log(n + m)); each pair's gaps
    ///   are diffed by Myers' algorithm within `options.diff`'s cost budget.
    public static func compare(_ a: SourceText, _ b: SourceText,
                               options: ComparisonOptions = .standard) -> Comparison {
        let (textA, textB) = normalize(a, b, options: options.normalization)
        return compare(a, textA, b, textB, options: options)
    }

    /// Normalises both sides of a comparison; two long texts (together more than
    /// `parallelAbove` code points) at the same time on two threads.
    ///
    /// - Complexity: O(n + m); the wall time of the longer text on two cores.
    public static func normalize(_ a: SourceText, _ b: SourceText,
                                 options: NormalizationOptions) -> (NormalizedText, NormalizedText) {
        guard a.scalars.count + b.scalars.count > parallelAbove else {
            let normalizer = Normalizer(options: options)
            return (normalizer.normalize(a), normalizer.normalize(b))
        }
        let texts = SharedSlots<NormalizedText?>(repeating: nil, count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            texts[side] = Normalizer(options: options).normalize(side == 0 ? a : b)
        }
        return (texts[0]!, texts[1]!)
    }

    /// Code points (both texts) above which `compare(_:_:options:)` normalises the two sides in
    /// parallel; below it a thread's start costs more than it saves.
    static let parallelAbove = 100_000

    /// Compares two texts already normalised. The gaps of all aligned pairs are diffed
    /// independently, on two threads when there is enough of them (`diffGaps`).
    public static func compare(_ a: SourceText, _ textA: NormalizedText, _ b: SourceText,
                               _ textB: NormalizedText, options: ComparisonOptions) -> Comparison {
        let alignment = Aligner.align(textA, textB, options: options.align)
        let gaps = alignment.pairs.map(\.gaps)
        let results = diffGaps(gaps.flatMap { $0 }, textA, textB, options: options.diff)
        var exact = true
        var kept: [PairComparison] = []
        var next = 0
        for (pair, pairGaps) in zip(alignment.pairs, gaps) {
            var edits: [Edit] = []
            for result in results[next..<next + pairGaps.count] {
                exact = exact && result.exact
                edits.append(contentsOf: result.edits)
            }
            next += pairGaps.count
            if options.ignorePunctuation { edits.removeAll { $0.kind == .punctuation } }
            edits.removeAll { isJoinedHyphen($0, textA, textB) }
            for i in edits.indices where edits[i].operation != .replace
                && (edits[i].a.isEmpty ? isWholeParagraphs(edits[i].b, textB) : isWholeParagraphs(edits[i].a, textA)) {
                edits[i].kind = .paragraph
            }
            let changedA = edits.reduce(0) { $0 + $1.a.count }
            let equal = max(0, pair.a.count - changedA)
            let total = pair.a.count + pair.b.count
            let similarity = total == 0 ? 1 : Double(2 * equal) / Double(total)
            if similarity >= options.minimumPairSimilarity {
                kept.append(PairComparison(pair: pair, edits: edits, similarity: similarity, equalUnits: equal))
            }
        }
        let onlyA = kept.count == alignment.pairs.count ? alignment.onlyInA
            : Aligner.uncovered(textA, kept.map(\.pair.a))
        let onlyB = kept.count == alignment.pairs.count ? alignment.onlyInB
            : Aligner.uncovered(textB, kept.map(\.pair.b))
        var ledger = textA.ledger + textB.ledger
        ledger.headlinesAfterBody = alignment.headlinesAfterBody
        return Comparison(sourceA: a, sourceB: b, textA: textA, textB: textB, pairs: kept,
                          onlyInA: onlyA, onlyInB: onlyB, ledger: ledger, exact: exact)
    }

    /// Whether an edit only drops or adds the hyphen of a word that the other version broke at a
    /// line end (`long-` / `term`, joined by the normaliser): the version that has the hyphen
    /// decides, so `long-term` against a broken `long-` / `term` is no edit, and a broken word
    /// against the joined word (`exam-` / `ple` against `example`) was never one.
    ///
    /// - Complexity: O(log h) for h joined hyphens.
    static func isJoinedHyphen(_ edit: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> Bool {
        func isHyphen(_ r: Range<Int>, _ text: NormalizedText) -> Bool { r.count == 1 && text.units[r.lowerBound] == 0x2D }
        func joined(_ p: Int, _ text: NormalizedText) -> Bool {
            var lo = 0
            var hi = text.hyphenJoins.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if text.hyphenJoins[mid] < p { lo = mid + 1 } else { hi = mid }
            }
            return lo < text.hyphenJoins.count && text.hyphenJoins[lo] == p
        }
        switch edit.operation {
        case .delete: return isHyphen(edit.a, textA) && joined(edit.b.lowerBound, textB)
        case .insert: return isHyphen(edit.b, textB) && joined(edit.a.lowerBound, textA)
        case .replace: return false
        }
    }

    /// Whether `range` (spaces aside) begins at a paragraph start and ends at a paragraph end.
    ///
    /// - Complexity: O(log P) for P paragraphs, plus the spaces at its ends.
    static func isWholeParagraphs(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && text.units[lo] == 0x20 { lo += 1 }
        while hi > lo && text.units[hi - 1] == 0x20 { hi -= 1 }
        guard lo < hi, !text.paragraphStarts.isEmpty else { return false }
        func boundary(_ i: Int) -> Bool { i == 0 || i == text.count || text.paragraphStarts[text.paragraphIndex(of: i)] == i }
        return boundary(lo) && boundary(hi)
    }

    /// The diff of each gap, in order, on two threads when the gaps hold more than
    /// `parallelUnits` units together. Each worker keeps one tokenizer for all its gaps (a
    /// tokenizer's tables cost more to set up than a short gap costs to diff). Which gaps a
    /// worker takes depends only on their number, so the result is the same on every run and
    /// machine.
    ///
    /// - Complexity: that of `TextDiff.diff` summed over the gaps.
    public static func diffGaps(_ gaps: [(a: Range<Int>, b: Range<Int>)], _ textA: NormalizedText,
                                _ textB: NormalizedText, options: DiffOptions,
                                parallelUnits: Int = 10_000) -> [DiffResult] {
        let units = gaps.reduce(0) { $0 + $1.a.count + $1.b.count }
        let workers = units > parallelUnits && gaps.count > 1 ? 2 : 1
        let empty = DiffResult(edits: [], exact: true, equalUnits: 0)
        let results = SharedSlots(repeating: empty, count: gaps.count)
        // Workers take gaps in turn by index, so both get a share of every part of the texts.
        let work: @Sendable (Int) -> Void = { worker in
            var tokenizer = DiffTokenizer()
            for index in stride(from: worker, to: gaps.count, by: workers) {
                results[index] = TextDiff.diff(textA, gaps[index].a, textB, gaps[index].b,
                                               options: options, tokenizer: &tokenizer)
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return results.take(resettingTo: empty)
    }
}
