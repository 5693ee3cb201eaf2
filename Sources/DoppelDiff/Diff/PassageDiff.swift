import Dispatch
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

/// The aligned and diffed passages of two normalised texts, and the text on one side only:
/// what `doppel diff` reports about a pair and `doppel collate` builds on.
public struct PassageDiff: Sendable {
    /// The kept pairs, in A's order.
    public var pairs: [PairComparison]
    public var onlyInA: [Range<Int>]
    public var onlyInB: [Range<Int>]
    /// Moved pairs that are a short heading which, in B, follows the passage it precedes in A.
    public var headlinesAfterBody: Int
    /// False when some pair's diff hit the cost budget and fell back to a longer edit script.
    public var exact: Bool
}

/// Aligns two normalised texts and diffs every aligned pair: the one pairwise comparison that
/// `Comparer` (two versions) and `Collator` (many) share.
public enum PassageDiffer {
    /// The default least similarity of a kept pair (`ComparisonOptions.minimumPairSimilarity`).
    public static let defaultMinimumPairSimilarity = 0.5

    /// Aligns `a` and `b` (`Aligner`), diffs the gaps of every aligned pair (`TextDiff`), drops
    /// punctuation-only edits when `ignorePunctuation` and edits that only add or drop a hyphen
    /// the other version broke at a line end (`isJoinedHyphen`), marks an insertion or deletion
    /// of whole paragraphs as kind `paragraph`, and keeps a pair only when its
    /// similarity after diffing reaches `minimumPairSimilarity`; the text of dropped pairs is
    /// one-sided.
    ///
    /// ```swift
    /// let d = PassageDiffer.diff(web, print)
    /// d.pairs.flatMap(\.edits).count  // 34 on the samples
    /// ```
    ///
    /// - Complexity: alignment O((n + m) log(n + m)); each pair's gaps are diffed by Myers'
    ///   algorithm within `diff`'s cost budget.
    public static func diff(
        _ textA: NormalizedText, _ textB: NormalizedText,
        align: AlignOptions = .standard, diff: DiffOptions = .standard,
        ignorePunctuation: Bool = false,
        minimumPairSimilarity: Double = defaultMinimumPairSimilarity
    ) -> PassageDiff {
        let alignment = Aligner.align(textA, textB, options: align)
        let gaps = alignment.pairs.map(\.gaps)
        let results = diffGaps(gaps.flatMap { $0 }, textA, textB, options: diff)
        var exact = true
        var kept: [PairComparison] = []
        var folded: (a: NormalizedText, b: NormalizedText)?  // made on first need
        var next = 0
        for (pair, pairGaps) in zip(alignment.pairs, gaps) {
            var edits: [Edit] = []
            for result in results[next..<next + pairGaps.count] {
                exact = exact && result.exact
                edits.append(contentsOf: result.edits)
            }
            next += pairGaps.count
            if ignorePunctuation { edits.removeAll { $0.kind == .punctuation } }
            edits.removeAll {
                isJoinedHyphen($0, textA, textB) || isCapitalsForm($0, textA, textB)
                    || isDigitSpacing($0, textA, textB)
            }
            // A headline in small capitals with a word changed: the words that changed, not
            // the whole headline.
            if edits.contains(where: { isInCapitalsAgainstSmall($0, textA, textB) }) {
                if folded == nil { folded = (caseFolded(textA), caseFolded(textB)) }
                edits = edits.flatMap { edit -> [Edit] in
                    guard isInCapitalsAgainstSmall(edit, textA, textB) else { return [edit] }
                    return TextDiff.diff(folded!.a, edit.a, folded!.b, edit.b, options: diff).edits
                }
            }
            edits = splitBesideParagraphs(edits, pair, textA, textB)
            for i in edits.indices
            where edits[i].operation != .replace
                && (edits[i].a.isEmpty
                    ? isWholeParagraphs(edits[i].b, textB, facing: edits[i].a.lowerBound, textA)
                    : isWholeParagraphs(edits[i].a, textA, facing: edits[i].b.lowerBound, textB))
            {
                edits[i].kind = .paragraph
            }
            let changedA = edits.reduce(0) { $0 + $1.a.count }
            let equal = max(0, pair.a.count - changedA)
            let total = pair.a.count + pair.b.count
            let similarity = total == 0 ? 1 : Double(2 * equal) / Double(total)
            if similarity >= minimumPairSimilarity {
                kept.append(PairComparison(pair: pair, edits: edits, similarity: similarity, equalUnits: equal))
            }
        }
        let onlyA =
            kept.count == alignment.pairs.count
            ? alignment.onlyInA
            : Aligner.uncovered(textA, kept.map(\.pair.a))
        let onlyB =
            kept.count == alignment.pairs.count
            ? alignment.onlyInB
            : Aligner.uncovered(textB, kept.map(\.pair.b))
        return PassageDiff(
            pairs: kept, onlyInA: onlyA, onlyInB: onlyB,
            headlinesAfterBody: alignment.headlinesAfterBody, exact: exact)
    }

    /// Whether an edit only drops or adds the hyphen of a word that the other version broke at a
    /// line end (`long-` / `term`, joined by the normaliser): the version that has the hyphen
    /// decides, so `long-term` against a broken `long-` / `term` is no edit, and a broken word
    /// against the joined word (`exam-` / `ple` against `example`) was never one.
    ///
    /// - Complexity: O(log h) for h joined hyphens.
    static func isJoinedHyphen(_ edit: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> Bool {
        func isHyphen(_ r: Range<Int>, _ text: NormalizedText) -> Bool {
            r.count == 1 && text.units[r.lowerBound] == 0x2D
        }
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

    /// Whether an edit only changes the case of Latin letters, and each letter whose
    /// case changed lies in a paragraph whose part in the edit is, on the side with the capital,
    /// two words or more in capitals (eight capitals at least, no small letter), as a headline
    /// print set in small capitals (`MUSEUM REOPENS` against `Museum reopens`): print's form of
    /// the same words, no edit. The edit may reach into the next paragraph (the normaliser joins
    /// a drop cap to its word, `T` / `he` to `The`, so the word is equal there). A word's case
    /// (`Nasa` → `NASA`) stays an edit.
    ///
    /// - Complexity: O(edit + c log P) for c case changes and P paragraphs.
    static func isCapitalsForm(_ edit: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> Bool {
        guard edit.operation == .replace else { return false }
        @inline(__always) func isCapital(_ u: UInt32) -> Bool { u &- 0x41 < 26 }
        @inline(__always) func isSmall(_ u: UInt32) -> Bool { u &- 0x61 < 26 }
        // Whether the part of `range` in the paragraph holding unit `i` is two words or more in
        // capitals.
        func inCapitals(_ i: Int, _ range: Range<Int>, _ text: NormalizedText) -> Bool {
            let part = text.units[range.clamped(to: text.paragraph(containing: i))]
            return part.contains(0x20) && !part.contains(where: isSmall) && part.filter(isCapital).count >= 8
        }
        guard edit.a.count == edit.b.count else { return false }
        let a = textA.units
        let b = textB.units
        var changed = false
        // The paragraph part last found in capitals on each side, so each part is read once.
        var checkedA = -1
        var checkedB = -1
        for (i, j) in zip(edit.a, edit.b) {
            let (x, y) = (a[i], b[j])
            if x != y {
                if isCapital(x) && x | 0x20 == y {
                    let p = textA.paragraphIndex(of: i)
                    if p != checkedA {
                        guard inCapitals(i, edit.a, textA) else { return false }
                        checkedA = p
                    }
                } else if isCapital(y) && y | 0x20 == x {
                    let p = textB.paragraphIndex(of: j)
                    if p != checkedB {
                        guard inCapitals(j, edit.b, textB) else { return false }
                        checkedB = p
                    }
                } else {
                    return false
                }
                changed = true
            }
        }
        return changed
    }

    /// Whether an edit replaces text that is, on one side, a part of a paragraph two words or more
    /// in capitals (eight capitals at least, no small letter), by whole paragraphs with small
    /// letters on the other: a headline print set in small capitals against its web form, a word of it changed
    /// (`Hospital opens new emergency wing` → `COUNCIL OPENS NEW EMERGENCY WING`). Compared as
    /// they are, no word is equal and the edit is the whole headline; compared with case folded
    /// (`caseFolded`), it narrows to the words that changed (`[-Hospital-]{+COUNCIL+}`).
    ///
    /// - Complexity: O(edit).
    static func isInCapitalsAgainstSmall(_ edit: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> Bool {
        guard edit.operation == .replace, edit.a.count >= 8, edit.b.count >= 8 else { return false }
        func whole(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
            PassageGaps.isBoundary(range.lowerBound, text) && PassageGaps.isBoundary(range.upperBound, text)
        }
        func letters(_ range: Range<Int>, _ text: NormalizedText) -> (capitals: Int, small: Int) {
            var counts = (capitals: 0, small: 0)
            for u in text.units[range] {
                if u &- 0x41 < 26 { counts.capitals += 1 } else if u &- 0x61 < 26 { counts.small += 1 }
            }
            return counts
        }
        func inCapitals(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
            text.paragraphRanges(in: range).contains { part in
                let counts = letters(part, text)
                return counts.small == 0 && counts.capitals >= 8 && text.units[part].contains(0x20)
            }
        }
        let (a, b) = (letters(edit.a, textA), letters(edit.b, textB))
        return a.small > 0 && b.capitals >= 8 && whole(edit.a, textA) && inCapitals(edit.b, textB)
            || b.small > 0 && a.capitals >= 8 && whole(edit.b, textB) && inCapitals(edit.a, textA)
    }

    /// The text with Latin capitals as small letters, its paragraphs kept (no map: only the
    /// diff's tokens are read).
    ///
    /// - Complexity: O(n).
    static func caseFolded(_ text: NormalizedText) -> NormalizedText {
        NormalizedText(
            units: text.units.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, origins: OriginMap(),
            paragraphStarts: text.paragraphStarts, originCount: text.originCount)
    }

    /// Whether an edit only adds or drops spaces between two digits (`350` against `35 0`: print
    /// cut the number at a line end, and the join set a space between the digits): the same
    /// number, no edit. Any other difference, or a space beside a letter, keeps the edit.
    ///
    /// - Complexity: O(edit) (a space's neighbours are looked up past runs of spaces only).
    static func isDigitSpacing(_ edit: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> Bool {
        @inline(__always) func isDigit(_ u: UInt32) -> Bool { u &- 0x30 < 10 }
        // The units of `range` without the spaces whose nearest other units are digits.
        func numberForm(_ range: Range<Int>, _ text: NormalizedText) -> (units: [UInt32], spaces: Int) {
            let units = text.units
            var kept: [UInt32] = []
            kept.reserveCapacity(range.count)
            var spaces = 0
            for i in range {
                guard units[i] == 0x20 else {
                    kept.append(units[i])
                    continue
                }
                var before = i - 1
                while before >= 0 && units[before] == 0x20 { before -= 1 }
                var after = i + 1
                while after < units.count && units[after] == 0x20 { after += 1 }
                if before >= 0 && after < units.count && isDigit(units[before]) && isDigit(units[after]) {
                    spaces += 1
                } else {
                    kept.append(units[i])
                }
            }
            return (kept, spaces)
        }
        guard edit.a.count + edit.b.count <= 64 else { return false }
        let a = numberForm(edit.a, textA)
        let b = numberForm(edit.b, textB)
        return a.spaces + b.spaces > 0 && a.units == b.units
    }

    /// Splits an insert (or delete) of a clause, a sentence end and whole paragraphs, made
    /// before the same sentence end in both versions (`，取得了良好效果。⏎P` before `。`), into
    /// the clause's insert and the paragraphs' insert: the diff may match either sentence end,
    /// and matching the first leaves the paragraphs whole (kind `paragraph`, as a copy desk
    /// reads them). The shared text moved over is at most 4 units and unchanged; the
    /// paragraphs are body text (`ArticleSplitter.isBody`), a heading is not split off. A
    /// replace is split likewise (`splitReplace`).
    ///
    /// - Complexity: O(e log P) for e edits and P paragraphs.
    static func splitBesideParagraphs(
        _ edits: [Edit], _ pair: AlignedPair, _ textA: NormalizedText, _ textB: NormalizedText
    ) -> [Edit] {
        var result: [Edit] = []
        result.reserveCapacity(edits.count)
        for (n, e) in edits.enumerated() {
            if e.operation == .replace {
                result.append(contentsOf: splitReplace(e, textA, textB))
                continue
            }
            result.append(e)
            let inB = e.a.isEmpty
            let (text, other, r, f) = inB ? (textB, textA, e.b, e.a.lowerBound) : (textA, textB, e.a, e.b.lowerBound)
            guard !r.isEmpty, !text.paragraphStarts.isEmpty, !isWholeParagraphs(r, text, facing: f, other) else {
                continue
            }
            let p = text.paragraphIndex(of: r.lowerBound) + 1
            guard p < text.paragraphStarts.count, text.paragraphStarts[p] < r.upperBound else { continue }
            var k = text.paragraphStarts[p]  // the paragraphs' start; the sentence end before the spaces
            while k > r.lowerBound && text.units[k - 1] == 0x20 { k -= 1 }
            // The unchanged units after the edit, up to the next edit or the pair's end.
            let limit =
                n + 1 < edits.count
                ? min(inB ? edits[n + 1].b.lowerBound : edits[n + 1].a.lowerBound, r.upperBound + 4)
                : min(inB ? pair.b.upperBound : pair.a.upperBound, r.upperBound + 4)
            let otherLimit =
                n + 1 < edits.count ? (inB ? edits[n + 1].a.lowerBound : edits[n + 1].b.lowerBound) : Int.max
            for s in 1...4 where k - s > r.lowerBound && r.upperBound + s <= limit && f + s <= otherLimit {
                guard text.units[k - s..<k].elementsEqual(text.units[r.upperBound..<r.upperBound + s]),
                    isWholeParagraphs(k..<r.upperBound + s, text, facing: f + s, other),
                    isBody(k..<r.upperBound + s, text)
                else { continue }
                let (clause, paragraphs) = (r.lowerBound..<k - s, k..<r.upperBound + s)
                result[result.count - 1] = Edit(
                    operation: e.operation, kind: e.kind, a: inB ? f..<f : clause, b: inB ? clause : f..<f)
                result.append(
                    Edit(
                        operation: e.operation, kind: .paragraph, a: inB ? f + s..<f + s : paragraphs,
                        b: inB ? paragraphs : f + s..<f + s))
                break
            }
        }
        return result
    }

    /// A replace whose longer side begins (or ends) with whole body paragraphs and has at most 40
    /// units besides, the other side a few units, is the paragraphs' insert (delete) and a
    /// replace of the rest (`主` for `五` at the start of the paragraph after those added).
    ///
    /// - Complexity: O(log P) for a replace inside a paragraph; O(40 log P) at an edge.
    private static func splitReplace(_ e: Edit, _ textA: NormalizedText, _ textB: NormalizedText) -> [Edit] {
        let inB = e.b.count > e.a.count
        let (text, other, r, o) = inB ? (textB, textA, e.b, e.a) : (textA, textB, e.a, e.b)
        guard o.count <= 8, r.count > o.count, !text.paragraphStarts.isEmpty else { return [e] }
        func edit(_ op: EditOperation, _ kind: EditKind, _ x: Range<Int>, _ y: Range<Int>) -> Edit {
            Edit(operation: op, kind: kind, a: inB ? y : x, b: inB ? x : y)
        }
        // Most replaces lie inside a paragraph: neither end of the longer side is an edge.
        let leading = PassageGaps.isParagraphEdge(r.lowerBound, text, facing: o.lowerBound, other, start: true)
        let trailing = PassageGaps.isParagraphEdge(r.upperBound, text, facing: o.upperBound, other, start: false)
        guard leading || trailing else { return [e] }
        for d in 1...min(40, r.count - 1) {
            // Paragraphs first, then the rest facing the other side.
            let k = r.upperBound - d
            if leading, isWholeParagraphs(r.lowerBound..<k, text, facing: o.lowerBound, other),
                isBody(r.lowerBound..<k, text)
            {
                return [
                    edit(inB ? .insert : .delete, .paragraph, r.lowerBound..<k, o.lowerBound..<o.lowerBound),
                    edit(.replace, e.kind, k..<r.upperBound, o),
                ]
            }
            // The rest, then the paragraphs.
            let j = r.lowerBound + d
            if trailing, isWholeParagraphs(j..<r.upperBound, text, facing: o.upperBound, other),
                isBody(j..<r.upperBound, text)
            {
                return [
                    edit(.replace, e.kind, r.lowerBound..<j, o),
                    edit(inB ? .insert : .delete, .paragraph, j..<r.upperBound, o.upperBound..<o.upperBound),
                ]
            }
        }
        return [e]
    }

    /// Whether every paragraph of `range` is body text that ends a sentence (no heading).
    private static func isBody(_ range: Range<Int>, _ text: NormalizedText) -> Bool {
        text.paragraphRanges(in: range).allSatisfy {
            ArticleSplitter.isBody(text.units[$0]) && PassageGaps.endsSentence(text.units[$0])
        }
    }

    /// Whether `range` (spaces aside) begins at a paragraph start and ends at a paragraph end,
    /// judged with the other version's help where that has nothing (`facing`, the position of
    /// an insert or delete): a sentence end where the other version has a paragraph boundary is
    /// a paragraph edge too (`PassageGaps.isParagraphEdge`: print loses a break where a
    /// paragraph's last line is full).
    ///
    /// - Complexity: O(log P) for P paragraphs, plus the spaces at its ends.
    static func isWholeParagraphs(
        _ range: Range<Int>, _ text: NormalizedText, facing: Int, _ other: NormalizedText
    ) -> Bool {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && text.units[lo] == 0x20 { lo += 1 }
        while hi > lo && text.units[hi - 1] == 0x20 { hi -= 1 }
        guard lo < hi, !text.paragraphStarts.isEmpty else { return false }
        return PassageGaps.isParagraphEdge(lo, text, facing: facing, other, start: true)
            && PassageGaps.isParagraphEdge(hi, text, facing: facing, other, start: false)
    }

    /// The diff of each gap, in order, on two threads when the gaps hold more than
    /// `parallelUnits` units together. Each worker keeps one tokenizer for all its gaps (a
    /// tokenizer's tables cost more to set up than a short gap costs to diff). Which gaps a
    /// worker takes depends only on their number, so the result is the same on every run and
    /// machine.
    ///
    /// - Complexity: that of `TextDiff.diff` summed over the gaps.
    public static func diffGaps(
        _ gaps: [(a: Range<Int>, b: Range<Int>)], _ textA: NormalizedText,
        _ textB: NormalizedText, options: DiffOptions,
        parallelUnits: Int = 10_000
    ) -> [DiffResult] {
        let units = gaps.reduce(0) { $0 + $1.a.count + $1.b.count }
        let workers = units > parallelUnits && gaps.count > 1 ? 2 : 1
        let empty = DiffResult(edits: [], exact: true, equalUnits: 0)
        let results = SharedSlots(repeating: empty, count: gaps.count)
        // Workers take gaps in turn by index, so both get a share of every part of the texts.
        let work: @Sendable (Int) -> Void = { worker in
            var tokenizer = DiffTokenizer()
            for index in stride(from: worker, to: gaps.count, by: workers) {
                results[index] = TextDiff.diff(
                    textA, gaps[index].a, textB, gaps[index].b,
                    options: options, tokenizer: &tokenizer)
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return results.take(resettingTo: empty)
    }
}
