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
    /// The seed of the MinHash functions.
    public var seed: UInt64
    /// How texts were normalised before shingling (`keepMap` is always false).
    public var normalization: NormalizationOptions

    /// The parameters of an index built with `cluster` and `normalization`, with the default
    /// MinHash seed and the banding `cluster` chose.
    ///
    /// - Complexity: O(1).
    public init(cluster: ClusterOptions = .standard, normalization: NormalizationOptions = .init()) {
        self.init(
            cluster: cluster, lsh: cluster.lsh, seed: MinHasher.defaultSeed,
            normalization: normalization)
    }

    /// Parameters from their parts (as read from a file).
    ///
    /// - Precondition: `lsh.valuesUsed <= cluster.permutations`.
    /// - Complexity: O(1).
    public init(
        cluster: ClusterOptions, lsh: LSHParameters, seed: UInt64,
        normalization: NormalizationOptions
    ) {
        precondition(lsh.valuesUsed <= cluster.permutations, "banding longer than the signature")
        self.cluster = cluster
        self.lsh = lsh
        self.seed = seed
        var normalization = normalization
        normalization.keepMap = false
        self.normalization = normalization
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
        return reported
    }
}
