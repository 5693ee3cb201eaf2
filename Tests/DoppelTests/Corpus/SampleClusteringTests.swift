import Testing

@testable import DoppelCluster
@testable import DoppelText

/// `doppel cluster --split articles samples/`, as the library runs it.
@Suite struct SampleClusteringTests {
    static let result: (FileCorpus, ClusterResult) = {
        let corpus = try! FileCorpus.load(
            paths: Samples.all.map(Samples.path), walk: FileWalkOptions(),
            input: InputOptions(), normalization: NormalizationOptions(),
            splitArticles: true, onError: .stop)
        let result = try! ClusterEngine(options: .standard).cluster(InMemoryDocumentCollection(corpus.documents))
        return (corpus, result)
    }()

    @Test func everyWebArticleIsPairedWithItsPrintVersionAndNothingElse() {
        let (_, result) = Self.result
        let web = result.documents.indices.filter { result.documents[$0].path.hasSuffix(Samples.web) }
        #expect(web.count == 9)
        for article in web {
            // The print version may come as pieces (a headline split from its body), each
            // contained in the web article and attached to it; nothing else joins.
            let cluster = result.clusters.first { $0.members.contains(article) }
            #expect((cluster?.members.count ?? 0) >= 2, "\(result.documents[article].id)")
            let others = cluster?.members.filter { $0 != article } ?? []
            #expect(others.allSatisfy { result.documents[$0].path.hasSuffix(Samples.print) })
        }
    }

    @Test func theOtherPagesJoinNothingDespiteSharedNames() {
        let (_, result) = Self.result
        let others = Set(Samples.all.dropFirst(2))
        for cluster in result.clusters {
            for member in cluster.members {
                #expect(!others.contains { result.documents[member].path.hasSuffix($0) })
            }
        }
    }

    @Test func thePrintOnlyArticleStaysAlone() {
        let (_, result) = Self.result
        let lonely = result.documents.indices.first { result.documents[$0].title == "油纸伞下,爱意绽放" }
        #expect(lonely != nil)
        #expect(!result.clusters.contains { $0.members.contains(lonely!) })
    }
}
