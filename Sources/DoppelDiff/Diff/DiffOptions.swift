import DoppelIO

/// The settings of the Diff stage, validated once and passed down as a value.
public struct DiffOptions: Sendable, Equatable {
    /// The default `costBudget`: 50 million steps, a few tenths of a second of search on one
    /// core for texts of a million tokens (less for texts that fit in cache). A minimal search
    /// costs about D²/2 for D token edits, so scripts of up to about ten thousand edits stay
    /// minimal; two unrelated texts of a million tokens each spend the budget and fall back.
    public static let defaultCostBudget = 50_000_000

    /// The most work Myers' search may do for one `TextDiff.diff` call, counted as diagonals
    /// extended plus token pairs compared (see `MyersDiff`). Deterministic: the same inputs and
    /// budget give the same edits on every machine. Past it the diff falls back to anchoring on
    /// unique tokens and reports `exact == false`. Must not be negative.
    public var costBudget: Int
    /// Fold and shift the minimal script into the edits an editor would mark
    /// (`SemanticCleanup`); off, the edits are the raw minimal script, one per change.
    public var semanticCleanup: Bool

    public init(costBudget: Int = DiffOptions.defaultCostBudget, semanticCleanup: Bool = true) {
        self.costBudget = costBudget
        self.semanticCleanup = semanticCleanup
    }

    /// Throws `DoppelError.invalidOption` when a setting is out of range.
    public func validate() throws {
        if costBudget < 0 {
            throw DoppelError.invalidOption(name: "cost budget", reason: "must be 0 or more")
        }
    }
}
