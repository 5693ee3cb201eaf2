import DoppelText

/// How an index was built: everything a later `add` or `query` must repeat to find the same
/// near-duplicates. Written once into the file's header and read back from it, never taken from
/// the command line of a later run.
public struct IndexParameters: Sendable, Equatable {
    /// Shingling, MinHash, thresholds and verification. `verification == .exact` keeps each
    /// document's compact shingle set in the file; `.signature` keeps its signature instead
    /// (`--signatures-only`: about a sixth of the size for 2 KB articles, estimates instead of
    /// exact similarities).
    public var cluster: ClusterOptions
    /// The banding of the band tables. Equal to `cluster.lsh` when built by this version; kept
    /// apart so an archive stays readable if a later version chooses bandings differently.
    public var lsh: LSHParameters
    /// The containment banding (`ClusterOptions.containmentLSH`: bands of 8-bit sketch bytes for
    /// truncated versions and short items), nil when the index has none. Kept apart like `lsh`.
    public var containmentLSH: LSHParameters?
    /// The largest set whose containment sample the sample table keeps (`ContainmentSample
    /// .largestSampled`): the table lists, for each document of `cluster.minimumContainedShingles`
    /// to this many shingles, its sampled shingles, so that a query finds the short documents it
    /// contains as `doppel cluster`'s containment sample does. Nil when the index has no sample
    /// table (signatures only, or containment off).
    public var largestSampled: Int?
    /// The seed of the MinHash functions.
    public var seed: UInt64
    /// How texts were normalised before shingling (`keepMap` is always false).
    public var normalization: NormalizationOptions

    /// The parameters of an index built with `cluster` and `normalization`, with the default
    /// MinHash seed and the bandings `cluster` chose.
    ///
    /// - Complexity: O(1).
    public init(cluster: ClusterOptions = .standard, normalization: NormalizationOptions = .init()) {
        self.init(
            cluster: cluster, lsh: cluster.lsh, containmentLSH: cluster.containmentLSH,
            largestSampled: cluster.containmentSample?.largestSampled,
            seed: MinHasher.defaultSeed, normalization: normalization)
    }

    /// Parameters from their parts (as read from a file).
    ///
    /// - Precondition: `lsh.valuesUsed` and `containmentLSH.valuesUsed` at most
    ///   `cluster.permutations`, `containmentLSH.rows` at most 4 (a key of sketch bytes),
    ///   `largestSampled` at least 1.
    /// - Complexity: O(1).
    public init(
        cluster: ClusterOptions, lsh: LSHParameters, containmentLSH: LSHParameters?,
        largestSampled: Int?, seed: UInt64, normalization: NormalizationOptions
    ) {
        precondition(lsh.valuesUsed <= cluster.permutations, "banding longer than the signature")
        precondition(
            containmentLSH.map { $0.valuesUsed <= cluster.permutations && $0.rows <= 4 } ?? true,
            "containment banding longer than the signature or its keys")
        self.cluster = cluster
        self.lsh = lsh
        precondition(largestSampled.map { $0 >= 1 } ?? true, "no set sampled")
        self.containmentLSH = containmentLSH
        self.largestSampled = largestSampled
        self.seed = seed
        var normalization = normalization
        normalization.keepMap = false
        self.normalization = normalization
    }

    /// Band tables in the file: the main banding's, then the containment banding's.
    public var bandTables: Int { lsh.bands + (containmentLSH?.bands ?? 0) }

    /// The sample table's number among the tables of the file's band section (after the band
    /// tables), nil when the index has none.
    public var sampleTable: Int? { largestSampled == nil ? nil : bandTables }

    /// Tables in the file's band section: the band tables, then the sample table if any.
    public var tables: Int { bandTables + (largestSampled == nil ? 0 : 1) }

    /// The containment sample a query of this index applies with the containment threshold
    /// `threshold`: `ContainmentSample`'s standard size and posting limit, and the largest set
    /// the index sampled. Nil without a sample table or with containment off.
    ///
    /// - Complexity: O(size²) (`ContainmentSample.init`).
    public func containmentSample(threshold: Double?) -> ContainmentSample? {
        guard let largestSampled, let threshold else { return nil }
        return ContainmentSample(threshold: threshold, largestSampled: largestSampled)
    }

    /// Whether a document of `shingles` distinct shingles has its sample in the sample table:
    /// `cluster.minimumContainedShingles` to `largestSampled` shingles.
    ///
    /// - Complexity: O(1).
    public func isSampled(shingles: Int) -> Bool {
        guard let largestSampled else { return false }
        return shingles >= cluster.minimumContainedShingles && shingles <= largestSampled
    }

    /// The keys of `signature` in the containment banding's tables, one per band: the band's
    /// sketch bytes (`SketchTable.key`, as `BandKeyTable.sketchPairs` groups them in
    /// `doppel cluster`) in the upper half of a 64-bit key, so that the tables store and look
    /// them up as the main banding's. None without a containment banding or for an empty
    /// signature.
    ///
    /// - Complexity: O(k) for a signature of k values.
    public func containmentKeys(of signature: Signature) -> [UInt64] {
        guard let banding = containmentLSH, !signature.values.isEmpty else { return [] }
        var sketch = SketchTable(width: signature.values.count, documentCount: 1)
        sketch.insert(signature.values, borrowed: 0, for: 0)
        return (0..<banding.bands).map {
            UInt64(sketch.key(of: 0, from: $0 * banding.rows, count: banding.rows)) << 32
        }
    }

    /// True when the file keeps compact shingle sets, so queries verify exactly.
    public var keepsShingleSets: Bool { cluster.verification == .exact }

    /// The hasher every signature of the index comes from.
    public var hasher: MinHasher {
        MinHasher(checkedPermutations: cluster.permutations, scheme: cluster.scheme, seed: seed)
    }

    /// The parameters as cluster reports show them, with this index's banding.
    public var reported: ClusterResult.Parameters {
        var reported = ClusterResult.Parameters(cluster)
        reported.bands = lsh.bands
        reported.rows = lsh.rows
        reported.containmentBands = containmentLSH?.bands ?? 0
        reported.containmentRows = containmentLSH?.rows ?? 0
        return reported
    }
}
