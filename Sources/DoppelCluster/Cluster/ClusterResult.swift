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
        /// The aligned share that makes a short pair a version, nil when off.
        public var alignedShare: Double?
        /// The largest set for which the aligned share is measured.
        public var shortItemShingles: Int
        /// Bands of the containment banding (0 when off).
        public var containmentBands: Int
        /// Rows per band of the containment banding.
        public var containmentRows: Int
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
            alignedShare = options.alignedShare
            shortItemShingles = options.shortItemShingles
            containmentBands = options.containmentLSH?.bands ?? 0
            containmentRows = options.containmentLSH?.rows ?? 0
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

    /// How a verified pair joins (docs/cluster-rules.md).
    public enum Relation: String, Sendable, Equatable {
        /// Two versions of one text: Jaccard ≥ threshold, or a short pair whose aligned share
        /// reaches `alignedShare`. Versions merge their clusters.
        case version
        /// The smaller document is contained in the larger. An excerpt attaches its cluster to
        /// its best container's only; it never merges two containers.
        case excerpt
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
        /// How the pair joins.
        public var relation: Relation
        /// The lower aligned share (`AlignedShare.lower`), when verification measured it.
        public var aligned: Double?

        /// A verified pair.
        ///
        /// - Complexity: O(1).
        public init(
            a: Int, b: Int, jaccard: Double, containment: Double,
            relation: Relation = .version, aligned: Double? = nil
        ) {
            self.a = a
            self.b = b
            self.jaccard = jaccard
            self.containment = containment
            self.relation = relation
            self.aligned = aligned
        }
    }

    /// A member contained in documents outside its cluster: the containers its cluster did not
    /// attach to.
    public struct ContainedIn: Sendable, Equatable {
        /// The contained member.
        public var document: Int
        /// The other documents it is contained in, ascending; none of them in its cluster.
        public var containers: [Int]

        /// A containment from its parts.
        ///
        /// - Complexity: O(1).
        public init(document: Int, containers: [Int]) {
            self.document = document
            self.containers = containers
        }
    }

    /// Two or more versions of one text, and the excerpts attached to them.
    public struct Cluster: Sendable, Equatable {
        /// The fullest member: most normalised characters, the earliest on a tie.
        public var representative: Int
        /// The members, ascending (input order).
        public var members: [Int]
        /// The pairs that joined the members, `members.count − 1` ordered by `(a, b)`: a
        /// maximum spanning forest of the version pairs by Jaccard (Kruskal, ties by position),
        /// then each attached part's excerpt pair with its best container.
        public var pairs: [Pair]
        /// Members also contained in documents outside the cluster, ascending by member.
        public var containedIn: [ContainedIn]

        /// A cluster.
        ///
        /// - Complexity: O(1).
        public init(
            representative: Int, members: [Int], pairs: [Pair],
            containedIn: [ContainedIn] = []
        ) {
            self.representative = representative
            self.members = members
            self.pairs = pairs
            self.containedIn = containedIn
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
