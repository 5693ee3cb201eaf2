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
            // Each print article, its headline included wherever print put it, is one document.
            let cluster = result.clusters.first { $0.members.contains(article) }
            #expect(cluster?.members.count == 2, "\(result.documents[article].id)")
            let other = cluster?.members.first { $0 != article }
            #expect(other.map { result.documents[$0].path.hasSuffix(Samples.print) } == true)
        }
    }

    @Test func printTitlesAreTheHeadlinesPrintedAfterTheirOwnBodyAsPrinted() {
        let (_, result) = Self.result
        let print = result.documents.filter { $0.path.hasSuffix(Samples.print) }
        let titles = print.compactMap(\.title)
        #expect(Set(titles).count == titles.count)
        // The report's kicker and headline follow its body; its title is the headline as printed.
        #expect(titles.contains("大力加强开发区（工业园区）和乡镇（街道）工会建设"))
        #expect(titles.contains("职工子女的快乐“云上”时光"))
    }

    @Test func aPageReadWithoutItsMapIsTitledWithTheNormalisedHeadline() throws {
        // `doppel index query` normalises without the map to the original.
        let corpus = try FileCorpus.load(
            paths: [Samples.path(Samples.print)], walk: FileWalkOptions(), input: InputOptions(),
            normalization: NormalizationOptions(keepMap: false), splitArticles: true, onError: .stop)
        #expect(corpus.documents.contains { $0.title == "职工子女的快乐\"云上\"时光" })
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
        let lonely = result.documents.indices.first { result.documents[$0].title == "油纸伞下，爱意绽放" }
        #expect(lonely != nil)
        #expect(!result.clusters.contains { $0.members.contains(lonely!) })
    }
}
