/// The settings of one comparison (`doppel diff`), validated once by the caller.
public struct ComparisonOptions: Sendable {
    public var normalization = NormalizationOptions()
    public var align = AlignOptions()
    public var diff = DiffOptions()
    /// Drop edits whose two sides differ only in punctuation.
    public var ignorePunctuation = false
    /// A passage pair whose similarity after diffing is below this is not a version of the
    /// other: both sides are reported as text on one side only.
    public var minimumPairSimilarity = 0.5

    public init() {}
}

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
                               options: ComparisonOptions = ComparisonOptions()) -> Comparison {
        let textA = Normalizer(options: options.normalization).normalize(a)
        let textB = Normalizer(options: options.normalization).normalize(b)
        return compare(a, textA, b, textB, options: options)
    }

    /// Compares two texts already normalised.
    public static func compare(_ a: SourceText, _ textA: NormalizedText, _ b: SourceText,
                               _ textB: NormalizedText, options: ComparisonOptions) -> Comparison {
        let alignment = Aligner.align(textA, textB, options: options.align)
        var exact = true
        var kept: [PairComparison] = []
        for pair in alignment.pairs {
            var edits: [Edit] = []
            for gap in pair.gaps {
                let result = TextDiff.diff(textA, gap.a, textB, gap.b, options: options.diff)
                exact = exact && result.exact
                edits.append(contentsOf: result.edits)
            }
            if options.ignorePunctuation { edits.removeAll { $0.kind == .punctuation } }
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
}
