import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelReport
@testable import DoppelText

@Suite struct HTMLClusterReportTests {
    /// Two versions of one article (web, print) and an unrelated text, clustered.
    static func result() throws -> (ClusterResult, [Int: Comparison]) {
        let web = Samples.source(Samples.web)
        let print = Samples.source(Samples.print)
        let other = Samples.source("004_faff336304fe731d.txt")
        let normalizer = Normalizer(options: NormalizationOptions())
        let documents = [web, print, other].map {
            ClusterDocument(id: $0.path, path: $0.path, text: normalizer.normalize($0))
        }
        let options = try ClusterOptions(
            threshold: 0.5, containmentThreshold: 0.8, permutations: 128, verification: .exact)
        let result = try ClusterEngine(options: options).cluster(InMemoryDocumentCollection(documents), progress: nil)
        var diffs: [Int: Comparison] = [:]
        let sources = [web, print, other]
        for cluster in result.clusters {
            for m in cluster.members where m != cluster.representative {
                diffs[m] = Comparer.compare(sources[cluster.representative], sources[m])
            }
        }
        return (result, diffs)
    }

    @Test func clustersTableLinksEachMemberToItsDiffSection() throws {
        let (result, diffs) = try Self.result()
        try #require(result.clusters.count == 1)
        let cluster = result.clusters[0]
        let member = try #require(cluster.members.first { $0 != cluster.representative })
        let page = HTMLClusterReport.page(result, diffs: diffs)
        #expect(page.contains("<table class=\"clusters\">"))
        #expect(page.contains("★ \(result.documents[cluster.representative].id)"))
        #expect(page.contains("<a href=\"#d\(member)\">\(result.documents[member].id)</a>"))
        #expect(page.contains("<section class=\"diff\" id=\"d\(member)\">"))
        #expect(page.contains("id=\"d\(member)-e1-a\" href=\"#d\(member)-e1-b\""))
        #expect(page.contains("1 document in no cluster"))
    }

    @Test func tableCellsAreLabelledForNarrowScreens() throws {
        let (result, diffs) = try Self.result()
        let page = HTMLClusterReport.page(result, diffs: diffs)
        #expect(page.contains("<td class=\"cl\" data-label=\"cluster\" rowspan=\"2\">1</td>"))
        #expect(page.contains("data-label=\"similarity\"") && page.contains("data-label=\"edits\""))
        #expect(page.contains("@media (max-width: 640px)"))
    }
}

@Test func theHTMLReportListsOtherContainersUnderTheCluster() {
    let page = HTMLClusterReport.page(attachedBrief(), diffs: [:])
    #expect(page.contains("<td class=\"cl\" data-label=\"cluster\" rowspan=\"3\">1</td>"))
    #expect(page.contains("brief is also contained in roundup-b</td></tr>"))
}
