import DoppelIO
import DoppelText

/// Which witnesses agree with which: overall (the share of text each pair has in common) and
/// place by place (at how many variant locations two witnesses read differently), so "print
/// follows web v2 except at 3 places" can be read off.
public struct Agreement: Sendable, Equatable {
    /// `shares[i][j]`: 2 × the units equal in witnesses `i` and `j`'s pairwise diff / (the units
    /// of both), as `doppel diff` reports `similarity`; 1 on the diagonal.
    public var shares: [[Double]]
    /// `differences[i][j]`: the variant locations where `i` and `j` both have a reading and the
    /// readings differ; 0 on the diagonal.
    public var differences: [[Int]]

    public init(shares: [[Double]], differences: [[Int]]) {
        self.shares = shares
        self.differences = differences
    }

    /// Counts `differences` from the variant locations.
    ///
    /// - Complexity: O(Σ over locations of w²) for w witnesses with a reading there.
    public init(shares: [[Double]], variants: [VariantLocation]) {
        let n = shares.count
        var differences = Array(repeating: Array(repeating: 0, count: n), count: n)
        for location in variants {
            for (r, reading) in location.readings.enumerated() {
                for other in location.readings[(r + 1)...] {
                    for i in reading.witnesses {
                        for j in other.witnesses {
                            differences[i][j] += 1
                            differences[j][i] += 1
                        }
                    }
                }
            }
        }
        self.init(shares: shares, differences: differences)
    }

    /// The witness `i` follows most closely: the one with the highest share, ties to the fewest
    /// differences, then to the lower index; nil with a single witness.
    ///
    /// ```swift
    /// let w = collation.agreement.closest(to: 1)   // print follows web v2 …
    /// collation.agreement.differences[1][w!]       // … except at 3 places
    /// ```
    ///
    /// - Complexity: O(w).
    public func closest(to i: Int) -> Int? {
        var best: Int?
        for j in shares.indices where j != i {
            guard let b = best else {
                best = j
                continue
            }
            if (shares[i][j], -differences[i][j]) > (shares[i][b], -differences[i][b]) { best = j }
        }
        return best
    }
}
