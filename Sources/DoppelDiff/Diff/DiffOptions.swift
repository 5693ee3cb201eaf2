import DoppelIO

/// The settings of the Diff stage, validated once when made and passed down as a value.
///
/// ```swift
/// let quick = try DiffOptions(costBudget: 100_000)   // DiffOptions.standard for the defaults
/// ```
public struct DiffOptions: Sendable, Equatable {
    /// The defaults: a cost budget of 50 million steps and the semantic cleanup on.
    ///
    /// 50 million steps are a few tenths of a second of search on one core for texts of a
    /// million tokens (less for texts that fit in cache). A minimal search costs about D²/2 for
    /// D token edits, so scripts of up to about ten thousand edits stay minimal; two unrelated
    /// texts of a million tokens each spend the budget and fall back.
    public static let standard = DiffOptions(validCostBudget: 50_000_000, semanticCleanup: true)

    /// The most work Myers' search may do for one `TextDiff.diff` call, counted as diagonals
    /// extended plus token pairs compared (see `MyersDiff`). Deterministic: the same inputs and
    /// budget give the same edits on every machine. Past it the diff falls back to anchoring on
    /// unique tokens and reports `exact == false`. Never negative.
    public let costBudget: Int
    /// Fold and shift the minimal script into the edits an editor would mark
    /// (`SemanticCleanup`); off, the edits are the raw minimal script, one per change.
    public let semanticCleanup: Bool

    /// Validates and stores the settings; a setting not given is `standard`'s.
    ///
    /// - Throws: `DoppelError.invalidOption` when `costBudget` is negative.
    /// - Complexity: O(1).
    public init(costBudget: Int = standard.costBudget, semanticCleanup: Bool = standard.semanticCleanup) throws {
        guard costBudget >= 0 else {
            throw DoppelError.invalidOption(name: "costBudget", reason: "\(costBudget) is negative")
        }
        self.init(validCostBudget: costBudget, semanticCleanup: semanticCleanup)
    }

    private init(validCostBudget: Int, semanticCleanup: Bool) {
        self.costBudget = validCostBudget
        self.semanticCleanup = semanticCleanup
    }
}
