import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelReport

private func result() -> IndexQueryResult {
    IndexQueryResult(
        archive: "a.doppel", documentCount: 40, parameters: IndexParameters().reported,
        queries: [
            .init(
                id: "q1", path: "q.jsonl:1", chars: 500,
                matches: [
                    IndexMatch(document: 3, id: "a3", chars: 510, jaccard: 0.91234, containment: 0.95)
                ]),
            .init(id: "q2", path: "q.jsonl:2", chars: 80, matches: []),
        ])
}

@Test func theTextReportListsMatchesAndSaysHowSimilarityWasComputed() {
    let text = IndexReport.text(result())
    #expect(
        text == """
            q1: 1 near-duplicate in a.doppel
              a3  jaccard 0.912  containment 0.95  510 chars
            2 documents queried; 1 with near-duplicates among the 40 documents of a.doppel (exact similarities from shingle sets; threshold 0.8, containment 0.8)

            """)
    var estimated = result()
    estimated.parameters.verification = "signature"
    #expect(IndexReport.text(estimated).contains("similarities estimated from signatures"))
}

@Test func theJSONReportFollowsTheQuerySchema() throws {
    let json = IndexReport.json(result(), skipped: [.unreadable(path: "x", reason: "no such file")])
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    #expect(object["schema"] as? String == "doppel.index.query/1")
    #expect((object["archive"] as? [String: Any])?["documents"] as? Int == 40)
    #expect((object["parameters"] as? [String: Any])?["verification"] as? String == "exact")
    let queries = object["queries"] as! [[String: Any]]
    #expect(queries.count == 2 && (queries[1]["matches"] as! [Any]).isEmpty)
    let match = (queries[0]["matches"] as! [[String: Any]])[0]
    #expect(match["id"] as? String == "a3" && match["jaccard"] as? Double == 0.9123)
    #expect(object["skipped"] as? [String] == ["x: cannot read (no such file)"])
}

@Test func statsReportsInTextAndJSON() throws {
    let stats = IndexStats(
        path: "a.doppel", formatVersion: 1, parameters: IndexParameters(), documentCount: 10,
        documentsWithKeys: 9, fileLength: 2_500_000, recordBytes: 2_000_000,
        bandTableBytes: 400_000, largestBucket: 3, sampledDocuments: 4)
    let text = IndexReport.text(stats)
    #expect(text.hasPrefix("a.doppel: doppel index format 1, 10 documents (9 with shingles), 2.5 MB\n"))
    #expect(text.contains("storage: compact shingle sets"))
    let object = try JSONSerialization.jsonObject(with: Data(IndexReport.json(stats).utf8)) as! [String: Any]
    #expect(object["schema"] as? String == "doppel.index.stats/1")
    #expect(object["bytes"] as? Int == 2_500_000 && object["largest_bucket"] as? Int == 3)
    #expect(object["sampled_documents"] as? Int == 4 && text.contains("sample table: 4 short documents"))
    #expect((object["normalization"] as? [String: Any])?["layout"] as? String == "auto")
}
