/// A generated web (A) / print (B) page pair and its truth. Positions are code-point offsets into
/// `a` and `b`.
public struct PagePair: Sendable {
    public enum Side: Sendable { case a, b }

    /// One edit B makes to A.
    public struct TruthEdit: Sendable {
        public var editClass: ScoreClass
        public var a: Range<Int>
        public var b: Range<Int>
        public var aText: String
        public var bText: String
    }

    /// A stretch of one side that is not body text of an article on both sides: a reported edit
    /// there that matches no truth edit is counted against this class.
    public struct Region: Sendable {
        public var range: Range<Int>
        public var regionClass: ScoreClass
    }

    public var name: String
    public var kind: PagePairGenerator.Kind
    public var isControl: Bool
    public var a: String
    public var b: String
    public var truth: [TruthEdit]
    public var regionsA: [Region]
    public var regionsB: [Region]
    /// Articles on one side only: the side and the ranges of their body paragraphs.
    public var oneSided: [(side: Side, paragraphs: [Range<Int>])]
    /// The articles of the print page (B), in print order: the ranges of their headings (kicker,
    /// headline, sub-headline) and of their other blocks (byline, body paragraphs).
    public var articlesB: [(headings: [Range<Int>], body: [Range<Int>])] = []
}

/// The classes scored: edit classes (recall and precision) and the places where a reported edit
/// can only be a false one (precision).
public enum ScoreClass: String, Sendable, CaseIterable, Comparable {
    /// One character substituted (a word in English).
    case char
    /// A word inserted or deleted.
    case word
    /// Two words swapped.
    case reorder
    /// An edit at a paragraph's first or last characters: a clause appended before the final
    /// full stop, the last clause deleted, the first or last character changed.
    case edge
    /// An edit in a headline or kicker (printed after the body on most print pages).
    case headline
    /// A paragraph added or removed inside an article.
    case paragraph
    /// A number written another way, a real edit (`1.5万` → `15000`, `4,500` → `4,800`;
    /// widened set).
    case number
    /// Two or three edits within one sentence (widened set).
    case multi
    /// An edit in a short article of one paragraph (widened set).
    case brief
    /// An edit at the first or last character of an article's body, beside its headline as
    /// print placed it (widened set).
    case bodyedge
    /// An article on one side only (recall: reported as one-sided text).
    case article
    /// Page furniture: section labels, editor credits (precision only).
    case furniture
    /// A line-end hyphen in English print (precision only).
    case hyphen
    /// The shared dateline and opening of templated sibling reports (precision only).
    case sibling
    /// A jump line (`（下转第4版）`, `（上接第1版）`) and the part of an article continued on another
    /// page, which the other version has (precision only; widened set).
    case jump
    /// A photo caption or byline print placed elsewhere (precision only; widened set).
    case caption
    /// Characters print writes in another form: full-width digits `２０２３`, corner quotes
    /// `「」`, soft hyphens, a drop cap, capitals of a small-caps headline (precision only;
    /// widened set).
    case forms
    /// Body text that did not change (precision only).
    case layout

    public static func < (l: ScoreClass, r: ScoreClass) -> Bool {
        allCases.firstIndex(of: l)! < allCases.firstIndex(of: r)!
    }
}
