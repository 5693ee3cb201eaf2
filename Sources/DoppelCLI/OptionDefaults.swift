import Doppel

/// The defaults the option tables show, each quoted from the library value that the command
/// falls back to when the option is not given (`ClusterOptions.standard`, `FailurePolicy.standard`,
/// `FolderDiffOptions.standard`, …), so `--help`, the man page and the behaviour cannot drift apart.
/// Only the output format and colour, which the library does not see, are the CLI's own.
enum OptionDefaults {
    static let cluster = ClusterOptions.standard
    static let normalization = NormalizationOptions.standard
    static let policy = FailurePolicy.standard
    static let folders = FolderDiffOptions.standard
    static let style = DiffReport.TextStyle()
    static let fields = JSONLinesFields()

    static var threshold: String { number(cluster.threshold) }
    static var containment: String { cluster.containmentThreshold.map(number) ?? "off" }
    static var permutations: String { String(cluster.permutations) }
    static var verification: String { cluster.verification.rawValue }
    static var layout: String { normalization.layout.rawValue }
    static var context: String { String(style.context) }
    static var failOn: String { policy.findings.rawValue }
    static var maxEdits: String { String(policy.maxEdits) }
    static var onError: String { folders.onError.rawValue }
    static var matchSimilarity: String { number(folders.matchSimilarity) }
    static var idField: String { fields.idField }
    static var textField: String { fields.textField }

    /// A fraction as the user types it: `0.8`, `0.55`.
    static func number(_ value: Double) -> String { JSONWriter.format(value) }
}
