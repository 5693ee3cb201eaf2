import DoppelDiff
import DoppelIO
import DoppelText

/// Renders a `Collation` as the `doppel.collation/1` JSON document (schema in docs/collate.md):
/// each reading's text and, for every witness carrying it, its range in that witness's original
/// (code points, line, column; page for PDF).
public enum CollationJSON {
    /// The whole document.
    ///
    /// - Complexity: O(size of the report).
    public static func json(_ c: Collation, pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        write(c, into: &json)
        return json.output + "\n"
    }

    /// Writes the `doppel.collation/1` object into a writer.
    public static func write(_ c: Collation, into json: inout JSONWriter) {
        json.beginObject()
        json.field("schema", "doppel.collation/1")
        json.key("witnesses")
        json.beginArray()
        for w in c.witnesses {
            json.beginObject()
            json.field("id", w.id)
            json.field("path", w.source.path)
            json.field("chars", w.source.scalars.count)
            json.field("normalized_chars", w.text.count)
            json.field("encoding", w.source.encoding.rawValue)
            json.field("format", w.source.format.rawValue)
            json.endObject()
        }
        json.endArray()
        json.field("center", c.witnesses[c.center].id)
        json.key("agreement")
        json.beginArray()
        for row in c.agreement.shares {
            json.beginArray()
            for share in row { json.value(share) }
            json.endArray()
        }
        json.endArray()
        json.key("differences")
        json.beginArray()
        for row in c.agreement.differences {
            json.beginArray()
            for count in row { json.value(count) }
            json.endArray()
        }
        json.endArray()
        json.key("variants")
        json.beginArray()
        for location in c.variants {
            json.beginObject()
            json.key("readings")
            json.beginArray()
            for reading in location.readings {
                json.beginObject()
                json.field("text", c.text(of: reading))
                ranges(reading.witnesses, reading.ranges, c, into: &json)
                json.endObject()
            }
            json.endArray()
            json.field("moved", location.moved)
            json.endObject()
        }
        json.endArray()
        json.key("only_in")
        json.beginArray()
        for only in c.onlyIn {
            json.beginObject()
            ranges(only.witnesses, only.ranges, c, into: &json)
            json.field("text", c.text(of: only.witnesses[0], only.ranges[0]))
            json.endObject()
        }
        json.endArray()
        json.field("exact", c.exact)
        json.endObject()
    }

    /// `"witnesses": [id, …], "ranges": {id: RANGE, …}`.
    private static func ranges(_ witnesses: [Int], _ ranges: [Range<Int>], _ c: Collation, into json: inout JSONWriter)
    {
        json.key("witnesses")
        json.beginArray()
        for w in witnesses { json.value(c.witnesses[w].id) }
        json.endArray()
        json.key("ranges")
        json.beginObject()
        for (w, range) in zip(witnesses, ranges) {
            json.key(c.witnesses[w].id)
            DiffReport.writeRange(range, c.witnesses[w].text, c.witnesses[w].source, into: &json)
        }
        json.endObject()
    }
}
