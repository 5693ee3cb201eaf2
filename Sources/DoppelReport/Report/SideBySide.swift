import DoppelCompare
import DoppelIO
import DoppelText

/// The rows of a side-by-side view of a `Comparison`: each aligned pair, and each passage found on
/// one side only, with the span of original text each row shows on each side.
///
/// Rows follow A's order (pairs and text only in A, by their position in A); text only in B is
/// placed after the pair that precedes it in B, or first when no pair does. On each side the
/// spans of the rows partition the compared text: a row's span starts at its first unit's
/// original position (or at the start of that line when only spaces come before it on the line)
/// and runs to the next row's span on that side, so the rows of one column, read in that
/// side's order, hold every code point from the first unit's line to the last unit's line
/// exactly once, including what normalisation set aside between them.
struct SideBySide {
    /// What a row shows.
    enum Content: Equatable {
        /// `comparison.pairs[index]`.
        case pair(Int)
        /// `comparison.onlyInA[index]`.
        case onlyInA(Int)
        /// `comparison.onlyInB[index]`.
        case onlyInB(Int)
    }

    struct Row: Equatable {
        var content: Content
        /// The original code points the row shows from A; `nil` when the row has no A side.
        var a: Range<Int>?
        /// The original code points the row shows from B.
        var b: Range<Int>?
    }

    var rows: [Row]

    /// Lays out the rows of `c`.
    ///
    /// - Complexity: O(r log r) for r rows, plus the spaces scanned back from each row's start.
    init(_ c: Comparison) {
        var aSide: [(position: Int, content: Content)] = c.pairs.enumerated().map { ($1.pair.a.lowerBound, .pair($0)) }
        aSide += c.onlyInA.enumerated().map { ($1.lowerBound, .onlyInA($0)) }
        aSide.sort { $0.position < $1.position }

        // Each text only in B goes after the pair that ends last before it in B. Pairs do not
        // overlap in B, so in the order of their starts their ends ascend too.
        let pairsByB = c.pairs.indices.sorted { c.pairs[$0].pair.b.lowerBound < c.pairs[$1].pair.b.lowerBound }
        var after: [Int: [Int]] = [:]  // pair index -> only-in-B indices, in B order
        var leading: [Int] = []
        for (k, range) in c.onlyInB.enumerated().sorted(by: { $0.element.lowerBound < $1.element.lowerBound }) {
            // The first pair ending after the range starts.
            let next = pairsByB.partitioningIndex { c.pairs[$0].pair.b.upperBound > range.lowerBound }
            if next > 0 { after[pairsByB[next - 1], default: []].append(k) } else { leading.append(k) }
        }
        var rows = leading.map { Row(content: .onlyInB($0)) }
        for (_, content) in aSide {
            rows.append(Row(content: content))
            if case let .pair(p) = content { rows += (after[p] ?? []).map { Row(content: .onlyInB($0)) } }
        }

        func units(_ content: Content) -> (a: Range<Int>?, b: Range<Int>?) {
            switch content {
            case let .pair(p): return (c.pairs[p].pair.a, c.pairs[p].pair.b)
            case let .onlyInA(k): return (c.onlyInA[k], nil)
            case let .onlyInB(k): return (nil, c.onlyInB[k])
            }
        }
        let spansA = Self.spans(rows.map { units($0.content).a }, c.textA, c.sourceA)
        let spansB = Self.spans(rows.map { units($0.content).b }, c.textB, c.sourceB)
        for i in rows.indices {
            rows[i].a = spansA[i]
            rows[i].b = spansB[i]
        }
        self.rows = rows
    }

    /// The spans of one side: each unit range's original range, its start drawn back to the line
    /// start over leading spaces, its end extended to the next span (in the side's order); the
    /// last ends after the spaces that end its line.
    private static func spans(_ units: [Range<Int>?], _ text: NormalizedText, _ source: SourceText) -> [Range<Int>?] {
        let order = units.indices.filter { units[$0] != nil }
            .sorted { units[$0]!.lowerBound < units[$1]!.lowerBound }
        var starts: [Int] = []
        var lastEnd = 0
        for row in order {
            let origin = text.originRange(of: units[row]!)
            starts.append(max(lineIndentStart(origin.lowerBound, source), starts.last ?? 0))
            lastEnd = max(lastEnd, origin.upperBound)
        }
        while lastEnd < source.scalars.count, isSpace(source.scalars[lastEnd].value) { lastEnd += 1 }
        var result = [Range<Int>?](repeating: nil, count: units.count)
        for (k, row) in order.enumerated() {
            let end = k + 1 < order.count ? starts[k + 1] : lastEnd
            result[row] = starts[k]..<max(starts[k], end)
        }
        return result
    }

    private static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 }

    /// `offset`, or the start of its line when only spaces precede it on the line.
    private static func lineIndentStart(_ offset: Int, _ source: SourceText) -> Int {
        var i = min(offset, source.scalars.count)
        while i > 0 {
            let v = source.scalars[i - 1].value
            if v == 0x0A || v == 0x0D || v == 0x0C { return i }
            guard isSpace(v) else { return offset }
            i -= 1
        }
        return 0
    }
}
