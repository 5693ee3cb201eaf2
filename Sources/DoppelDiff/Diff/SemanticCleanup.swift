/// Turns a minimal token script into the edits a copy editor would mark, after Neil Fraser's
/// `diff_cleanupSemantic` and `diff_cleanupSemanticLossless` (diff-match-patch), on tokens:
///
/// 1. An equal run no longer (in units) than the changes on both sides of it is folded into one
///    change with them, repeatedly, so `多措并举` → `多举措` is one replace rather than an insert,
///    an equal `措` and a delete. Equal runs at either end are kept.
/// 2. A change whose two sides begin (or end) with the same tokens gives them back to the equal
///    run beside it.
/// 3. A pure insert or delete that could sit at several places (its text repeats the text beside
///    it) moves to the place with the best boundary score (`DiffSide.boundaryScore`); on a tie it
///    stays where it is, else the leftmost best place wins.
///
/// Diff-match-patch's last step, splitting a delete and an insert that overlap into three edits,
/// is left out: it would cut `措并举` → `举措` in two.
enum SemanticCleanup {
    /// The cleaned-up spans, which still cover both sides and still alternate.
    ///
    /// - Complexity: O(s + t), s spans and t tokens, plus O(log paragraphs) per shifted edit.
    static func run(_ spans: [DiffSpan], a: DiffSide, b: DiffSide) -> [DiffSpan] {
        let merged = foldShortEqualities(spans, a: a, b: b)
        let factored = factorCommonEnds(merged, a: a, b: b)
        return shiftToBoundaries(factored, a: a, b: b)
    }

    /// Step 1. A stack of spans ending in a change: each new change may fold the equal run before
    /// it, and the grown change may then fold the one before that.
    static func foldShortEqualities(_ spans: [DiffSpan], a: DiffSide, b: DiffSide) -> [DiffSpan] {
        var out: [DiffSpan] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            append(span, to: &out)
            while out.count >= 3 {
                let before = out[out.count - 3]
                let equal = out[out.count - 2]
                let after = out[out.count - 1]
                guard !before.isEqual, equal.isEqual, !after.isEqual else { break }
                let length = a.unitCount(equal.a)
                guard length <= max(a.unitCount(before.a), b.unitCount(before.b)),
                    length <= max(a.unitCount(after.a), b.unitCount(after.b))
                else { break }
                out.removeLast(3)
                out.append(
                    DiffSpan(
                        a: before.a.lowerBound..<after.a.upperBound,
                        b: before.b.lowerBound..<after.b.upperBound, isEqual: false))
            }
        }
        return out
    }

    /// Step 2.
    static func factorCommonEnds(_ spans: [DiffSpan], a: DiffSide, b: DiffSide) -> [DiffSpan] {
        var out: [DiffSpan] = []
        out.reserveCapacity(spans.count)
        let ia = a.tokens.ids
        let ib = b.tokens.ids
        for span in spans {
            if span.isEqual {
                append(span, to: &out)
                continue
            }
            var aLo = span.a.lowerBound
            var aHi = span.a.upperBound
            var bLo = span.b.lowerBound
            var bHi = span.b.upperBound
            while aLo < aHi && bLo < bHi && ia[aLo] == ib[bLo] {
                aLo += 1
                bLo += 1
            }
            append(
                DiffSpan(a: span.a.lowerBound..<aLo, b: span.b.lowerBound..<bLo, isEqual: true),
                to: &out)
            while aLo < aHi && bLo < bHi && ia[aHi - 1] == ib[bHi - 1] {
                aHi -= 1
                bHi -= 1
            }
            append(DiffSpan(a: aLo..<aHi, b: bLo..<bHi, isEqual: false), to: &out)
            append(
                DiffSpan(a: aHi..<span.a.upperBound, b: bHi..<span.b.upperBound, isEqual: true),
                to: &out)
        }
        return out
    }

    /// Step 3.
    static func shiftToBoundaries(_ spans: [DiffSpan], a: DiffSide, b: DiffSide) -> [DiffSpan] {
        guard spans.count >= 3 else { return spans }
        var spans = spans
        for s in 1..<(spans.count - 1) {
            let change = spans[s]
            guard !change.isEqual, spans[s - 1].isEqual, spans[s + 1].isEqual,
                change.a.isEmpty != change.b.isEmpty
            else { continue }
            let side = change.b.isEmpty ? a : b
            let edited = change.b.isEmpty ? change.a : change.b
            let ids = side.tokens.ids
            var left = 0
            while left < spans[s - 1].a.count
                && ids[edited.lowerBound - 1 - left] == ids[edited.upperBound - 1 - left]
            {
                left += 1
            }
            var right = 0
            while right < spans[s + 1].a.count
                && ids[edited.lowerBound + right] == ids[edited.upperBound + right]
            {
                right += 1
            }
            guard left + right > 0 else { continue }
            var best = 0
            var bestScore =
                side.boundaryScore(at: edited.lowerBound)
                + side.boundaryScore(at: edited.upperBound)
            for offset in -left...right where offset != 0 {
                let score =
                    side.boundaryScore(at: edited.lowerBound + offset)
                    + side.boundaryScore(at: edited.upperBound + offset)
                if score > bestScore {
                    best = offset
                    bestScore = score
                }
            }
            guard best != 0 else { continue }
            spans[s - 1].a = spans[s - 1].a.lowerBound..<(spans[s - 1].a.upperBound + best)
            spans[s - 1].b = spans[s - 1].b.lowerBound..<(spans[s - 1].b.upperBound + best)
            spans[s].a = (change.a.lowerBound + best)..<(change.a.upperBound + best)
            spans[s].b = (change.b.lowerBound + best)..<(change.b.upperBound + best)
            spans[s + 1].a = (spans[s + 1].a.lowerBound + best)..<spans[s + 1].a.upperBound
            spans[s + 1].b = (spans[s + 1].b.lowerBound + best)..<spans[s + 1].b.upperBound
        }
        var out: [DiffSpan] = []
        out.reserveCapacity(spans.count)
        for span in spans { append(span, to: &out) }
        return out
    }

    /// Appends `span`, dropping it when empty and joining it to the last span when both are equal
    /// runs or both are changes (the spans must be contiguous).
    static func append(_ span: DiffSpan, to out: inout [DiffSpan]) {
        if span.a.isEmpty && span.b.isEmpty { return }
        if let last = out.last, last.isEqual == span.isEqual {
            out[out.count - 1] = DiffSpan(
                a: last.a.lowerBound..<span.a.upperBound,
                b: last.b.lowerBound..<span.b.upperBound,
                isEqual: span.isEqual)
        } else {
            out.append(span)
        }
    }
}
