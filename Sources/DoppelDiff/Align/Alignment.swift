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

/// The tunables of alignment, with their documented defaults.
public struct AlignOptions: Sendable, Equatable {
    /// Length in units of the k-grams used as anchors; `nil` picks 8 for text written mostly in
    /// ideographs and 12 otherwise.
    public var anchorLength: Int?
    /// Largest gap (in units, on either side) that may separate two matches of one passage.
    public var maxGap = 300
    /// A one-sided gap at least this long (with the other side at most a quarter of it) splits a
    /// passage: the text there is reported as existing on one side only, not as an edit.
    public var oneSidedGap = 40
    /// Unmatched text at a passage's edge up to this long is drawn into the passage when it
    /// reaches a paragraph boundary (so an edit in a passage's first characters is an edit).
    public var edgeSlack = 40
    /// Texts longer than this (A plus B, in units) sample anchors: about one k-gram in
    /// `sampling` is an anchor candidate, chosen by its hash, so both sides sample the same ones.
    public var samplingAbove = 200_000
    public var sampling: UInt64 = 8

    public init(anchorLength: Int? = nil) { self.anchorLength = anchorLength }
}
