import Doppel

/// The clustering settings `doppel sign` and `doppel index build` accept: the ones that decide
/// signatures, banding and verification, with `doppel cluster`'s defaults.
enum ClusterSettings {
    static let options: [OptionSpec] = [
        .value("threshold", "J", "Jaccard similarity that joins two documents.", default: OptionDefaults.threshold),
        .value(
            "containment", "C", "Containment that joins a truncated version to its full one; 'off' to disable.",
            default: OptionDefaults.containment),
        .value("permutations", "K", "MinHash values per signature.", default: OptionDefaults.permutations),
    ]

    /// The settings given, validated, with `verification`; settings not given are `defaults`'.
    /// With `keepingBanding` the candidate threshold is `defaults`' (an index's banding is fixed),
    /// else it follows the thresholds as in `doppel cluster`.
    static func cluster(
        _ arguments: ParsedArguments, verification: ClusterOptions.Verification,
        defaults: ClusterOptions = .standard, keepingBanding: Bool = false
    ) throws
        -> ClusterOptions
    {
        let given = options.contains { arguments.value($0.name) != nil }
        if !given && keepingBanding && verification == defaults.verification {
            return defaults  // choosing a banding again costs milliseconds a query need not spend
        }
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let raw = arguments.value(name) else { return fallback }
            guard let value = Double(raw) else {
                throw UsageError("Invalid value '\(raw)' for '--\(name)': a number from 0 to 1")
            }
            return value
        }
        let containment: Double?
        if arguments.value("containment") == "off" {
            containment = nil
        } else if arguments.value("containment") == nil {
            containment = defaults.containmentThreshold
        } else {
            containment = try number("containment", 0)
        }
        var permutations = defaults.permutations
        if let raw = arguments.value("permutations") {
            guard let k = Int(raw) else {
                throw UsageError("Invalid value '\(raw)' for '--permutations': a whole number")
            }
            permutations = k
        }
        return try ClusterOptions(
            threshold: try number("threshold", defaults.threshold), containmentThreshold: containment,
            minimumContainedShingles: defaults.minimumContainedShingles,
            alignedShare: defaults.alignedShare,
            shortItemShingles: defaults.shortItemShingles,
            candidateThreshold: keepingBanding ? defaults.candidateThreshold : nil,
            permutations: permutations, scheme: defaults.scheme, shingle: defaults.shingle,
            verification: verification, bucketLimit: defaults.bucketLimit)
    }
}
