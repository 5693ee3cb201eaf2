import Foundation

/// Rejects, before any shingle set is compared, candidate pairs whose sketches agree too little
/// for verification to accept them.
///
/// A pair passes verification only if its Jaccard similarity J reaches `threshold`, or its
/// containment reaches `containmentThreshold` with the smaller set at least
/// `minimumContainedShingles` large. For sets of sizes s ≤ l, containment c means
/// J = c·s / (s + l − c·s), so verification can only accept when J ≥ J* = the smaller of
/// `threshold` and, when containment may count, `containmentThreshold`·s / (s + l −
/// `containmentThreshold`·s). The sizes are the exact sizes of the compact shingle sets that
/// verification compares.
///
/// Each of the n = k − (values either document borrowed) positions of the signatures that both
/// documents filled from their own bins agrees with probability J, and sketch bytes agree at least
/// wherever values do (`SketchTable`). Treating those positions as independent draws (the bins of
/// one-permutation hashing are close to it; Li, Owen & Zhang 2012), the Chernoff bound bounds the
/// chance that a pair of similarity p shows at most a fraction q < p of agreements by
/// exp(−n·KL(q‖p)), KL the Kullback-Leibler divergence of Bernoulli(q) from Bernoulli(p). The
/// filter rejects a pair only when that bound, at p = J* − `slack`, is at most `missRate`
/// (10⁻⁹): for equal-sized documents (J* = 0.67) and n = 128 it rejects below 47 agreeing bytes,
/// where an accepted pair shows 85 on average. `slack` (0.01) covers the difference between the
/// 64-bit shingles MinHash sees and the 32-bit compact ones verification counts. Where n is small
/// (short documents, short signatures) the bound rejects little or nothing. The filter is a
/// fixed function of the two sketches and sizes: the same on every run.
public struct CandidateFilter: Sendable {
    /// The bound on the chance of rejecting a pair verification would accept.
    public static let missRate = 1e-9

    let options: ClusterOptions
    let sketches: SketchTable
    /// Distinct compact shingles of each document (`Shingler.compactSet(of:)`).
    let sizes: [UInt32]
    /// For a pair without borrowed values (n = k positions) and each count of agreements m,
    /// the largest similarity at which `rejects` keeps the pair: the logarithms of the bound,
    /// solved once instead of for every pair.
    let highestKept: [Double]

    /// A filter for `options` over the sketches and compact set sizes of every document.
    ///
    /// - Complexity: O(1).
    public init(options: ClusterOptions, sketches: SketchTable, sizes: [UInt32]) {
        precondition(sizes.count == sketches.documentCount)
        self.options = options
        self.sketches = sketches
        self.sizes = sizes
        let width = sketches.width
        highestKept = (0...width).map { Self.highestKept(agreements: $0, positions: width) }
    }

    /// The lowest Jaccard similarity at which verification could accept documents of `first`
    /// and `second` distinct shingles: `threshold`, or less when containment may count.
    ///
    /// - Complexity: O(1).
    public func lowestAcceptedJaccard(_ first: Int, _ second: Int) -> Double {
        let smaller = Double(min(first, second))
        let larger = Double(max(first, second))
        guard let c = options.containmentThreshold, min(first, second) >= options.minimumContainedShingles
        else { return options.threshold }
        return min(options.threshold, c * smaller / (smaller + larger - c * smaller))
    }

    /// Lowered by this, the lowest accepted Jaccard similarity is what the bound is taken at.
    public static let slack = 0.01

    /// Whether `agreements` agreeing positions out of `positions` are too few for a pair of
    /// Jaccard similarity at least `lowest`: the Chernoff bound on seeing so few is at most
    /// `missRate`.
    ///
    /// - Complexity: O(1).
    public static func rejects(agreements: Int, positions: Int, lowest: Double) -> Bool {
        if positions <= 0 { return false }
        let n = Double(positions)
        let q = Double(agreements) / n
        let p = min(lowest - slack, 0.999)
        if q >= p { return false }
        var divergence = (1 - q) * log((1 - q) / (1 - p))
        if q > 0 { divergence += q * log(q / p) }
        return n * divergence >= log(1 / missRate)
    }

    /// Whether verification may accept the pair `(a, b)`: false only when their sketches agree
    /// too little (see the type's description).
    ///
    /// - Complexity: O(k) for signatures of k values.
    public func mayAccept(_ a: Int, _ b: Int) -> Bool {
        let positions = sketches.width - sketches.borrowedValues(a) - sketches.borrowedValues(b)
        let agreements = sketches.agreements(a, b)
        let lowest = lowestAcceptedJaccard(Int(sizes[a]), Int(sizes[b]))
        if positions == sketches.width {
            return min(lowest - Self.slack, 0.999) <= highestKept[agreements]
        }
        return !Self.rejects(agreements: agreements, positions: positions, lowest: lowest)
    }

    /// The largest p in [0, 0.999] with `rejects` false at `lowest − slack = p`, found by
    /// bisection (`rejects` only grows with p).
    static func highestKept(agreements: Int, positions: Int) -> Double {
        func rejected(_ p: Double) -> Bool {
            rejects(agreements: agreements, positions: positions, lowest: p + slack)
        }
        if !rejected(0.999) { return 0.999 }
        var kept = Double(agreements) / Double(positions)  // q ≥ p is never rejected
        var cut = 0.999
        for _ in 0..<64 {
            let middle = (kept + cut) / 2
            if rejected(middle) { cut = middle } else { kept = middle }
        }
        return kept
    }
}
