/// What clustering found: every document, and the groups of two or more that are versions of one
/// text. Documents are referred to by their position in `documents` (input order); a renderer
/// turns positions into ids. Singletons appear only in `documents`.
public struct ClusterResult: Sendable, Equatable {
    /// The settings that produced the result, as reports show them.
    public struct Parameters: Sendable, Equatable {
        /// Shingle options, such as `char5+word3`.
        public var shingle: String
        /// Values per signature.
        public var permutations: Int
        /// MinHash scheme (`oph` or `kperm`).
        public var scheme: String
        /// LSH bands.
        public var bands: Int
        /// LSH rows per band.
        public var rows: Int
        /// The Jaccard threshold of verification.
        public var threshold: Double
        /// The containment threshold, nil when containment is off.
        public var containmentThreshold: Double?
        /// The smallest shingle count for which containment counts.
        public var minimumContainedShingles: Int
        /// The similarity the banding aims at.
        public var candidateThreshold: Double
        /// `exact` or `signature`.
        public var verification: String

        /// The parameters of `options`.
        ///
        /// - Complexity: O(1).
        public init(_ options: ClusterOptions) {
            shingle = options.shingle.description
            permutations = options.permutations
            scheme = options.scheme.rawValue
            bands = options.lsh.bands
            rows = options.lsh.rows
            threshold = options.threshold
            containmentThreshold = options.containmentThreshold
            minimumContainedShingles = options.minimumContainedShingles
            candidateThreshold = options.candidateThreshold
            verification = options.verification.rawValue
        }
    }

    /// A document as the result reports it.
    public struct Document: Sendable, Equatable {
        /// The document's unique name.
        public var id: String
        /// Where it came from.
        public var path: String
        /// Its title, when the input has one.
        public var title: String?
        /// Normalised characters.
        public var chars: Int

        /// A document as reported.
        ///
        /// - Complexity: O(1).
        public init(id: String, path: String, title: String?, chars: Int) {
            self.id = id
            self.path = path
            self.title = title
            self.chars = chars
        }
    }

    /// A verified pair that joined two parts of a cluster.
    public struct Pair: Sendable, Equatable {
        /// The earlier document (position in `documents`).
        public var a: Int
        /// The later document.
        public var b: Int
        /// Jaccard similarity of their shingle sets (estimated under signature verification).
        public var jaccard: Double
        /// Containment of the smaller set in the larger.
        public var containment: Double

        /// A verified pair.
        ///
        /// - Complexity: O(1).
        public init(a: Int, b: Int, jaccard: Double, containment: Double) {
            self.a = a
            self.b = b
            self.jaccard = jaccard
            self.containment = containment
        }
    }

    /// Two or more versions of one text.
    public struct Cluster: Sendable, Equatable {
        /// The fullest member: most normalised characters, the earliest on a tie.
        public var representative: Int
        /// The members, ascending (input order).
        public var members: [Int]
        /// The pairs that joined the members: a maximum spanning tree of the verified pairs by
        /// Jaccard (Kruskal, ties by position), `members.count − 1` pairs ordered by `(a, b)`.
        public var pairs: [Pair]

        /// A cluster.
        ///
        /// - Complexity: O(1).
        public init(representative: Int, members: [Int], pairs: [Pair]) {
            self.representative = representative
            self.members = members
            self.pairs = pairs
        }
    }

    /// The settings that produced the result.
    public var parameters: Parameters
    /// Every document, in input order.
    public var documents: [Document]
    /// The clusters, ordered by their first member.
    public var clusters: [Cluster]

    /// A result from its parts.
    ///
    /// - Complexity: O(1).
    public init(parameters: Parameters, documents: [Document], clusters: [Cluster]) {
        self.parameters = parameters
        self.documents = documents
        self.clusters = clusters
    }
}
