import DoppelDiff
import DoppelIO
import DoppelText

/// One side of a comparison.
public enum CheckSide: String, Sendable {
    case a, b
}

/// One distinct change (the same A form turned into the same B form) and whether it was made
/// everywhere: the places where it was made, and the places of aligned text where B still has
/// the old form.
public struct ConsistencyFinding: Sendable, Equatable {
    /// A place where the change was made: the edit (its index in document order) and the forms'
    /// ranges in A and B.
    public struct Made: Sendable, Equatable {
        public var edit: Int
        public var a: Range<Int>
        public var b: Range<Int>
    }

    /// A place where the old form was left standing: `side` holds it at `range` (doppel reports
    /// B, the version that carries the change), and `counterpart` is the same text in the other
    /// side (aligned and equal, so the old form stands there too).
    public struct Kept: Sendable, Equatable {
        public var side: CheckSide
        public var range: Range<Int>
        public var counterpart: Range<Int>
    }

    /// The places where the change was made, in document order.
    public var made: [Made]
    /// The places where the old form was kept, ascending in B.
    public var kept: [Kept]

    /// True when the old form was kept nowhere.
    public var consistent: Bool { kept.isEmpty }
}

/// Was each change made everywhere? For every edit whose word repeats (`EditForm`, rule 2), the
/// edits making the same change are grouped, and B's aligned, unedited text is searched for the
/// old form: each place found is a place the change was not made.
///
/// A change to a form that A already uses elsewhere (`部门的` → `单位的` where A has `单位` too:
/// the B form's `core`) is
/// a rewording between two forms in use, not a rename: it gets no finding, so common words do
/// not flag every other place they stand.
package enum ConsistencyCheck {
    /// The findings of `c`, one per distinct repeated change, ordered by its first edit.
    ///
    /// - Parameters:
    ///   - forms: each edit's form, in document order (`nil`: none).
    ///   - searchA: the bigram table of `c.textA.units`.
    /// - Complexity: O(e log p) plus one lookup in `searchA` per edit with a repeated form, for
    ///   e edits and p pairs, and one pass over B (`FormScan`) when some change is repeated.
    package static func findings(
        _ c: Comparison, forms: [EditForm?], searchA: UnitSearch
    ) -> [ConsistencyFinding] {
        struct Key: Hashable {
            var a: [UInt32]
            var b: [UInt32]
        }
        var order: [Key] = []
        var made: [Key: [ConsistencyFinding.Made]] = [:]
        for (k, form) in forms.enumerated() {
            guard let form, form.repeated, searchA.wordCount(of: c.textB.units[form.core], upTo: 1) == 0 else {
                continue
            }
            let key = Key(a: Array(c.textA.units[form.a]), b: Array(c.textB.units[form.b]))
            if made[key] == nil { order.append(key) }
            made[key, default: []].append(.init(edit: k, a: form.a, b: form.b))
        }
        guard !order.isEmpty else { return [] }
        let byB = c.pairs.indices.sorted { c.pairs[$0].pair.b.lowerBound < c.pairs[$1].pair.b.lowerBound }
        let occurrences = FormScan.wordOccurrences(of: order.map(\.a), in: c.textB.units)
        return zip(order, occurrences).map { key, starts in
            let places = made[key]!
            var kept: [ConsistencyFinding.Kept] = []
            for start in starts {
                let range = start..<(start + key.a.count)
                guard !places.contains(where: { $0.b.overlaps(range) }),
                    let counterpart = counterpart(of: range, c, pairsByB: byB)
                else { continue }
                kept.append(.init(side: .b, range: range, counterpart: counterpart))
            }
            return ConsistencyFinding(made: places, kept: kept)
        }
    }

    /// The range of A aligned to `range` of B when `range` lies inside an aligned pair and no
    /// edit touches it; `nil` otherwise.
    ///
    /// - Complexity: O(log p + edits of the pair).
    static func counterpart(of range: Range<Int>, _ c: Comparison, pairsByB: [Int]) -> Range<Int>? {
        let next = pairsByB.partitioningIndex { c.pairs[$0].pair.b.upperBound > range.lowerBound }
        guard next < pairsByB.count else { return nil }
        let pc = c.pairs[pairsByB[next]]
        guard pc.pair.b.lowerBound <= range.lowerBound, range.upperBound <= pc.pair.b.upperBound else { return nil }
        var shift = 0
        for edit in pc.edits {
            if edit.b.overlaps(range)
                || (edit.b.isEmpty && range.contains(edit.b.lowerBound) && edit.b.lowerBound > range.lowerBound)
            {
                return nil
            }
            if edit.b.upperBound <= range.lowerBound { shift += edit.a.count - edit.b.count } else { break }
        }
        let start = pc.pair.a.lowerBound + (range.lowerBound - pc.pair.b.lowerBound) + shift
        return start..<(start + range.count)
    }
}
