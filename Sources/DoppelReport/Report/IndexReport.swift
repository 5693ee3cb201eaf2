import DoppelCluster
import DoppelIO
import DoppelText

/// Renders what `doppel index` found or holds: a query's matches as text or
/// `doppel.index.query/1` JSON, and an index's summary as text or `doppel.index.stats/1` JSON.
public enum IndexReport {
    /// One block per query document that has matches (its matches by descending Jaccard), then a
    /// summary line that says how similarities were computed.
    ///
    /// - Complexity: O(size of the report).
    public static func text(_ result: IndexQueryResult, skipped: [DoppelError] = []) -> String {
        var out = ""
        for query in result.queries where !query.matches.isEmpty {
            let plural = query.matches.count == 1 ? "" : "s"
            out += "\(query.id): \(query.matches.count) near-duplicate\(plural) in \(result.archive)\n"
            for match in query.matches {
                out += "  \(match.id)  jaccard \(JSONWriter.format(match.jaccard, digits: 3))"
                out += "  containment \(JSONWriter.format(match.containment, digits: 3))"
                out += "  \(match.chars) chars"
                if let aligned = match.aligned { out += "  aligned \(JSONWriter.format(aligned, digits: 3))" }
                if match.relation != .version {
                    out += "  \(match.relation.rawValue.replacingOccurrences(of: "_", with: " "))"
                }
                out += "\n"
            }
        }
        for error in skipped { out += "skipped: \(error.description)\n" }
        let found = result.queries.filter { !$0.matches.isEmpty }.count
        let p = result.parameters
        out += "\(Plural.count(result.queries.count, "document")) queried; \(found) with near-duplicates among the "
        out += "\(result.documentCount) documents of \(result.archive) ("
        out +=
            p.verification == ClusterOptions.Verification.exact.rawValue
            ? "exact similarities from shingle sets"
            : "similarities estimated from signatures"
        out += "; threshold \(JSONWriter.format(p.threshold)), containment "
        out += p.containmentThreshold.map { JSONWriter.format($0) } ?? "off"
        out += ")\n"
        return out
    }

    /// The `doppel.index.query/1` document (schema: docs/formats.md): every query
    /// document, with or without matches.
    ///
    /// - Complexity: O(size of the report).
    public static func json(
        _ result: IndexQueryResult, skipped: [DoppelError] = [],
        pretty: Bool = true
    ) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("schema", "doppel.index.query/1")
        json.key("archive")
        json.beginObject()
        json.field("path", result.archive)
        json.field("documents", result.documentCount)
        json.endObject()
        json.key("parameters")
        writeParameters(result.parameters, into: &json)
        json.key("queries")
        json.beginArray()
        for query in result.queries {
            json.beginObject()
            json.field("id", query.id)
            json.field("path", query.path)
            json.field("chars", query.chars)
            json.key("matches")
            json.beginArray()
            for match in query.matches {
                json.beginObject()
                json.field("id", match.id)
                json.field("chars", match.chars)
                json.field("jaccard", match.jaccard)
                json.field("containment", match.containment)
                json.field("relation", match.relation.rawValue)
                if let aligned = match.aligned { json.field("aligned", aligned) }
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.key("skipped")
        json.beginArray()
        for error in skipped { json.value(error.description) }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }

    /// A few lines: format, documents, size, how queries verify, the parameters.
    ///
    /// - Complexity: O(1).
    public static func text(_ stats: IndexStats) -> String {
        let p = stats.parameters.reported
        var out = "\(stats.path): doppel index format \(stats.formatVersion), "
        out += "\(stats.documentCount) documents (\(stats.documentsWithKeys) with shingles), "
        out += "\(size(stats.fileLength))\n"
        out +=
            stats.parameters.keepsShingleSets
            ? "  storage: compact shingle sets (queries compute exact similarities)\n"
            : "  storage: signatures only (queries estimate similarities from signatures)\n"
        out += "  shingles \(p.shingle); \(p.permutations) permutations (\(p.scheme), seed 0x"
        out += String(stats.parameters.seed, radix: 16) + "); \(p.bands) bands x \(p.rows) rows"
        if p.containmentBands > 0 {
            out += ", containment \(p.containmentBands) bands x \(p.containmentRows) rows of sketch bytes"
        }
        out += "\n"
        out += "  threshold \(JSONWriter.format(p.threshold)); containment "
        out += p.containmentThreshold.map { JSONWriter.format($0) } ?? "off"
        out += " (at least \(p.minimumContainedShingles) shingles); candidate threshold "
        out += JSONWriter.format(p.candidateThreshold) + "; aligned share "
        out +=
            p.alignedShare.map { "\(JSONWriter.format($0)) (short items up to \(p.shortItemShingles) shingles)" }
            ?? "off"
        out += "\n"
        out += "  normalisation: \(normalization(stats.parameters.normalization).joined(separator: ", "))\n"
        out += "  records \(size(stats.recordBytes)), band tables \(size(stats.bandTableBytes)); "
        out +=
            "largest bucket \(stats.largestBucket) documents; sample table: \(stats.sampledDocuments) short documents\n"
        out += "  checksums: every block verified\n"
        return out
    }

    /// The `doppel.index.stats/1` document (schema: docs/formats.md).
    ///
    /// - Complexity: O(1).
    public static func json(_ stats: IndexStats, pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("schema", "doppel.index.stats/1")
        json.field("path", stats.path)
        json.field("format_version", stats.formatVersion)
        json.field("documents", stats.documentCount)
        json.field("documents_with_shingles", stats.documentsWithKeys)
        json.field("bytes", stats.fileLength)
        json.field("record_bytes", stats.recordBytes)
        json.field("band_table_bytes", stats.bandTableBytes)
        json.field("largest_bucket", stats.largestBucket)
        json.field("sampled_documents", stats.sampledDocuments)
        json.key("parameters")
        writeParameters(stats.parameters.reported, into: &json)
        let normalization = stats.parameters.normalization
        json.key("normalization")
        json.beginObject()
        json.field("layout", normalization.layout.rawValue)
        json.field("ignore_case", normalization.ignoreCase)
        json.field("ignore_punctuation", normalization.ignorePunctuation)
        json.field("fold_variants", normalization.foldVariants)
        json.endObject()
        json.endObject()
        return json.output + "\n"
    }

    private static func writeParameters(_ p: ClusterResult.Parameters, into json: inout JSONWriter) {
        json.beginObject()
        json.field("shingle", p.shingle)
        json.field("permutations", p.permutations)
        json.field("scheme", p.scheme)
        json.field("bands", p.bands)
        json.field("rows", p.rows)
        json.field("threshold", p.threshold)
        json.field("containment", p.containmentThreshold)
        json.field("min_contained_shingles", p.minimumContainedShingles)
        json.field("aligned_share", p.alignedShare)
        json.field("short_item_shingles", p.shortItemShingles)
        json.field("containment_bands", p.containmentBands)
        json.field("containment_rows", p.containmentRows)
        json.field("verification", p.verification)
        json.endObject()
    }

    /// The normalisation settings as the command-line flags that give them.
    private static func normalization(_ options: NormalizationOptions) -> [String] {
        var flags = ["layout \(options.layout.rawValue)"]
        if options.ignoreCase { flags.append("ignore-case") }
        if options.ignorePunctuation { flags.append("ignore-punctuation") }
        if options.foldVariants { flags.append("fold-variants") }
        return flags
    }

    /// A byte count for people: `812 bytes`, `3.4 MB`, `2.91 GB` (powers of 1000).
    private static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return JSONWriter.format(Double(bytes) / 1e3, digits: 1) + " kB" }
        if bytes < 1_000_000_000 { return JSONWriter.format(Double(bytes) / 1e6, digits: 1) + " MB" }
        return JSONWriter.format(Double(bytes) / 1e9, digits: 2) + " GB"
    }
}
