import DoppelCluster
import DoppelCompare
import DoppelIO

/// Renders a `ClusterResult` as a self-contained HTML page: the clusters as a table (each member
/// with its similarity to the cluster's representative, then a line for each member also
/// contained in documents outside the cluster), each member linking to its diff against
/// the representative, and those diffs as sections of the same page (`HTMLDiffReport.section`).
///
/// Anchors: the diff of document `i` (its index in `ClusterResult.documents`) is the section
/// `d<i>`, its edits `d<i>-e<n>-a` and `d<i>-e<n>-b`.
public enum HTMLClusterReport {
    /// The page.
    ///
    /// - Parameters:
    ///   - diffs: for each member that is not a representative, its comparison against the
    ///     representative (A the representative, B the member), by document index. Members
    ///     without one are listed without a link.
    ///   - skipped: inputs skipped under `--on-error skip`, listed under the table.
    /// - Complexity: O(documents + size of the diffs).
    public static func page(_ r: ClusterResult, diffs: [Int: Comparison], skipped: [DoppelError] = []) -> String {
        var out = "<header class=\"summary\">\n<h1>doppel cluster</h1>\n"
        let clustered = r.clusters.reduce(0) { $0 + $1.members.count }
        out +=
            "<ul class=\"stats\">\n<li><b>\(r.documents.count)</b> \(r.documents.count == 1 ? "document" : "documents")</li>\n"
        out +=
            "<li><b>\(r.clusters.count)</b> \(r.clusters.count == 1 ? "cluster" : "clusters") of \(Plural.count(clustered, "document"))</li>\n"
        out += "<li><b>\(r.documents.count - clustered)</b> alone</li>\n</ul>\n"
        let p = r.parameters
        out +=
            "<p class=\"ledger\">Shingles \(HTML.escape(p.shingle)), \(Plural.count(p.permutations, "permutation")), \(Plural.count(p.bands, "band")) × \(Plural.count(p.rows, "row")), "
        out += "Jaccard threshold \(JSONWriter.format(p.threshold))"
        if let c = p.containmentThreshold { out += ", containment threshold \(JSONWriter.format(c))" }
        out += ", verified by \(HTML.escape(p.verification)). Similarity is the share of text equal after "
        out += "normalisation between a member and its representative (★).</p>\n"
        out += "<table class=\"clusters\">\n<thead><tr><th>cluster</th><th>member</th><th>characters</th>"
        out += "<th>similarity</th><th>edits</th><th>only in representative / member</th><th>title</th></tr></thead>\n"
        for (n, cluster) in r.clusters.enumerated() {
            out += "<tbody class=\"cluster\">\n"
            let members = [cluster.representative] + cluster.members.filter { $0 != cluster.representative }
            for (k, m) in members.enumerated() {
                let d = r.documents[m]
                out += "<tr>"
                // `data-label` names each cell where a narrow screen shows rows as cards.
                out +=
                    k == 0
                    ? "<td class=\"cl\" data-label=\"cluster\" rowspan=\"\(members.count + cluster.containedIn.count)\">\(n + 1)</td>"
                    : ""
                if m == cluster.representative {
                    out +=
                        "<td class=\"path\">★ \(HTML.escape(d.id))</td><td class=\"num\" data-label=\"characters\">\(d.chars)</td>"
                    out += "<td colspan=\"3\">representative</td>"
                } else if let c = diffs[m] {
                    out += "<td class=\"path\"><a href=\"#d\(m)\">\(HTML.escape(d.id))</a></td>"
                    out += "<td class=\"num\" data-label=\"characters\">\(d.chars)</td>"
                    out +=
                        "<td class=\"num\" data-label=\"similarity\">\(JSONWriter.format(c.similarity, digits: 3))</td>"
                    out += "<td class=\"num\" data-label=\"edits\">\(c.editCount)</td>"
                    out +=
                        "<td class=\"num\" data-label=\"only in representative / member\">\(c.onlyInA.count) / \(c.onlyInB.count)</td>"
                } else {
                    out +=
                        "<td class=\"path\">\(HTML.escape(d.id))</td><td class=\"num\" data-label=\"characters\">\(d.chars)</td><td colspan=\"3\"></td>"
                }
                out += "<td class=\"title\">\(HTML.escape(d.title ?? ""))</td></tr>\n"
            }
            for contained in cluster.containedIn {
                let others = contained.containers.map { HTML.escape(r.documents[$0].id) }
                out += "<tr class=\"note\"><td colspan=\"7\">\(HTML.escape(r.documents[contained.document].id)) "
                out += "is also contained in \(others.joined(separator: ", "))</td></tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
        if clustered < r.documents.count {
            var inCluster = [Bool](repeating: false, count: r.documents.count)
            for c in r.clusters { for m in c.members { inCluster[m] = true } }
            let alone = r.documents.indices.filter { !inCluster[$0] }
            out += "<details><summary>\(Plural.count(alone.count, "document")) in no cluster</summary>\n<ul>\n"
            for i in alone { out += "<li class=\"path\">\(HTML.escape(r.documents[i].id))</li>\n" }
            out += "</ul>\n</details>\n"
        }
        for error in skipped { out += "<p class=\"note\">skipped: \(HTML.escape(error.description))</p>\n" }
        out += "</header>\n"
        for (n, cluster) in r.clusters.enumerated() {
            for m in cluster.members where m != cluster.representative {
                guard let c = diffs[m] else { continue }
                let heading = "Cluster \(n + 1): \(r.documents[m].id) against \(r.documents[cluster.representative].id)"
                out += HTMLDiffReport.section(c, anchor: "d\(m)", heading: heading)
            }
        }
        return HTML.document(
            title:
                "doppel cluster: \(Plural.count(r.documents.count, "document")), \(Plural.count(r.clusters.count, "cluster"))",
            body: out)
    }
}
