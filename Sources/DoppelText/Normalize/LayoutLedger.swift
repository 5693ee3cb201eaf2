/// What normalisation (and alignment) set aside, counted by class, so a reader can see that no
/// content was hidden: every count is a layout difference that is never reported as an edit.
public struct LayoutLedger: Sendable, Equatable {
    /// Line breaks inside a paragraph joined (hard-wrapped print lines, stray breaks).
    public var lineBreaksJoined = 0
    /// Spaces removed between Han characters, or between Han and digits, Latin or punctuation.
    public var spacesRemoved = 0
    /// Runs of Latin whitespace collapsed to one space.
    public var spacesCollapsed = 0
    /// Full-width letters, digits and punctuation folded to their ordinary forms.
    public var fullWidthFolded = 0
    /// Other compatibility forms folded by NFKC (ligatures, circled digits, ...).
    public var compatibilityFolded = 0
    /// Quotation marks unified.
    public var quotesUnified = 0
    /// Dashes, ellipses and middle dots unified.
    public var dashesUnified = 0
    /// Invisible characters dropped (zero-width spaces, soft hyphens, BOM, variation selectors,
    /// control characters).
    public var invisiblesRemoved = 0
    /// Words split by a line-end hyphen joined.
    public var hyphenationsJoined = 0
    /// Paragraph ends recovered in hard-wrapped text.
    public var paragraphsRecovered = 0
    /// Page furniture lines set aside (section labels, editor credits, running dates and heads:
    /// `PageFurniture`).
    public var furniture = 0
    /// Headlines and kickers found after their article's body (counted by alignment).
    public var headlinesAfterBody = 0
    /// Optional folds: case folded (`--ignore-case`).
    public var caseFolded = 0
    /// Optional folds: punctuation dropped (`--ignore-punctuation`).
    public var punctuationDropped = 0
    /// Optional folds: traditional characters folded to simplified (`--fold-variants`).
    public var variantsFolded = 0

    public init() {}

    /// The classes in report order with their JSON names and counts.
    public var entries: [(name: String, count: Int)] {
        [
            ("line_breaks_joined", lineBreaksJoined), ("spaces_removed", spacesRemoved),
            ("spaces_collapsed", spacesCollapsed), ("full_width_folded", fullWidthFolded),
            ("compatibility_folded", compatibilityFolded), ("quotes_unified", quotesUnified),
            ("dashes_unified", dashesUnified), ("invisibles_removed", invisiblesRemoved),
            ("hyphenations_joined", hyphenationsJoined), ("paragraphs_recovered", paragraphsRecovered),
            ("furniture", furniture),
            ("headlines_after_body", headlinesAfterBody), ("case_folded", caseFolded),
            ("punctuation_dropped", punctuationDropped), ("variants_folded", variantsFolded),
        ]
    }

    /// Adds another ledger's counts (for a pair of texts).
    public static func + (lhs: LayoutLedger, rhs: LayoutLedger) -> LayoutLedger {
        var r = lhs
        r.lineBreaksJoined += rhs.lineBreaksJoined
        r.spacesRemoved += rhs.spacesRemoved
        r.spacesCollapsed += rhs.spacesCollapsed
        r.fullWidthFolded += rhs.fullWidthFolded
        r.compatibilityFolded += rhs.compatibilityFolded
        r.quotesUnified += rhs.quotesUnified
        r.dashesUnified += rhs.dashesUnified
        r.invisiblesRemoved += rhs.invisiblesRemoved
        r.hyphenationsJoined += rhs.hyphenationsJoined
        r.paragraphsRecovered += rhs.paragraphsRecovered
        r.furniture += rhs.furniture
        r.headlinesAfterBody += rhs.headlinesAfterBody
        r.caseFolded += rhs.caseFolded
        r.punctuationDropped += rhs.punctuationDropped
        r.variantsFolded += rhs.variantsFolded
        return r
    }
}
