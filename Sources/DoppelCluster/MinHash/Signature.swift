/// A MinHash signature (Broder 1997, "On the resemblance and containment of documents"): one
/// 32-bit value per permutation; two signatures agree at a position with probability equal to the
/// Jaccard similarity of the two shingle sets.
///
/// The signature of an empty shingle set has no values at all (`isEmpty`): it has nothing to
/// agree on, so `estimatedJaccard` gives 0 against every signature, itself and other empty ones
/// included, and LSH derives no band keys from it.
public struct Signature: Sendable, Equatable, Hashable {
    /// The minimum of each permutation (or bin), in permutation order; empty for an empty set.
    public var values: [UInt32]

    /// Wraps `values` as a signature. Any values are valid (no value is out of range, and an
    /// empty array is the empty set's signature), so this cannot fail; signatures of different
    /// lengths are refused where they meet, by `estimatedJaccard`'s precondition.
    ///
    /// - Complexity: O(1).
    public init(values: [UInt32]) {
        self.values = values
    }

    /// The signature of the empty shingle set.
    public static let empty = Signature(values: [])

    /// True for the signature of an empty shingle set.
    public var isEmpty: Bool { values.isEmpty }

    /// The fraction of positions where `a` and `b` agree: an unbiased estimate of the Jaccard
    /// similarity of their shingle sets, with standard error √(J(1−J)/k) for k values. 0 when either
    /// signature is empty.
    ///
    /// - Precondition: both signatures come from the same `MinHasher` (same length when
    ///   non-empty). A trap, not an error, by contract: this is the inner loop of signature
    ///   verification and of index queries, whose signatures all come from one hasher.
    /// - Complexity: O(k).
    public static func estimatedJaccard(_ a: Signature, _ b: Signature) -> Double {
        a.values.withUnsafeBufferPointer { x in
            b.values.withUnsafeBufferPointer { y in estimatedJaccard(x, y) }
        }
    }

    /// `estimatedJaccard` of two signatures given as their values (empty for an empty set).
    ///
    /// - Complexity: O(k).
    public static func estimatedJaccard(
        _ x: UnsafeBufferPointer<UInt32>,
        _ y: UnsafeBufferPointer<UInt32>
    ) -> Double {
        if x.isEmpty || y.isEmpty { return 0 }
        precondition(x.count == y.count, "signatures of different lengths")
        var agreeing = 0
        for i in 0..<x.count where x[i] == y[i] { agreeing += 1 }
        return Double(agreeing) / Double(x.count)
    }
}
