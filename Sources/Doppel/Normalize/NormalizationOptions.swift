/// The settings of the normaliser. The defaults remove layout differences only; the optional folds
/// (`ignoreCase`, `ignorePunctuation`, `foldVariants`) also hide content differences and are off.
public struct NormalizationOptions: Sendable, Equatable {
    /// How line breaks are read.
    public enum Layout: String, Sendable, CaseIterable {
        /// Decide from the text: hard-wrapped when most lines are short and of similar width.
        case auto
        /// Blank lines (or single line breaks in long lines) separate paragraphs.
        case flowed
        /// Print layout: every line break is a wrap; paragraph ends are recovered from line widths
        /// and sentence-final punctuation; blank lines mean nothing.
        case print
    }

    public var layout: Layout = .auto
    /// Fold letter case (Latin, Greek, Cyrillic ...).
    public var ignoreCase = false
    /// Drop punctuation and symbols entirely.
    public var ignorePunctuation = false
    /// Fold traditional Chinese characters to simplified (ICU `Hant-Hans`), per character.
    public var foldVariants = false
    /// Keep page furniture (section labels, editor credits, running dates and heads: see
    /// `PageFurniture`) as text; by default it is set aside like layout and counted in the
    /// ledger as `furniture`.
    public var keepFurniture = false
    /// Keep the map back to the original (`originStarts`/`originEnds`). Clustering turns it off
    /// to save memory and time; the map arrays are then empty.
    public var keepMap = true

    public init(layout: Layout = .auto, ignoreCase: Bool = false, ignorePunctuation: Bool = false,
                foldVariants: Bool = false, keepFurniture: Bool = false, keepMap: Bool = true) {
        self.layout = layout
        self.ignoreCase = ignoreCase
        self.ignorePunctuation = ignorePunctuation
        self.foldVariants = foldVariants
        self.keepFurniture = keepFurniture
        self.keepMap = keepMap
    }
}
