import Dispatch
import DoppelCluster
import DoppelIO
import Foundation

/// Renders a `ClusterResult` as a readable table, `doppel.cluster/1` JSON, JSON Lines (one
/// cluster a line), or CSV.
public enum ClusterReport {
    /// A table: one block per cluster (representative first, marked `*`), the similarities that
    /// joined it (`~` versions, `⊂` an excerpt and its container), a line for each member also
    /// contained in documents outside the cluster, then a summary line. Ids are shown on one line (`DisplayName.oneLine`).
    ///
    /// - Complexity: O(size of the report).
    public static func text(_ r: ClusterResult, skipped: [DoppelError] = []) -> String {
        var out = ""
        for (n, cluster) in r.clusters.enumerated() {
            out += "cluster \(n + 1): \(Plural.count(cluster.members.count, "version"))\n"
            for m in [cluster.representative] + cluster.members.filter({ $0 != cluster.representative }) {
                let d = r.documents[m]
                let mark = m == cluster.representative ? "*" : " "
                out += "  \(mark) \(DisplayName.oneLine(d.id))  \(Plural.count(d.chars, "char"))"
                if let title = d.title { out += "  \(title)" }
                out += "\n"
            }
            for p in cluster.pairs {
                let joint = p.relation == .excerpt ? " ⊂ " : " ~ "
                out +=
                    "    \(DisplayName.oneLine(r.documents[p.a].id))\(joint)\(DisplayName.oneLine(r.documents[p.b].id))  jaccard \(JSONWriter.format(p.jaccard, digits: 3))"
                out += "  containment \(JSONWriter.format(p.containment, digits: 3))"
                if let aligned = p.aligned { out += "  aligned \(JSONWriter.format(aligned, digits: 3))" }
                out += "\n"
            }
            for contained in cluster.containedIn {
                let others = contained.containers.map { DisplayName.oneLine(r.documents[$0].id) }
                out += "    \(DisplayName.oneLine(r.documents[contained.document].id)) is also contained in "
                out += others.joined(separator: ", ") + "\n"
            }
        }
        for error in skipped { out += "skipped: \(error.description)\n" }
        let clustered = r.clusters.reduce(0) { $0 + $1.members.count }
        out +=
            "\(Plural.count(r.documents.count, "document")); \(Plural.count(r.clusters.count, "cluster")) of \(Plural.count(clustered, "document")); "
        out +=
            "\(r.documents.count - clustered) alone (shingles \(r.parameters.shingle), \(Plural.count(r.parameters.permutations, "permutation")), "
        out +=
            "\(Plural.count(r.parameters.bands, "band")) x \(Plural.count(r.parameters.rows, "row")), threshold \(JSONWriter.format(r.parameters.threshold)))\n"
        return out
    }

    /// The `doppel.cluster/1` document (schema: docs/formats.md).
    public static func json(_ r: ClusterResult, skipped: [DoppelError] = [], pretty: Bool = true) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("schema", "doppel.cluster/1")
        json.key("parameters")
        json.beginObject()
        json.field("shingle", r.parameters.shingle)
        json.field("permutations", r.parameters.permutations)
        json.field("scheme", r.parameters.scheme)
        json.field("bands", r.parameters.bands)
        json.field("rows", r.parameters.rows)
        json.field("threshold", r.parameters.threshold)
        json.field("containment", r.parameters.containmentThreshold)
        json.field("aligned_share", r.parameters.alignedShare)
        json.field("short_item_shingles", r.parameters.shortItemShingles)
        json.field("containment_bands", r.parameters.containmentBands)
        json.field("containment_rows", r.parameters.containmentRows)
        json.field("verification", r.parameters.verification)
        json.endObject()
        json.key("documents")
        json.beginArray()
        json.writeInParts(r.documents.count, itemsPerPart: itemsPerPart) { range, json in
            for d in r.documents[range] {
                json.beginObject()
                json.field("id", d.id)
                json.field("path", d.path)
                if let t = d.title { json.field("title", t) }
                json.field("chars", d.chars)
                json.endObject()
            }
        }
        json.endArray()
        json.key("clusters")
        json.beginArray()
        json.writeInParts(r.clusters.count, itemsPerPart: itemsPerPart) { range, json in
            for c in r.clusters[range] {
                json.beginObject()
                json.field("representative", r.documents[c.representative].id)
                json.key("members")
                json.beginArray()
                for m in c.members { json.value(r.documents[m].id) }
                json.endArray()
                writePairsAndContainers(c, of: r, into: &json)
                json.endObject()
            }
        }
        json.endArray()
        json.key("skipped")
        json.beginArray()
        for e in skipped { json.value(e.description) }
        json.endArray()
        json.endObject()
        return String(decoding: json.finish(), as: UTF8.self)
    }

    /// Items written per part by `JSONWriter.writeInParts`: a million documents' report takes
    /// about a second on one core.
    static let itemsPerPart = 4096

    /// CSV (RFC 4180): one row per document:
    /// `cluster,id,path,title,chars,representative,similarity`; `cluster` is 1-based, empty for
    /// documents in no cluster; `similarity` is `similarities(_:)`'s, empty for the representative
    /// and for documents in no cluster. With `byteOrderMark` the text starts with U+FEFF, which
    /// spreadsheet programs need to read UTF-8.
    ///
    /// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is one a
    /// spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`): it is written
    /// with a leading `'`, which spreadsheets show as text (OWASP, "CSV Injection"), unless
    /// `raw` (`--csv-raw`), for programs that read the ids back exactly.
    ///
    /// - Complexity: O(documents + pairs + total length of their ids, paths and titles).
    public static func csv(_ r: ClusterResult, raw: Bool = false, byteOrderMark: Bool = false) -> String {
        var clusterOf = [Int?](repeating: nil, count: r.documents.count)
        var representative = [Bool](repeating: false, count: r.documents.count)
        for (n, c) in r.clusters.enumerated() {
            for m in c.members { clusterOf[m] = n + 1 }
            representative[c.representative] = true
        }
        let similarity = similarities(r)
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += "cluster,id,path,title,chars,representative,similarity\n"
        for (i, d) in r.documents.enumerated() {
            let fields = [
                clusterOf[i].map(String.init) ?? "", d.id, d.path, d.title ?? "", String(d.chars),
                representative[i] ? "true" : "false",
                similarity[i].map { JSONWriter.format($0) } ?? "",
            ]
            out += fields.map { quote(raw ? $0 : defused($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A cluster's `pairs` (with their relation, and the aligned share where measured) and its
    /// `contained_in` lists, the same in the JSON report and in each JSON Lines record.
    ///
    /// - Complexity: O(pairs + containers).
    private static func writePairsAndContainers(
        _ c: ClusterResult.Cluster, of r: ClusterResult, into json: inout JSONWriter
    ) {
        json.key("pairs")
        json.beginArray()
        for p in c.pairs {
            json.beginObject()
            json.field("a", r.documents[p.a].id)
            json.field("b", r.documents[p.b].id)
            json.field("jaccard", p.jaccard)
            json.field("containment", p.containment)
            json.field("relation", p.relation.rawValue)
            if let aligned = p.aligned { json.field("aligned", aligned) }
            json.endObject()
        }
        json.endArray()
        json.key("contained_in")
        json.beginArray()
        for contained in c.containedIn {
            json.beginObject()
            json.field("id", r.documents[contained.document].id)
            json.key("containers")
            json.beginArray()
            for container in contained.containers { json.value(r.documents[container].id) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }

    /// JSON Lines: one `doppel.cluster-line/1` object per cluster, in cluster order:
    /// `{"schema", "cluster" (1-based), "representative" (id), "members": [{"id", "path",
    /// "title"?, "chars", "similarity"?}], "pairs" and "contained_in" as in `json(_:)`}`;
    /// a member's `similarity` is `similarities(_:)`'s (none for the representative).
    ///
    /// - Complexity: O(size of the output).
    public static func jsonLines(_ r: ClusterResult) -> String {
        let similarity = similarities(r)
        var out = ""
        for (n, c) in r.clusters.enumerated() {
            var json = JSONWriter(pretty: false)
            json.beginObject()
            json.field("schema", "doppel.cluster-line/1")
            json.field("cluster", n + 1)
            json.field("representative", r.documents[c.representative].id)
            json.key("members")
            json.beginArray()
            for m in [c.representative] + c.members.filter({ $0 != c.representative }) {
                let d = r.documents[m]
                json.beginObject()
                json.field("id", d.id)
                json.field("path", d.path)
                if let t = d.title { json.field("title", t) }
                json.field("chars", d.chars)
                if m != c.representative, let s = similarity[m] { json.field("similarity", s) }
                json.endObject()
            }
            json.endArray()
            writePairsAndContainers(c, of: r, into: &json)
            json.endObject()
            out += json.output + "\n"
        }
        return out
    }

    /// For each member other than its cluster's representative, the similarity that joined it:
    /// the Jaccard similarity of its verified pair with the representative, or, when it joined
    /// through another member, the highest Jaccard similarity among its verified pairs. Nil for
    /// representatives and for documents in no cluster.
    ///
    /// - Complexity: O(documents + pairs).
    public static func similarities(_ r: ClusterResult) -> [Double?] {
        var best = [Double?](repeating: nil, count: r.documents.count)
        var withRepresentative = [Bool](repeating: false, count: r.documents.count)
        for c in r.clusters {
            for p in c.pairs {
                for (m, other) in [(p.a, p.b), (p.b, p.a)] where m != c.representative {
                    if other == c.representative {
                        best[m] = p.jaccard
                        withRepresentative[m] = true
                    } else if !withRepresentative[m] {
                        best[m] = max(best[m] ?? 0, p.jaccard)
                    }
                }
            }
        }
        return best
    }

    /// `s` with a leading `'` when a spreadsheet would take it for a formula.
    static func defused(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    private static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
