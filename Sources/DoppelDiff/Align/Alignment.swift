/// A stretch where two texts agree exactly: `a ..< a + length` equals `b ..< b + length`.
public struct ExactMatch: Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var length: Int

    public init(a: Int, b: Int, length: Int) {
        self.a = a
        self.b = b
        self.length = length
    }

    public var aEnd: Int { a + length }
    public var bEnd: Int { b + length }
}

/// Two passages that are versions of each other: unit ranges in A and B, the exact matches that
/// tie them (ascending in both), and whether the passage moved (is out of order against the
/// other passages).
public struct AlignedPair: Sendable, Equatable {
    public var a: Range<Int>
    public var b: Range<Int>
    public var moved: Bool
    /// Exact matches inside the pair, ascending in both texts; what lies between them (and
    /// between the pair's ends and the first and last match) is what the Diff stage compares.
    public var matches: [ExactMatch]

    /// The stretches between matches: `(a, b)` unit ranges that may differ, in order.
    public var gaps: [(a: Range<Int>, b: Range<Int>)] {
        var result: [(a: Range<Int>, b: Range<Int>)] = []
        var ai = a.lowerBound
        var bi = b.lowerBound
        for m in matches {
            if m.a > ai || m.b > bi { result.append((ai..<m.a, bi..<m.b)) }
            ai = m.aEnd
            bi = m.bEnd
        }
        if ai < a.upperBound || bi < b.upperBound {
            result.append((ai..<a.upperBound, bi..<b.upperBound))
        }
        return result
    }

    /// Units of A inside exact matches.
    public var matchedUnits: Int { matches.reduce(0) { $0 + $1.length } }
}

/// The alignment of two normalised texts: the passages that are versions of each other, in A's
/// order, and the text that exists on one side only.
public struct Alignment: Sendable {
    public var pairs: [AlignedPair]
    public var onlyInA: [Range<Int>]
    public var onlyInB: [Range<Int>]
    /// Moved pairs that are a short heading which, in B, follows the passage it precedes in A.
    public var headlinesAfterBody: Int
}
