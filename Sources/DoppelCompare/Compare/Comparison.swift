import Dispatch
import DoppelDiff
import DoppelIO
import DoppelText

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
    /// What the Check stage found about the edits (`Checker.check`); `nil` when not checked.
    public var check: CheckResult? = nil

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
    public static func compare(
        _ a: SourceText, _ b: SourceText,
        options: ComparisonOptions = .standard
    ) -> Comparison {
        let (textA, textB) = normalize(a, b, options: options.normalization)
        return compare(a, textA, b, textB, options: options)
    }

    /// Normalises both sides of a comparison; two long texts (together more than
    /// `parallelAbove` code points) at the same time on two threads.
    ///
    /// - Complexity: O(n + m); the wall time of the longer text on two cores.
    public static func normalize(
        _ a: SourceText, _ b: SourceText,
        options: NormalizationOptions
    ) -> (NormalizedText, NormalizedText) {
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

    /// Compares two texts already normalised (`PassageDiffer.diff`), the gaps of all aligned
    /// pairs diffed on two threads when there is enough of them.
    /// A line in capitals set aside as a running head that is a kicker by the other version
    /// (`PageFurniture.kickers`) is kept as text: that side is normalised again, keeping it.
    public static func compare(
        _ a: SourceText, _ textA: NormalizedText, _ b: SourceText,
        _ textB: NormalizedText, options: ComparisonOptions
    ) -> Comparison {
        var (textA, textB) = (textA, textB)
        let kickers = PageFurniture.kickers(textA, textB)
        if !kickers.a.isEmpty {
            textA = Normalizer(options: options.normalization).normalize(a, keepingFurniture: kickers.a)
        }
        if !kickers.b.isEmpty {
            textB = Normalizer(options: options.normalization).normalize(b, keepingFurniture: kickers.b)
        }
        let d = PassageDiffer.diff(
            textA, textB, align: options.align, diff: options.diff,
            ignorePunctuation: options.ignorePunctuation,
            minimumPairSimilarity: options.minimumPairSimilarity)
        var ledger = textA.ledger + textB.ledger
        ledger.headlinesAfterBody = d.headlinesAfterBody
        return Comparison(
            sourceA: a, sourceB: b, textA: textA, textB: textB, pairs: d.pairs,
            onlyInA: d.onlyInA, onlyInB: d.onlyInB, ledger: ledger, exact: d.exact)
    }
}
