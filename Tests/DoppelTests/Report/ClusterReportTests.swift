import Foundation
import Testing
@testable import DoppelCluster
@testable import DoppelReport

/// A brief (document 2) attached to the first of two round-ups that both contain it (also used
/// by HTMLClusterReportTests).
func attachedBrief() -> ClusterResult {
    let documents = ["roundup-a", "roundup-b", "brief"].map {
        ClusterResult.Document(id: $0, path: "\($0).txt", title: nil, chars: 100)
    }
    let cluster = ClusterResult.Cluster(
        representative: 0, members: [0, 2],
        pairs: [ClusterResult.Pair(a: 0, b: 2, jaccard: 0.45, containment: 1, relation: .excerpt)],
        containedIn: [ClusterResult.ContainedIn(document: 2, containers: [1])])
    return ClusterResult(parameters: ClusterResult.Parameters(.standard), documents: documents,
                         clusters: [cluster])
}

@Test func theTextReportMarksExcerptsAndListsOtherContainers() {
    let text = ClusterReport.text(attachedBrief())
    #expect(text.contains("    roundup-a ⊂ brief  jaccard 0.45  containment 1\n"))
    #expect(text.contains("    brief is also contained in roundup-b\n"))
}

@Test func theJSONReportCarriesRelationsAndContainedIn() throws {
    let json = ClusterReport.json(attachedBrief())
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let cluster = (object["clusters"] as! [[String: Any]])[0]
    let pair = (cluster["pairs"] as! [[String: Any]])[0]
    #expect(pair["relation"] as? String == "excerpt")
    let contained = cluster["contained_in"] as! [[String: Any]]
    #expect(contained.count == 1)
    #expect(contained[0]["id"] as? String == "brief")
    #expect(contained[0]["containers"] as? [String] == ["roundup-b"])
    let parameters = object["parameters"] as! [String: Any]
    #expect(parameters["aligned_share"] as? Double == 0.85)
    #expect(parameters["containment_bands"] as? Int == 32)
}
