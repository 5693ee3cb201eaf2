import DoppelText

/// What an edit does to the first text to turn it into the second.
public enum EditOperation: String, Sendable {
    /// Units of the first text are replaced by units of the second (both ranges non-empty).
    case replace
    /// Units of the second text are inserted (the range in the first text is empty).
    case insert
    /// Units of the first text are deleted (the range in the second text is empty).
    case delete
}

/// What an edit changes, so a reader can filter or colour edits.
public enum EditKind: String, Sendable {
    /// Words or characters.
    case text
    /// Either side of the edit contains a digit.
    case number
    /// Both sides hold only punctuation, symbols or spaces.
    case punctuation
    /// Whole paragraphs that one version has and the other has not, inside an aligned passage
    /// (an insert or a delete; set by the comparison, which knows the paragraphs).
    case paragraph
    /// Either side holds a bidirectional embedding, override or isolate control
    /// (`BidiControl`): invisible, but it changes how the text is displayed ("Trojan Source").
    case control

    /// The kind of an edit from the units it removes and the units it adds: `control` when
    /// either side contains a bidirectional control, `number` when either side contains a digit,
    /// `punctuation` when both sides contain only punctuation and space units (an empty side
    /// counts as such), `text` otherwise.
    ///
    /// - Complexity: O(`removed.count + added.count`).
    public static func of<A: Collection<UInt32>, B: Collection<UInt32>>(removed: A, added: B)
        -> EditKind
    {
        if removed.contains(where: BidiControl.contains) || added.contains(where: BidiControl.contains) {
            return .control
        }
        var onlyPunctuation = true
        for u in removed {
            switch ScriptClass.of(u) {
            case .digit: return .number
            case .punctuation, .space: break
            default: onlyPunctuation = false
            }
        }
        for u in added {
            switch ScriptClass.of(u) {
            case .digit: return .number
            case .punctuation, .space: break
            default: onlyPunctuation = false
            }
        }
        return onlyPunctuation ? .punctuation : .text
    }
}

/// One difference between two texts, as unit index ranges into both.
///
/// Ranges are absolute indices into the two `NormalizedText` values that were compared. An insert
/// has an empty `a` range at the insertion point; a delete has an empty `b` range at the point
/// where the deleted units would have been. The changed text is never copied: a report slices it
/// out of the texts when it renders the edit.
public struct Edit: Sendable, Equatable {
    public var operation: EditOperation
    public var kind: EditKind
    /// The units of the first text that the edit removes (empty for an insert).
    public var a: Range<Int>
    /// The units of the second text that the edit adds (empty for a delete).
    public var b: Range<Int>

    public init(operation: EditOperation, kind: EditKind, a: Range<Int>, b: Range<Int>) {
        self.operation = operation
        self.kind = kind
        self.a = a
        self.b = b
    }
}

/// The differences between two ranges of text.
public struct DiffResult: Sendable {
    /// The edits, ascending and non-overlapping in both texts.
    public var edits: [Edit]
    /// True when the token-level script before cleanup is minimal (Myers' algorithm finished
    /// within the cost budget); false when part of it came from the fallback, which is valid but
    /// may report more or larger edits than necessary.
    public var exact: Bool
    /// The number of units of the first range that lie inside unchanged runs (after cleanup),
    /// counted from the first to the last token of each run (spaces inside a run count, spaces
    /// around it do not).
    /// Two identical ranges without leading or trailing spaces give the length of the range.
    public var equalUnits: Int

    public init(edits: [Edit], exact: Bool, equalUnits: Int) {
        self.edits = edits
        self.exact = exact
        self.equalUnits = equalUnits
    }
}
