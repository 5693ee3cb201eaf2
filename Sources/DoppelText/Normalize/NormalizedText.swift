import DoppelIO

/// The sequence later stages compare, with a map back to the original text.
///
/// `units` are Unicode code points after normalisation (compatibility folding, canonical
/// punctuation, layout whitespace removed). For each unit `i`, the original code points it came
/// from are `origins.range(of: i)`; the map is monotonic (non-decreasing in both ends) and
/// compact (`OriginMap`, about 2 bytes a unit). The map is empty when normalised with
/// `keepMap == false`. Paragraph boundaries are kept apart from the units: `paragraphStarts` lists the unit
/// index where each paragraph begins, so no stage compares a paragraph break as a character.
public struct NormalizedText: Sendable {
    /// Normalised code points.
    public var units: [UInt32]
    /// For each unit, the range of the original code points it came from (empty: no map).
    public var origins: OriginMap
    /// Unit indices where paragraphs begin, ascending, first is 0 when non-empty.
    public var paragraphStarts: [Int]
    /// Number of code points of the original (for mapping positions past the last unit).
    public var originCount: Int
    /// What normalisation set aside, by class.
    public var ledger: LayoutLedger
    /// True when the text was read as hard-wrapped print (headlines may follow their body).
    public var isPrintLayout = false
    /// Where a word broken by a line-end hyphen was joined (`exam-` / `ple`, `long-` / `term`):
    /// the index of the unit after the hyphen that was dropped, ascending. The comparison uses
    /// them to decide such a hyphen with the other version's help.
    public var hyphenJoins: [Int] = []
    /// The units of each paragraph set aside as page furniture (`PageFurniture`), in text order:
    /// what `PageFurniture.kickers(_:_:)` judges with the other version's help.
    public var furnitureLines: [[UInt32]] = []

    public init(
        units: [UInt32], origins: OriginMap, paragraphStarts: [Int], originCount: Int,
        ledger: LayoutLedger = LayoutLedger()
    ) {
        precondition(origins.isEmpty || units.count == origins.count, "one origin per unit, or none")
        self.units = units
        self.origins = origins
        self.paragraphStarts = paragraphStarts
        self.originCount = originCount
        self.ledger = ledger
    }

    /// A text whose unit `i` came from `originStarts[i] ..< originEnds[i]` (both empty: no map).
    ///
    /// - Complexity: O(n).
    public init(
        units: [UInt32], originStarts: [Int32], originEnds: [Int32], paragraphStarts: [Int],
        originCount: Int, ledger: LayoutLedger = LayoutLedger()
    ) {
        self.init(
            units: units, origins: OriginMap(starts: originStarts, ends: originEnds),
            paragraphStarts: paragraphStarts, originCount: originCount, ledger: ledger)
    }

    /// Builds a text whose units are the code points of `string`, each mapped to itself, with one
    /// paragraph. For tests and for callers that normalised elsewhere.
    public init(identity string: String) {
        let units = string.unicodeScalars.map(\.value)
        self.init(
            units: units, originStarts: (0..<units.count).map { Int32($0) },
            originEnds: (0..<units.count).map { Int32($0 + 1) },
            paragraphStarts: units.isEmpty ? [] : [0], originCount: units.count)
    }

    public var count: Int { units.count }

    /// The original code-point range that a range of units came from. An empty unit range maps to
    /// an empty original range at the insertion point (just after the previous unit's origin).
    ///
    /// - Complexity: O(64) (`OriginMap.range(of:)`).
    public func originRange(of range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at: Int
            if range.lowerBound == 0 {
                at = units.isEmpty ? 0 : origins.range(of: 0).lowerBound
            } else {
                at = origins.range(of: range.lowerBound - 1).upperBound
            }
            return at..<at
        }
        return origins.range(of: range.lowerBound).lowerBound..<origins.range(of: range.upperBound - 1).upperBound
    }

    /// The units of a range as a `String`.
    ///
    /// - Complexity: O(range.count).
    public func string(_ range: Range<Int>) -> String { UTF8Encoding.string(units[range]) }

    /// The paragraphs as unit ranges.
    public var paragraphRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphStarts.count)
        for (k, start) in paragraphStarts.enumerated() {
            let end = k + 1 < paragraphStarts.count ? paragraphStarts[k + 1] : units.count
            if start < end { ranges.append(start..<end) }
        }
        return ranges
    }

    /// `range` cut at the paragraph starts inside it: the paragraphs, or their parts, that it
    /// covers.
    ///
    /// - Complexity: O(log P + p) for P paragraphs, p of them inside `range`.
    public func paragraphRanges(in range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var p = paragraphStarts.isEmpty ? 0 : paragraphIndex(of: start)
        while p < paragraphStarts.count && paragraphStarts[p] <= start { p += 1 }
        while p < paragraphStarts.count && paragraphStarts[p] < range.upperBound {
            if paragraphStarts[p] > start { result.append(start..<paragraphStarts[p]) }
            start = paragraphStarts[p]
            p += 1
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The paragraph holding unit `i`, as a unit range (the whole text when there are no
    /// paragraph starts).
    ///
    /// - Complexity: O(log paragraphs).
    public func paragraph(containing i: Int) -> Range<Int> {
        guard !paragraphStarts.isEmpty else { return 0..<units.count }
        let p = paragraphIndex(of: i)
        return paragraphStarts[p]..<(p + 1 < paragraphStarts.count ? paragraphStarts[p + 1] : units.count)
    }

    /// Index of the paragraph holding unit `i`.
    ///
    /// - Complexity: O(log paragraphs).
    public func paragraphIndex(of i: Int) -> Int {
        var lo = 0
        var hi = paragraphStarts.count - 1
        if hi < 0 { return 0 }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if paragraphStarts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
