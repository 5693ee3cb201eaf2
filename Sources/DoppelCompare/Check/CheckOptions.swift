import DoppelDiff
import DoppelIO
import DoppelText

/// The settings of the checks `doppel diff` runs on its edits (`docs/evidence.md`): whether each
/// change was made everywhere (consistency) and how the word-extent rule finds the word an edit
/// belongs to. The defaults are `standard`; the initialiser validates.
public struct CheckOptions: Sendable, Equatable {
    /// Check whether each change was made at every place where the old form stands in aligned
    /// text (`--no-check` turns it off).
    public let consistency: Bool
    /// Units of equal context the word-extent rule may add on each side of an edit.
    public let maximumContext: Int
    /// Fewest units each form of a word must hold (the distinctiveness floor's length).
    public let minimumUnits: Int
    /// Most occurrences the old form may have in its text and still name one word: a form
    /// that stands more often is common text, not a word the change is about (the floor that
    /// keeps one common character from flagging half a page).
    public let maximumOccurrences: Int
    /// Least share of the changed units' occurrences (in A) that the old form must account for:
    /// context that does not stay with the changed units is not part of their word.
    public let minimumCohesion: Double
    /// Examples of each form the evidence keeps.
    public let examples: Int

    /// The defaults: consistency on, 4 units of context each side, forms of at least 2 units,
    /// an old form standing at most 8 times and at half or more of the changed units' places,
    /// 3 examples per form.
    public static let standard = try! CheckOptions()

    /// Validates and stores the settings.
    ///
    /// - Throws: `DoppelError.invalidOption` when a count is out of range: `maximumContext` in
    ///   0...16, `minimumUnits` in 1...16, `maximumOccurrences` from 2, `minimumCohesion` in
    ///   0...1, `examples` from 0.
    /// - Complexity: O(1).
    public init(
        consistency: Bool = true, maximumContext: Int = 4, minimumUnits: Int = 2,
        maximumOccurrences: Int = 8, minimumCohesion: Double = 0.5, examples: Int = 3
    ) throws {
        guard (0...16).contains(maximumContext) else {
            throw DoppelError.invalidOption(name: "maximumContext", reason: "\(maximumContext) is not in 0...16")
        }
        guard (1...16).contains(minimumUnits) else {
            throw DoppelError.invalidOption(name: "minimumUnits", reason: "\(minimumUnits) is not in 1...16")
        }
        guard maximumOccurrences >= 2 else {
            throw DoppelError.invalidOption(name: "maximumOccurrences", reason: "\(maximumOccurrences) is below 2")
        }
        guard (0...1).contains(minimumCohesion) else {
            throw DoppelError.invalidOption(name: "minimumCohesion", reason: "\(minimumCohesion) is not in 0...1")
        }
        guard examples >= 0 else {
            throw DoppelError.invalidOption(name: "examples", reason: "\(examples) is below 0")
        }
        self.consistency = consistency
        self.maximumContext = maximumContext
        self.minimumUnits = minimumUnits
        self.maximumOccurrences = maximumOccurrences
        self.minimumCohesion = minimumCohesion
        self.examples = examples
    }
}
