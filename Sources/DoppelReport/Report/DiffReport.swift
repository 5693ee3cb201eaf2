import DoppelCompare
import DoppelDiff
import DoppelIO
import DoppelText

/// Renders a `Comparison`: the text report people read (`DiffReport+Text.swift`) and the
/// `doppel.diff/1` JSON that pipelines parse. The only place where unit ranges become original
/// offsets, lines, pages and text.
public enum DiffReport {
    /// Settings of the text report.
    public struct TextStyle: Sendable {
        /// Normalised characters of context shown on each side of an edit.
        public var context = 8
        /// ANSI colours (deletions red, insertions green, headers bold).
        public var color = false
        /// List every aligned passage; by default only passages with edits (or moved) are
        /// listed, and one line counts the rest.
        public var allPassages = false
        public init(context: Int = 8, color: Bool = false, allPassages: Bool = false) {
            self.context = context
            self.color = color
            self.allPassages = allPassages
        }
    }

    /// The original range, line and column of a unit range, and its page in a PDF.
    public struct Place: Sendable {
        public var range: Range<Int>
        public var line: Int
        public var column: Int
        /// The 1-based page, for text extracted from a PDF; nil for other inputs.
        public var page: Int?

        /// `167:14`, or `p7 167:14` on page 7 of a PDF.
        public var label: String { (page.map { "p\($0) " } ?? "") + "\(line):\(column)" }
    }

    /// Maps a unit range of a normalised text to its place in the original.
    public static func place(_ units: Range<Int>, _ text: NormalizedText, _ source: SourceText) -> Place {
        let range = text.originRange(of: units)
        let (line, column) = source.location(of: range.lowerBound)
        return Place(
            range: range, line: line, column: column,
            page: source.format == .pdf ? source.page(of: range.lowerBound) : nil)
    }

    /// `line:column` of the last code point of a place's range (its start when empty).
    static func end(_ place: Place, _ source: SourceText) -> String {
        let (line, column) = source.location(of: max(place.range.lowerBound, place.range.upperBound - 1))
        return "\(line):\(column)"
    }

    // MARK: JSON

    /// The `doppel.diff/1` document (schema: docs/formats.md).
    ///
    /// - Complexity: O(size of the report).
    public static func json(_ c: Comparison, pretty: Bool = true) -> String {
        String(decoding: jsonUTF8(c, pretty: pretty), as: UTF8.self)
    }

    /// `json(_:pretty:)` as UTF-8 bytes, made once (what `doppel diff -f json` writes).
    public static func jsonUTF8(_ c: Comparison, pretty: Bool = true) -> [UInt8] {
        var json = JSONWriter(pretty: pretty)
        write(c, into: &json)
        return json.finish()
    }

    /// Writes the `doppel.diff/1` object into a writer (for JSON Lines batches).
    public static func write(_ c: Comparison, into json: inout JSONWriter) {
        json.beginObject()
        json.field("schema", "doppel.diff/1")
        for (key, source, text) in [("a", c.sourceA, c.textA), ("b", c.sourceB, c.textB)] {
            json.key(key)
            json.beginObject()
            json.field("path", source.path)
            json.field("chars", source.scalars.count)
            json.field("normalized_chars", text.count)
            json.field("encoding", source.encoding.rawValue)
            json.field("format", source.format.rawValue)
            json.endObject()
        }
        json.field("similarity", c.similarity)
        json.key("pairs")
        json.beginArray()
        for pc in c.pairs {
            json.beginObject()
            json.key("a")
            writeRange(pc.pair.a, c.textA, c.sourceA, into: &json)
            json.key("b")
            writeRange(pc.pair.b, c.textB, c.sourceB, into: &json)
            json.field("similarity", pc.similarity)
            json.field("moved", pc.pair.moved)
            json.key("edits")
            json.beginArray()
            json.writeInParts(pc.edits.count, itemsPerPart: editsPerPart) { range, json in
                for edit in pc.edits[range] { writeEdit(edit, c, into: &json) }
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        for (key, ranges, text, source) in [
            ("only_in_a", c.onlyInA, c.textA, c.sourceA), ("only_in_b", c.onlyInB, c.textB, c.sourceB),
        ] {
            json.key(key)
            json.beginArray()
            for range in ranges {
                writeRange(range, text, source, into: &json, withText: true)
            }
            json.endArray()
        }
        json.key("layout")
        NormalizationReport.writeLedger(c.ledger, into: &json)
        json.field("exact", c.exact)
        CheckReport.writeJSON(c, into: &json)
        json.endObject()
    }

    /// Edits of a pair written per part by `JSONWriter.writeInParts`: about 2 ms of work on one
    /// core, so the 3,500 edits of the 10 MB benchmark pair are written on both.
    static let editsPerPart = 512

    /// One edit's object in the `edits` array of its pair.
    private static func writeEdit(_ edit: Edit, _ c: Comparison, into json: inout JSONWriter) {
        json.beginObject()
        json.field("op", edit.operation.rawValue)
        json.field("kind", edit.kind.rawValue)
        json.field("a_text", codePoints: c.textA.units[edit.a])
        json.field("b_text", codePoints: c.textB.units[edit.b])
        json.field("a_original", scalars: c.sourceA.slice(c.textA.originRange(of: edit.a)))
        json.field("b_original", scalars: c.sourceB.slice(c.textB.originRange(of: edit.b)))
        json.key("a")
        writeRange(edit.a, c.textA, c.sourceA, into: &json)
        json.key("b")
        writeRange(edit.b, c.textB, c.sourceB, into: &json)
        json.endObject()
    }

    static func writeRange(
        _ units: Range<Int>, _ text: NormalizedText, _ source: SourceText,
        into json: inout JSONWriter, withText: Bool = false
    ) {
        let p = place(units, text, source)
        json.beginObject()
        json.field("start", p.range.lowerBound)
        json.field("end", p.range.upperBound)
        json.field("line", p.line)
        json.field("column", p.column)
        if source.format == .pdf { json.field("page", source.page(of: p.range.lowerBound)) }
        if withText {
            json.field("text", codePoints: text.units[units])
            json.field("original", scalars: source.slice(p.range))
        }
        json.endObject()
    }
}
