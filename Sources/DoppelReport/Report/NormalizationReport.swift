import DoppelText

/// Renders a `NormalizedText` for `doppel normalize`.
public enum NormalizationReport {
    /// One paragraph per line, each ending with a line feed.
    ///
    /// - Complexity: O(n).
    public static func plain(_ text: NormalizedText) -> String {
        var out = ""
        out.reserveCapacity(text.count + text.paragraphStarts.count)
        for range in text.paragraphRanges {
            out += text.string(range)
            out += "\n"
        }
        return out
    }

    /// JSON (`doppel.normalize/1`): the ledger, and each paragraph with its normalised text and
    /// the original range, line and column it came from.
    public static func json(_ text: NormalizedText, source: SourceText) -> String {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.field("schema", "doppel.normalize/1")
        json.field("path", source.path)
        json.field("encoding", source.encoding.rawValue)
        json.field("format", source.format.rawValue)
        json.field("chars", source.scalars.count)
        json.key("layout")
        writeLedger(text.ledger, into: &json)
        json.key("paragraphs")
        json.beginArray()
        for range in text.paragraphRanges {
            json.beginObject()
            json.field("text", text.string(range))
            json.key("original")
            writeRange(text.originRange(of: range), in: source, into: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// `{"start", "end", "line", "column"}` (and `"page"` for PDF text) of an original range.
    public static func writeRange(_ range: Range<Int>, in source: SourceText, into json: inout JSONWriter) {
        let (line, column) = source.location(of: range.lowerBound)
        json.beginObject()
        json.field("start", range.lowerBound)
        json.field("end", range.upperBound)
        json.field("line", line)
        json.field("column", column)
        if source.format == .pdf { json.field("page", source.page(of: range.lowerBound)) }
        json.endObject()
    }

    /// The ledger as an object of class name → count.
    public static func writeLedger(_ ledger: LayoutLedger, into json: inout JSONWriter) {
        json.beginObject()
        for entry in ledger.entries { json.field(entry.name, entry.count) }
        json.endObject()
    }
}
