/// One stretch of a token-level edit script: a run of tokens equal on both sides, or a change that
/// deletes tokens `a` of the first sequence and inserts tokens `b` of the second.
public struct DiffSpan: Sendable, Equatable {
    /// Token indices in the first sequence.
    public var a: Range<Int>
    /// Token indices in the second sequence.
    public var b: Range<Int>
    /// True for an equal run (then `a.count == b.count`), false for a change.
    public var isEqual: Bool

    public init(a: Range<Int>, b: Range<Int>, isEqual: Bool) {
        self.a = a
        self.b = b
        self.isEqual = isEqual
    }
}

/// A token-level edit script between two sequences `a` and `b`.
///
/// The spans cover both sequences from start to end without gaps, in order; equal runs and
/// changes alternate; every equal run is non-empty and every change touches at least one side.
public struct TokenScript: Sendable, Equatable {
    public var spans: [DiffSpan]
    /// True when the script is minimal (no change could be avoided); false when part of it came
    /// from the fallback taken after the cost budget ran out.
    public var exact: Bool

    public init(spans: [DiffSpan], exact: Bool) {
        self.spans = spans
        self.exact = exact
    }

    /// The number of tokens deleted plus inserted: Myers' D, which a minimal script makes equal to
    /// `a.count + b.count - 2 * LCS(a, b)`.
    ///
    /// - Complexity: O(`spans.count`).
    public var editDistance: Int {
        var d = 0
        for span in spans where !span.isEqual { d += span.a.count + span.b.count }
        return d
    }

    /// Builds the spans of two sequences of lengths `aCount` and `bCount` from their matched runs,
    /// which must be ascending and non-overlapping on both sides.
    ///
    /// - Complexity: O(`matches.count`).
    init(aCount: Int, bCount: Int, matches: [TokenMatch], exact: Bool) {
        var spans: [DiffSpan] = []
        spans.reserveCapacity(matches.count * 2 + 1)
        var a = 0
        var b = 0
        for match in matches {
            if match.a > a || match.b > b {
                spans.append(DiffSpan(a: a..<match.a, b: b..<match.b, isEqual: false))
            }
            a = match.a + match.count
            b = match.b + match.count
            spans.append(DiffSpan(a: match.a..<a, b: match.b..<b, isEqual: true))
        }
        if a < aCount || b < bCount {
            spans.append(DiffSpan(a: a..<aCount, b: b..<bCount, isEqual: false))
        }
        self.init(spans: spans, exact: exact)
    }
}

/// A run of `count` equal tokens starting at `a` in the first sequence and `b` in the second.
struct TokenMatch: Equatable {
    var a: Int
    var b: Int
    var count: Int
}

/// Matched runs in ascending order, touching runs joined into one.
struct TokenMatchList {
    private(set) var matches: [TokenMatch] = []

    mutating func append(a: Int, b: Int, count: Int) {
        guard count > 0 else { return }
        if let last = matches.last, last.a + last.count == a, last.b + last.count == b {
            matches[matches.count - 1].count += count
        } else {
            matches.append(TokenMatch(a: a, b: b, count: count))
        }
    }
}
