import DoppelIO
import DoppelText

/// One version of a text in a collation: its id, the file as read, and its normalised units.
/// Every range a collation reports for this witness is a unit range into `text`; the Report
/// stage maps it to `source` (code points, lines, columns, pages).
public struct Witness: Sendable {
    /// `w1`, `w2`, … in the order the witnesses were given (an XML name, usable as a TEI id).
    public var id: String
    public var source: SourceText
    public var text: NormalizedText

    public init(id: String, source: SourceText, text: NormalizedText) {
        self.id = id
        self.source = source
        self.text = text
    }

    /// The id of the witness given in place `index` (0-based): `w1`, `w2`, …
    public static func id(at index: Int) -> String { "w\(index + 1)" }
}
