import DoppelIO
import DoppelText
import DoppelDiff
import DoppelCompare

/// Renders a `Comparison`: the text report people read and the `doppel.diff/1` JSON that
/// pipelines parse. The only place where unit ranges become original offsets, lines and text.
public enum DiffReport {
    /// Settings of the text report.
    public struct TextStyle: Sendable {
        /// Normalised characters of context shown on each side of an edit.
        public var context = 8
        /// ANSI colours (deletions red, insertions green, headers bold).
        public var color = false
        public init(context: Int = 8, color: Bool = false) {
            self.context = context
            self.color = color
        }
    }

    /// The original range, line and column of a unit range.
    public struct Place: Sendable {
        public var range: Range<Int>
        public var line: Int
        public var column: Int
    }

    /// Maps a unit range of a normalised text to its place in the original.
    public static func place(_ units: Range<Int>, _ text: NormalizedText, _ source: SourceText) -> Place {
        let range = text.originRange(of: units)
        let (line, column) = source.location(of: range.lowerBound)
        return Place(range: range, line: line, column: column)
    }

    // MARK: Text

    /// The inline report: `[-王-]{+马+}` edits with context and both files' line numbers.
    ///
    /// - Complexity: O(size of the report).
    public static func text(_ c: Comparison, style: TextStyle = TextStyle()) -> String {
        let red = style.color ? "\u{1B}[31m" : ""
        let green = style.color ? "\u{1B}[32m" : ""
        let bold = style.color ? "\u{1B}[1m" : ""
        let dim = style.color ? "\u{1B}[2m" : ""
        let reset = style.color ? "\u{1B}[0m" : ""
        var out = "\(bold)--- A \(DisplayName.oneLine(c.sourceA.path))\n+++ B \(DisplayName.oneLine(c.sourceB.path))\(reset)\n"
        for pc in c.pairs where !pc.edits.isEmpty || pc.pair.moved {
            let pa = place(pc.pair.a, c.textA, c.sourceA)
            let pb = place(pc.pair.b, c.textB, c.sourceB)
            let endA = c.sourceA.location(of: max(pa.range.lowerBound, pa.range.upperBound - 1))
            let endB = c.sourceB.location(of: max(pb.range.lowerBound, pb.range.upperBound - 1))
            var header = "@@ A \(pa.line):\(pa.column)-\(endA.line):\(endA.column)"
            header += " B \(pb.line):\(pb.column)-\(endB.line):\(endB.column)"
            header += " similarity \(JSONWriter.format(pc.similarity, digits: 3))"
            if pc.pair.moved { header += " moved" }
            out += "\(bold)\(header) @@\(reset)  \(dim)\(snippet(c.textA, pc.pair.a, limit: 24))\(reset)\n"
            for edit in pc.edits {
                let ea = place(edit.a, c.textA, c.sourceA)
                let eb = place(edit.b, c.textB, c.sourceB)
                let before = BidiControl.visible(c.textA.string(max(pc.pair.a.lowerBound, edit.a.lowerBound - style.context)..<edit.a.lowerBound))
                let after = BidiControl.visible(c.textA.string(edit.a.upperBound..<min(pc.pair.a.upperBound, edit.a.upperBound + style.context)))
                var marked = ""
                if !edit.a.isEmpty { marked += "\(red)[-\(BidiControl.visible(c.textA.string(edit.a)))-]\(reset)" }
                if !edit.b.isEmpty { marked += "\(green){+\(BidiControl.visible(c.textB.string(edit.b)))+}\(reset)" }
                let kind = edit.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
                out += "  A \(ea.line):\(ea.column)  B \(eb.line):\(eb.column)  \(kind) \(before)\(marked)\(after)\n"
            }
        }
        for (label, ranges, text, source) in [("A", c.onlyInA, c.textA, c.sourceA), ("B", c.onlyInB, c.textB, c.sourceB)] {
            for range in ranges {
                let p = place(range, text, source)
                let color = label == "A" ? red : green
                out += "\(color)only in \(label) \(p.line):\(p.column) (\(range.count) chars): \(snippet(text, range, limit: 40))\(reset)\n"
            }
        }
        out += summary(c) + "\n"
        let layout = c.ledger.entries.filter { $0.count > 0 }.map { "\($0.name.replacingUnderscores) \($0.count)" }
        out += "\(dim)layout set aside: \(layout.isEmpty ? "nothing" : layout.joined(separator: ", "))\(reset)\n"
        if !c.exact {
            out += "note: some passages exceeded the diff cost budget; their edit script is valid but may not be minimal\n"
        }
        return out
    }

    /// One line: similarity, pairs, edits by kind, one-sided passages.
    public static func summary(_ c: Comparison) -> String {
        var kinds: [EditKind: Int] = [:]
        for pc in c.pairs { for e in pc.edits { kinds[e.kind, default: 0] += 1 } }
        let moved = c.pairs.filter(\.pair.moved).count
        return "similarity \(JSONWriter.format(c.similarity, digits: 3)); \(c.pairs.count) passages aligned (\(moved) moved); "
            + "\(c.editCount) edits (\(kinds[.number] ?? 0) number, \(kinds[.punctuation] ?? 0) punctuation, \(kinds[.text] ?? 0) text"
            + (kinds[.paragraph].map { ", \($0) paragraph" } ?? "")
            + (kinds[.control].map { ", \($0) control" } ?? "") + "); "
            + "\(c.onlyInA.count) only in A, \(c.onlyInB.count) only in B"
    }

    private static func snippet(_ text: NormalizedText, _ range: Range<Int>, limit: Int) -> String {
        let s = BidiControl.visible(text.string(range.lowerBound..<min(range.upperBound, range.lowerBound + limit)))
        return range.count > limit ? s + "…" : s
    }

    // MARK: JSON

    /// The `doppel.diff/1` document (schema: docs/formats.md).
    ///
    /// - Complexity: O(size of the report).
    public static func json(_ c: Comparison, pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        write(c, into: &json)
        return json.output + "\n"
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
            json.key("a"); writeRange(pc.pair.a, c.textA, c.sourceA, into: &json)
            json.key("b"); writeRange(pc.pair.b, c.textB, c.sourceB, into: &json)
            json.field("similarity", pc.similarity)
            json.field("moved", pc.pair.moved)
            json.key("edits")
            json.beginArray()
            for edit in pc.edits {
                json.beginObject()
                json.field("op", edit.operation.rawValue)
                json.field("kind", edit.kind.rawValue)
                json.field("a_text", c.textA.string(edit.a))
                json.field("b_text", c.textB.string(edit.b))
                json.key("a"); writeRange(edit.a, c.textA, c.sourceA, into: &json)
                json.key("b"); writeRange(edit.b, c.textB, c.sourceB, into: &json)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        for (key, ranges, text, source) in [("only_in_a", c.onlyInA, c.textA, c.sourceA), ("only_in_b", c.onlyInB, c.textB, c.sourceB)] {
            json.key(key)
            json.beginArray()
            for range in ranges {
                writeRange(range, text, source, into: &json, text: text.string(range))
            }
            json.endArray()
        }
        json.key("layout")
        NormalizationReport.writeLedger(c.ledger, into: &json)
        json.field("exact", c.exact)
        json.endObject()
    }

    private static func writeRange(_ units: Range<Int>, _ text: NormalizedText, _ source: SourceText,
                                   into json: inout JSONWriter, text snippet: String? = nil) {
        let p = place(units, text, source)
        json.beginObject()
        json.field("start", p.range.lowerBound)
        json.field("end", p.range.upperBound)
        json.field("line", p.line)
        json.field("column", p.column)
        if source.format == .pdf { json.field("page", source.page(of: p.range.lowerBound)) }
        if let snippet { json.field("text", snippet) }
        json.endObject()
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
