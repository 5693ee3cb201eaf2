import DoppelIO
import Foundation

/// The banding of a signature for locality-sensitive hashing (Leskovec, Rajaraman & Ullman,
/// *Mining of Massive Datasets*, ch. 3.4): the first `bands × rows` values are cut into `bands`
/// bands of `rows` values; two documents become candidates when all rows of at least one band
/// agree, which for Jaccard similarity s happens with probability `1 − (1 − sʳ)ᵇ`, an S-curve that
/// rises steeply around `(1/b)^(1/r)`.
public struct LSHParameters: Sendable, Equatable, CustomStringConvertible {
    /// Bands per signature.
    public let bands: Int
    /// Signature values per band.
    public let rows: Int

    /// A banding of `bands × rows` values.
    ///
    /// Example: `let banding = try LSHParameters(bands: 25, rows: 5)`.
    ///
    /// - Throws: `DoppelError.invalidOption` naming `bands` or `rows` when it is below 1.
    /// - Complexity: O(1).
    public init(bands: Int, rows: Int) throws {
        guard bands >= 1 else {
            throw DoppelError.invalidOption(name: "bands", reason: "\(bands) is not a positive count")
        }
        guard rows >= 1 else {
            throw DoppelError.invalidOption(name: "rows", reason: "\(rows) is not a positive count")
        }
        self.init(checkedBands: bands, rows: rows)
    }

    /// A banding whose sizes the caller has checked (both at least 1).
    ///
    /// - Complexity: O(1).
    init(checkedBands bands: Int, rows: Int) {
        self.bands = bands
        self.rows = rows
    }

    /// Signature values the banding reads (`bands × rows`, at most the permutation count).
    public var valuesUsed: Int { bands * rows }

    /// `"b×r"`, such as `21x6`.
    public var description: String { "\(bands)x\(rows)" }

    /// The probability `1 − (1 − sʳ)ᵇ` that two documents of Jaccard similarity `similarity` share
    /// at least one band.
    ///
    /// - Complexity: O(1).
    public func candidateProbability(similarity: Double) -> Double {
        // −expm1(b · log1p(−sʳ)) keeps precision when sʳ is tiny and 1 − sʳ would round to 1.
        -expm1(Double(bands) * log1p(-pow(similarity, Double(rows))))
    }

    /// The false-positive weight datasketch's `MinHashLSH` uses by default.
    public static let defaultFalsePositiveWeight = 0.5
    /// The false-negative weight datasketch's `MinHashLSH` uses by default.
    public static let defaultFalseNegativeWeight = 0.5

    /// The banding that minimises `falsePositiveWeight · ∫₀ᵗ P(s) ds + falseNegativeWeight ·
    /// ∫ₜ¹ (1 − P(s)) ds` over all `bands × rows ≤ permutations`, with `P` the candidate
    /// probability and `t` the threshold: the criterion of datasketch's `_optimal_param`, here
    /// with composite Simpson integration on 128 intervals. Ties keep the fewer bands.
    ///
    /// - Precondition: `0 < threshold <= 1`, `permutations >= 1`, weights non-negative.
    /// - Complexity: O(k log k) evaluations of the integrals for k permutations.
    public static func optimal(
        threshold: Double, permutations: Int,
        falsePositiveWeight: Double = defaultFalsePositiveWeight,
        falseNegativeWeight: Double = defaultFalseNegativeWeight
    )
        -> LSHParameters
    {
        precondition(threshold > 0 && threshold <= 1 && permutations >= 1)
        precondition(falsePositiveWeight >= 0 && falseNegativeWeight >= 0)
        var best = LSHParameters(checkedBands: 1, rows: 1)
        var bestError = Double.infinity
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let candidate = LSHParameters(checkedBands: bands, rows: rows)
                let error =
                    falsePositiveWeight * candidate.falsePositiveArea(threshold: threshold)
                    + falseNegativeWeight * candidate.falseNegativeArea(threshold: threshold)
                if error < bestError {
                    bestError = error
                    best = candidate
                }
            }
        }
        return best
    }

    /// `∫₀ᵗ P(s) ds`: how much probability of becoming candidates pairs below the threshold get.
    ///
    /// - Complexity: O(1) (129 evaluations).
    public func falsePositiveArea(threshold: Double) -> Double {
        Self.simpson(from: 0, to: threshold) { candidateProbability(similarity: $0) }
    }

    /// `∫ₜ¹ (1 − P(s)) ds`: how much probability of being missed pairs above the threshold get.
    ///
    /// - Complexity: O(1) (129 evaluations).
    public func falseNegativeArea(threshold: Double) -> Double {
        Self.simpson(from: threshold, to: 1) { 1 - candidateProbability(similarity: $0) }
    }

    private static func simpson(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let intervals = 128
        let h = (b - a) / Double(intervals)
        var sum = f(a) + f(b)
        for i in 1..<intervals {
            sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h)
        }
        return sum * h / 3
    }
}
