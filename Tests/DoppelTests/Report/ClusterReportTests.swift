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
    return ClusterResult(
        parameters: ClusterResult.Parameters(.standard), documents: documents,
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

@Test func aLongJSONReportWrittenInPartsListsEveryDocumentAndClusterInOrder() throws {
    let count = 2 * ClusterReport.itemsPerPart + 5
    let documents = (0..<count).map { ClusterResult.Document(id: "d\($0)", path: "", title: nil, chars: $0) }
    let clusters = stride(from: 0, to: count - 1, by: 2).map { a in
        ClusterResult.Cluster(
            representative: a, members: [a, a + 1],
            pairs: [ClusterResult.Pair(a: a, b: a + 1, jaccard: 0.9, containment: 0.9, relation: .version)],
            containedIn: [])
    }
    let result = ClusterResult(
        parameters: ClusterResult.Parameters(.standard), documents: documents, clusters: clusters)
    let json = ClusterReport.json(result)
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let ids = (object["documents"] as! [[String: Any]]).map { $0["id"] as! String }
    #expect(ids == documents.map(\.id))
    let representatives = (object["clusters"] as! [[String: Any]]).map { $0["representative"] as! String }
    #expect(representatives == clusters.map { documents[$0.representative].id })
    // Values of later parts are indented as those of the first.
    #expect(json.contains("\n      \"id\": \"d0\",\n"))
    #expect(json.contains("\n      \"id\": \"d\(ClusterReport.itemsPerPart)\",\n"))
}

@Suite struct ClusterReportTests {
    /// Three documents, 0 the representative of {0, 1, 2}; 2 joined through 1 only.
    private static func result() throws -> ClusterResult {
        let documents = (0..<4).map { ClusterResult.Document(id: "d\($0)", path: "p\($0)", title: nil, chars: 10) }
        let cluster = ClusterResult.Cluster(
            representative: 0, members: [0, 1, 2],
            pairs: [
                ClusterResult.Pair(a: 0, b: 1, jaccard: 0.9, containment: 0.95),
                ClusterResult.Pair(a: 1, b: 2, jaccard: 0.85, containment: 0.9),
            ])
        return ClusterResult(
            parameters: ClusterResult.Parameters(try ClusterOptions()), documents: documents,
            clusters: [cluster])
    }

    @Test func csvHasASimilarityColumnAndAnOptionalByteOrderMark() throws {
        let r = try Self.result()
        let rows = ClusterReport.csv(r).split(separator: "\n").map(String.init)
        #expect(rows[0] == "cluster,id,path,title,chars,representative,similarity")
        #expect(rows[1] == "1,d0,p0,,10,true,")
        #expect(rows[2] == "1,d1,p1,,10,false,0.9")
        #expect(rows[3] == "1,d2,p2,,10,false,0.85")
        #expect(rows[4] == ",d3,p3,,10,false,")
        #expect(!ClusterReport.csv(r).hasPrefix("\u{FEFF}"))
        #expect(Array(ClusterReport.csv(r, byteOrderMark: true).utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func aMemberJoinedToTheRepresentativeTakesThatPairsSimilarity() throws {
        var r = try Self.result()
        r.clusters[0].pairs.append(ClusterResult.Pair(a: 2, b: 0, jaccard: 0.81, containment: 0.9))
        #expect(ClusterReport.similarities(r) == [nil, 0.9, 0.81, nil])
    }

    @Test func jsonLinesHaveOneClusterPerLine() throws {
        let lines = ClusterReport.jsonLines(try Self.result()).split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "doppel.cluster-line/1" && object["cluster"] as? Int == 1)
        let members = object["members"] as! [[String: Any]]
        #expect(members.map { $0["id"] as! String } == ["d0", "d1", "d2"])
        #expect(members[0]["similarity"] == nil && members[1]["similarity"] as? Double == 0.9)
        #expect((object["pairs"] as! [Any]).count == 2)
    }

    @Test func countsInTheTextReadAsEnglish() throws {
        let text = ClusterReport.text(try Self.result())
        #expect(text.contains("cluster 1: 3 versions"))
        #expect(text.contains("4 documents; 1 cluster of 3 documents; 1 alone"))
    }
}
