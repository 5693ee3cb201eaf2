import DoppelIO

/// The settings of clustering, validated once when made; the defaults suit newspaper articles
/// that reappear edited, re-laid-out or cut.
public struct ClusterOptions: Sendable, Equatable {
    /// How a candidate pair is checked.
    public enum Verification: String, Sendable, CaseIterable {
        /// Exact Jaccard and containment of the shingle sets (32-bit compact sets, see
        /// `Shingler.compactShingleSet(of:)`).
        case exact
        /// Jaccard estimated from the signatures, containment derived from it and the set sizes
        /// (`SetOverlap.estimated`): faster, and pairs near the threshold may go either way.
        case signature
    }

    /// A pair is kept when its Jaccard similarity reaches this. Default 0.8: char 5-grams of a
    /// 700-character article lose up to 5 shingles per edited character, so 0.8 keeps a version
    /// with about a dozen scattered edits and rejects articles that merely share boilerplate.
    public let threshold: Double
    /// A pair is also kept when the smaller set's containment in the larger reaches this (a
    /// truncated version joins its full one); nil turns containment off. Default 0.8.
    public let containmentThreshold: Double?
    /// Containment counts only when the smaller document has at least this many shingles, so a
    /// line of boilerplate does not join every article that quotes it. Default 50 (a paragraph of
    /// about 55 Han characters).
    public let minimumContainedShingles: Int
    /// A short pair (the larger set at most `shortItemShingles`) whose Jaccard similarity is
    /// below `threshold` but at least `greyZoneFloor` is still a version when at least this
    /// share of each text aligns with the other and no number differs (`AlignedShare`: a few
    /// scattered one-character edits are not punished k times over); nil turns it off. Exact
    /// verification only. Default 0.85: five one-character edits in 135 characters measure
    /// about 0.93-0.95, five in 84 characters 0.87-0.9; a templated twin with another date
    /// differs in a number (`AlignedShare.factsDiffer`), and one with other names and places
    /// measured 0.77-0.80 on the generated test corpora.
    public let alignedShare: Double?
    /// The largest shingle set (of the larger document) for which `alignedShare` applies.
    /// Default 300 (about 300 Han characters): longer versions keep Jaccard ≥ 0.8 through a
    /// dozen scattered edits.
    public let shortItemShingles: Int
    /// The lowest Jaccard similarity at which `alignedShare` is measured (below it, at least
    /// half the text would have to differ).
    public static let greyZoneFloor = 0.4
    /// Pairs whose smaller set holds at most this fraction of the larger's also become
    /// candidates through `containmentLSH`.
    public static let containmentSizeRatio = 0.8
    /// The similarity LSH aims at when choosing bands and rows. Default: the lowest of 0.5,
    /// `threshold` and `containmentThreshold`. A copy cut to a fraction ρ of its original has
    /// Jaccard ρ, so verification can only see it through containment if LSH already makes it a
    /// candidate; aiming at 0.5 gives 25 bands of 5 rows, which makes a pair a candidate with
    /// probability 0.87 at Jaccard 0.6, 0.99 at 0.7 and 1 − 5·10⁻⁵ at 0.8 (measured on synthetic
    /// Chinese articles: recall of cut copies 0.99, against 0.977 when aiming at 0.6).
    public let candidateThreshold: Double
    /// Values per signature. Default 128.
    public let permutations: Int
    /// How signatures are computed. Default one-permutation hashing (measured fastest at equal
    /// accuracy).
    public let scheme: MinHashScheme
    /// How texts are shingled. Default `char5+word3`.
    public let shingle: ShingleOptions
    /// How candidates are verified. Default exact.
    public let verification: Verification
    /// Buckets with more documents than this are linked by star and chain
    /// (`BandKeyTable.candidatePairs`). Default 32.
    public let bucketLimit: Int
    /// The banding, chosen by `LSHParameters.optimal` for `candidateThreshold` and `permutations`
    /// with datasketch's equal weights of false positives and false negatives.
    public let lsh: LSHParameters
    /// The second banding, for truncated versions and short items (nil when containment and
    /// `alignedShare` are both off): ⌊k/4⌋ bands of 4 rows over the 8-bit sketches
    /// (`SketchTable`), applied only to pairs whose size ratio is at most
    /// `containmentSizeRatio` or whose larger set is at most `shortItemShingles`. A copy cut to
    /// 60 % of its original, lightly edited (containment 0.9), has Jaccard about 0.51; 25 bands
    /// of 5 rows make it a candidate with probability 0.58, the 32 bands of 4 rows with 0.89
    /// (0.95 at Jaccard 0.55, 0.99 at 0.6), the two together with about 0.96. Three rows would
    /// reach 0.997 at 0.51, but make three times as many chance candidates of documents built
    /// from shared sentences (the bench corpora), which verification then has to reject.
    public let containmentLSH: LSHParameters?
    /// The containment test of the candidate stage (`ContainmentSample`): each short document
    /// that can be the smaller side of a pair (`minimumContainedShingles` to 200 shingles,
    /// `ContainmentSample.largestSampled`, at most `containmentSizeRatio` of the largest set) is
    /// sampled, and each larger set that holds enough of the sample and contains it becomes its
    /// candidate (`ClusterEngine.containmentPairs`). Nil when containment is off or
    /// verification is by signature (the stored material is then no shingle set).
    public let containmentSample: ContainmentSample?

    /// The defaults.
    public static let standard = try! ClusterOptions()

    /// Validates and stores the settings, and chooses the banding.
    ///
    /// - Throws: `DoppelError.invalidOption` naming the first setting out of range.
    /// - Complexity: O(k log k) for k permutations (choosing the banding).
    public init(
        threshold: Double = 0.8, containmentThreshold: Double? = 0.8,
        minimumContainedShingles: Int = 50, alignedShare: Double? = 0.85,
        shortItemShingles: Int = 300, candidateThreshold: Double? = nil,
        permutations: Int = 128, scheme: MinHashScheme = .onePermutation,
        shingle: ShingleOptions = .standard, verification: Verification = .exact,
        bucketLimit: Int = BandKeyTable.defaultBucketLimit
    ) throws {
        func check(_ valid: Bool, _ name: String, _ reason: String) throws {
            if !valid { throw DoppelError.invalidOption(name: name, reason: reason) }
        }
        try check(threshold > 0 && threshold <= 1, "threshold", "\(threshold) is not in (0, 1]")
        if let containmentThreshold {
            try check(
                containmentThreshold > 0 && containmentThreshold <= 1, "containmentThreshold",
                "\(containmentThreshold) is not in (0, 1]")
        }
        try check(
            minimumContainedShingles >= 1, "minimumContainedShingles",
            "\(minimumContainedShingles) is not a positive count of shingles")
        if let alignedShare {
            try check(
                alignedShare > 0 && alignedShare <= 1, "--aligned-share",
                "\(alignedShare) is not in (0, 1]")
        }
        try check(
            shortItemShingles >= 0, "--short-item",
            "\(shortItemShingles) is not a count of shingles")
        let candidate = candidateThreshold ?? min(0.5, threshold, containmentThreshold ?? 1)
        try check(
            candidate > 0 && candidate <= 1, "candidateThreshold",
            "\(candidate) is not in (0, 1]")
        try check(
            (8...1024).contains(permutations), "permutations",
            "\(permutations) is not in 8...1024")
        try check(bucketLimit >= 2, "bucketLimit", "\(bucketLimit) is below 2")
        self.threshold = threshold
        self.containmentThreshold = containmentThreshold
        self.minimumContainedShingles = minimumContainedShingles
        self.alignedShare = verification == .exact ? alignedShare : nil
        self.shortItemShingles = shortItemShingles
        self.candidateThreshold = candidate
        self.permutations = permutations
        self.scheme = scheme
        self.shingle = shingle
        self.verification = verification
        self.bucketLimit = bucketLimit
        lsh = LSHParameters.optimal(threshold: candidate, permutations: permutations)
        containmentLSH =
            containmentThreshold == nil && self.alignedShare == nil
            ? nil : LSHParameters(checkedBands: permutations / 4, rows: 4)
        containmentSample =
            verification == .exact
            ? containmentThreshold.map { ContainmentSample(threshold: $0) } : nil
    }

    /// Whether a pair belongs in one cluster: Jaccard ≥ `threshold`, or containment ≥
    /// `containmentThreshold` with the smaller set at least `minimumContainedShingles` large.
    /// Pairs with nothing in common, empty sets among them, never pass (every threshold is
    /// positive). `relation` says how such a pair joins, and adds the aligned share.
    ///
    /// - Complexity: O(1).
    public func accepts(jaccard: Double, containment: Double, smallerCount: Int) -> Bool {
        if jaccard >= threshold { return true }
        return containsSmaller(containment: containment, smallerCount: smallerCount)
    }

    /// Whether the smaller set counts as contained in the larger: containment ≥
    /// `containmentThreshold` with the smaller set at least `minimumContainedShingles` large.
    ///
    /// - Complexity: O(1).
    public func containsSmaller(containment: Double, smallerCount: Int) -> Bool {
        guard let containmentThreshold else { return false }
        return smallerCount >= minimumContainedShingles && containment >= containmentThreshold
    }

    /// Whether verification measures the aligned share of a pair of sets of `first` and
    /// `second` shingles with Jaccard similarity `jaccard`: `alignedShare` is on, the larger set
    /// is at most `shortItemShingles`, and `greyZoneFloor` ≤ `jaccard` < `threshold`.
    ///
    /// - Complexity: O(1).
    public func measuresAlignedShare(jaccard: Double, _ first: Int, _ second: Int) -> Bool {
        alignedShare != nil && max(first, second) <= shortItemShingles
            && jaccard >= Self.greyZoneFloor && jaccard < threshold
    }

    /// How a pair joins, if it does (see docs/cluster-rules.md): `.version` when Jaccard ≥
    /// `threshold` or, for a short pair, `aligned` (measured when `measuresAlignedShare`)
    /// reaches `alignedShare` on both sides without a changed fact; else `.excerpt` when the
    /// smaller set counts as contained in the larger (`containsSmaller`); else nil.
    ///
    /// - Complexity: O(1).
    public func relation(
        jaccard: Double, containment: Double, smallerCount: Int,
        aligned: AlignedShare? = nil
    ) -> ClusterResult.Relation? {
        if jaccard >= threshold { return .version }
        if let aligned, let alignedShare, !aligned.factsDiffer, aligned.lower >= alignedShare {
            return .version
        }
        return containsSmaller(containment: containment, smallerCount: smallerCount) ? .excerpt : nil
    }

    /// A lower bound on the shared shingles of two sets of `first` and `second` shingles that
    /// `accepts` could accept: below it, a verification can stop counting. One shingle lower
    /// than the exact bound, so rounding never decides; `accepts` still makes the decision.
    ///
    /// - Complexity: O(1).
    public func fewestAcceptedCommon(_ first: Int, _ second: Int) -> Int {
        // Jaccard I / (a + b − I) ≥ t  ⟺  I ≥ t·(a + b) / (1 + t).
        var least = threshold * Double(first + second) / (1 + threshold)
        let smaller = min(first, second)
        if let containmentThreshold, smaller >= minimumContainedShingles {
            least = min(least, containmentThreshold * Double(smaller))
        }
        if alignedShare != nil && max(first, second) <= shortItemShingles {
            let floor = Self.greyZoneFloor
            least = min(least, floor * Double(first + second) / (1 + floor))
        }
        return max(0, Int(least.rounded(.down)) - 1)
    }
}
