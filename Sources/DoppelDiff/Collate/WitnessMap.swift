import DoppelIO
import DoppelText

/// Where the units of the central witness lie in another witness, read off their pairwise
/// diff (center as A, the witness as B).
///
/// Each aligned pair is cut into segments along A: exact matches (the same units on both
/// sides, mapped by offset), edits (mapped at their ends only), and stretches between them that
/// are equal token by token but may differ in spacing (mapped by counting the units that are not
/// spaces). Positions outside every pair have no place in the witness (it lacks that text).
struct WitnessMap: Sendable {
    /// One segment of a pair: `a` in the center, `b` in the witness.
    struct Segment: Sendable {
        enum Kind: Sendable { case exact, loose, edit }
        var a: Range<Int>
        var b: Range<Int>
        var kind: Kind
        var isInsert: Bool { kind == .edit && a.isEmpty }
    }

    let center: NormalizedText
    let witness: NormalizedText
    let diff: PassageDiff
    /// Pair indices in ascending order of their center range.
    private let order: [Int]
    /// The segments of each pair, ascending along A.
    private let segments: [[Segment]]

    /// - Complexity: O(matches + edits) of the diff.
    init(center: NormalizedText, witness: NormalizedText, diff: PassageDiff) {
        self.center = center
        self.witness = witness
        self.diff = diff
        order = diff.pairs.indices.sorted { diff.pairs[$0].pair.a.lowerBound < diff.pairs[$1].pair.a.lowerBound }
        segments = diff.pairs.map(Self.segments(of:))
    }

    private static func segments(of pc: PairComparison) -> [Segment] {
        var items: [Segment] = pc.pair.matches.map {
            Segment(a: $0.a..<$0.aEnd, b: $0.b..<$0.bEnd, kind: .exact)
        }
        items += pc.edits.map { Segment(a: $0.a, b: $0.b, kind: .edit) }
        items.sort { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
        var result: [Segment] = []
        result.reserveCapacity(items.count * 2 + 1)
        var x = pc.pair.a.lowerBound
        var y = pc.pair.b.lowerBound
        for item in items {
            if item.a.lowerBound > x || item.b.lowerBound > y {
                result.append(Segment(a: x..<max(x, item.a.lowerBound), b: y..<max(y, item.b.lowerBound), kind: .loose))
            }
            result.append(item)
            x = max(x, item.a.upperBound)
            y = max(y, item.b.upperBound)
        }
        if x < pc.pair.a.upperBound || y < pc.pair.b.upperBound {
            result.append(
                Segment(a: x..<max(x, pc.pair.a.upperBound), b: y..<max(y, pc.pair.b.upperBound), kind: .loose))
        }
        return result
    }

    /// The pair whose center range holds unit `p` (or, with `end`, unit `p - 1`; an empty range
    /// at `p` belongs to a pair reaching it from either side).
    ///
    /// - Complexity: O(log pairs).
    func pair(at p: Int, end: Bool = false) -> Int? {
        let bound = end ? p - 1 : p
        let after = order.partitioningIndex { diff.pairs[$0].pair.a.lowerBound > bound }
        guard after > 0 else { return nil }
        let index = order[after - 1]
        let a = diff.pairs[index].pair.a
        return (end ? p <= a.upperBound && p > a.lowerBound : p < a.upperBound) ? index : nil
    }

    /// The pair holding an empty range at `p`: one whose center range holds `p` or ends at it.
    func pair(touching p: Int) -> Int? { pair(at: p) ?? pair(at: p, end: true) }

    /// Where the unit at center position `p` begins in the witness (an insertion the witness
    /// makes at `p` included).
    ///
    /// - Complexity: O(log segments + the spaced stretch walked).
    func start(_ p: Int, in pairIndex: Int) -> Int {
        let segs = segments[pairIndex]
        var i = segs.partitioningIndex { $0.a.upperBound >= p }
        while i < segs.count {
            let s = segs[i]
            if s.a.upperBound > p || (s.isInsert && s.a.lowerBound == p) { break }
            i += 1
        }
        guard i < segs.count else { return diff.pairs[pairIndex].pair.b.upperBound }
        let s = segs[i]
        switch s.kind {
        case .edit: return s.b.lowerBound
        case .exact: return s.b.lowerBound + max(0, p - s.a.lowerBound)
        case .loose:
            let k = nonSpace(center.units, s.a.lowerBound..<p)
            var y = advance(witness.units, from: s.b.lowerBound, limit: s.b.upperBound, by: k)
            while y < s.b.upperBound && ScriptClass.of(witness.units[y]) == .space { y += 1 }
            return y
        }
    }

    /// Where the unit at center position `p - 1` ends in the witness (an insertion the witness
    /// makes at `p` included).
    ///
    /// - Complexity: as `start`.
    func end(_ p: Int, in pairIndex: Int) -> Int {
        let segs = segments[pairIndex]
        var i = segs.partitioningIndex { $0.a.lowerBound > p } - 1
        while i >= 0 {
            let s = segs[i]
            if s.a.lowerBound < p || (s.isInsert && s.a.lowerBound == p) { break }
            i -= 1
        }
        guard i >= 0 else { return diff.pairs[pairIndex].pair.b.lowerBound }
        let s = segs[i]
        switch s.kind {
        case .edit: return s.b.upperBound
        case .exact: return s.b.lowerBound + min(s.a.count, p - s.a.lowerBound)
        case .loose:
            let k = nonSpace(center.units, s.a.lowerBound..<min(p, s.a.upperBound))
            return advance(witness.units, from: s.b.lowerBound, limit: s.b.upperBound, by: k)
        }
    }

    private func nonSpace(_ units: [UInt32], _ range: Range<Int>) -> Int {
        var n = 0
        for i in range where ScriptClass.of(units[i]) != .space { n += 1 }
        return n
    }

    /// The position just past the `k`-th unit from `start` that is not a space.
    private func advance(_ units: [UInt32], from start: Int, limit: Int, by k: Int) -> Int {
        var y = start
        var left = k
        while left > 0 && y < limit {
            if ScriptClass.of(units[y]) != .space { left -= 1 }
            y += 1
        }
        return y
    }
}
