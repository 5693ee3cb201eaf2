import DoppelText

/// The Diff stage: exact differences between two aligned ranges of text.
///
/// Both ranges are split into tokens (`DiffTokenizer`: Han characters and punctuation one by one,
/// alphabetic words whole, spaces ignored), compared with Myers' O(ND) algorithm (Myers 1986,
/// `MyersDiff`) within a cost budget, and the script is cleaned up into editor-style edits after
/// Neil Fraser's diff-match-patch (`SemanticCleanup`).
public enum TextDiff {
    /// The edits that turn `a.units[aRange]` into `b.units[bRange]`.
    ///
    /// Edits are ascending and non-overlapping on both sides, their ranges absolute indices into
    /// `a` and `b`, and together they cover every difference between the two token sequences:
    /// the tokens outside them are equal, pair by pair. Differences in spacing alone are not
    /// edits. An insert sits just before the next token of `a` (or just after the last one).
    ///
    /// - Complexity: O((n + m) · D) for D token edits while the budget lasts, and
    ///   O(`options.costBudget` + (n + m) log(n + m)) in any case; memory O(n + m).
    public static func diff(
        _ a: NormalizedText, _ aRange: Range<Int>,
        _ b: NormalizedText, _ bRange: Range<Int>,
        options: DiffOptions = .standard
    ) -> DiffResult {
        var tokenizer = DiffTokenizer()
        return diff(a, aRange, b, bRange, options: options, tokenizer: &tokenizer)
    }

    /// `diff(_:_:_:_:options:)` with a tokenizer kept across calls, so a caller diffing many
    /// short ranges saves setting up a tokenizer for each. The edits are the same as with a
    /// fresh tokenizer (only equality of token ids counts), except where the budget's fallback
    /// hashes grams of ids and two grams collide, which depends on the ids given.
    public static func diff(
        _ a: NormalizedText, _ aRange: Range<Int>,
        _ b: NormalizedText, _ bRange: Range<Int>,
        options: DiffOptions = .standard,
        tokenizer: inout DiffTokenizer
    ) -> DiffResult {
        let tokensA = tokenizer.tokenize(a, aRange)
        let tokensB = tokenizer.tokenize(b, bRange)
        let script = MyersDiff.script(tokensA.ids, tokensB.ids, costBudget: options.costBudget)
        var spans = script.spans
        if options.semanticCleanup {
            spans = SemanticCleanup.run(
                spans, a: DiffSide(tokens: tokensA, text: a),
                b: DiffSide(tokens: tokensB, text: b))
        }
        var edits: [Edit] = []
        var equalUnits = 0
        for span in spans {
            let unitsA = tokensA.unitRange(of: span.a)
            if span.isEqual {
                equalUnits += unitsA.count
                continue
            }
            let unitsB = tokensB.unitRange(of: span.b)
            let operation: EditOperation =
                span.a.isEmpty
                ? .insert
                : span.b.isEmpty ? .delete : .replace
            let kind = EditKind.of(removed: a.units[unitsA], added: b.units[unitsB])
            edits.append(Edit(operation: operation, kind: kind, a: unitsA, b: unitsB))
        }
        return DiffResult(edits: edits, exact: script.exact, equalUnits: equalUnits)
    }

    /// `a.units[aRange]` with `edits` applied: each edit's `a` units replaced by its `b` units
    /// from `b`. With the edits of `diff(a, aRange, b, bRange)` the result has the same tokens as
    /// `b.units[bRange]`; its spaces between unchanged tokens come from `a`.
    ///
    /// - Precondition: `edits` ascending and non-overlapping in `a`, inside `aRange`.
    /// - Complexity: O(`aRange.count` + inserted units).
    public static func apply(
        _ edits: [Edit], from a: NormalizedText, _ aRange: Range<Int>,
        to b: NormalizedText
    ) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(aRange.count)
        var position = aRange.lowerBound
        for edit in edits {
            precondition(
                edit.a.lowerBound >= position && edit.a.upperBound <= aRange.upperBound,
                "edits must be ascending, non-overlapping and inside the range")
            out.append(contentsOf: a.units[position..<edit.a.lowerBound])
            out.append(contentsOf: b.units[edit.b])
            position = edit.a.upperBound
        }
        out.append(contentsOf: a.units[position..<aRange.upperBound])
        return out
    }
}
