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

    /// The defaults: layout detected, case, punctuation and variants kept, page furniture set
    /// aside, the map kept. Every value of every setting is valid, so the settings are plain
    /// variables.
    public static let standard = NormalizationOptions(
        layout: .auto, ignoreCase: false, ignorePunctuation: false, foldVariants: false, keepFurniture: false,
        keepMap: true)

    /// How line breaks are read.
    public var layout: Layout
    /// Fold letter case (Latin, Greek, Cyrillic ...).
    public var ignoreCase: Bool
    /// Drop punctuation and symbols entirely.
    public var ignorePunctuation: Bool
    /// Fold traditional Chinese characters to simplified (ICU `Hant-Hans`), per character.
    public var foldVariants: Bool
    /// Keep page furniture (section labels, editor credits, running dates and heads: see
    /// `PageFurniture`) as text; by default it is set aside like layout and counted in the
    /// ledger as `furniture`.
    public var keepFurniture: Bool
    /// Keep the map back to the original (`NormalizedText.origins`). Clustering turns it off
    /// to save memory and time; the map arrays are then empty.
    public var keepMap: Bool

    /// The settings; a setting not given is `standard`'s.
    ///
    /// - Complexity: O(1).
    public init(
        layout: Layout = standard.layout, ignoreCase: Bool = standard.ignoreCase,
        ignorePunctuation: Bool = standard.ignorePunctuation, foldVariants: Bool = standard.foldVariants,
        keepFurniture: Bool = standard.keepFurniture, keepMap: Bool = standard.keepMap
    ) {
        self.layout = layout
        self.ignoreCase = ignoreCase
        self.ignorePunctuation = ignorePunctuation
        self.foldVariants = foldVariants
        self.keepFurniture = keepFurniture
        self.keepMap = keepMap
    }
}
