import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Articles 0..<families each with two edited versions appended at the end, plus the remaining
/// articles as singletons. Returns the documents and the expected clusters (positions).
private func nearDuplicateCorpus(families: Int = 6) -> ([ClusterDocument], [[Int]]) {
    let articles = TestCorpus.articles()
    var documents = articles.enumerated().map { TestCorpus.document("a\($0.offset)", $0.element) }
    var expected: [[Int]] = []
    for family in 0..<families {
        var members = [family]
        for version in 1...2 {
            members.append(documents.count)
            let edited = TestCorpus.mutate(
                articles[family], edits: family + version,
                seed: UInt64(10 * family + version))
            documents.append(TestCorpus.document("a\(family)v\(version)", edited))
        }
        expected.append(members)
    }
    return (documents, expected)
}

private func cluster(_ documents: [ClusterDocument], _ options: ClusterOptions = .standard)
    throws -> ClusterResult
{
    try ClusterEngine(options: options).cluster(InMemoryDocumentCollection(documents))
}

@Test func nearDuplicatesOfRealArticlesClusterTogether() throws {
    let (documents, expected) = nearDuplicateCorpus()
    #expect(documents.count > 30)
    let result = try cluster(documents)
    #expect(result.clusters.map(\.members) == expected)
}

@Test(arguments: ClusterOptions.Verification.allCases, MinHashScheme.allCases)
func everyVerificationAndSchemeFindsTheNearDuplicates(
    verification: ClusterOptions.Verification, scheme: MinHashScheme
) throws {
    let (documents, expected) = nearDuplicateCorpus()
    let options = try ClusterOptions(scheme: scheme, verification: verification)
    #expect(try cluster(documents, options).clusters.map(\.members) == expected)
}

@Test func clustersFormAPartitionWithSpanningPairs() throws {
    let (documents, _) = nearDuplicateCorpus(families: 10)
    let result = try cluster(documents)
    var seen = Set<Int>()
    for cluster in result.clusters {
        #expect(cluster.members.count >= 2)
        #expect(cluster.members == cluster.members.sorted())
        #expect(seen.isDisjoint(with: cluster.members))
        seen.formUnion(cluster.members)
        #expect(cluster.members.contains(cluster.representative))
        #expect(cluster.pairs.count == cluster.members.count - 1)
        #expect(
            cluster.pairs.map { [$0.a, $0.b] }
                == cluster.pairs.map { [$0.a, $0.b] }.sorted {
                    $0.lexicographicallyPrecedes($1)
                })
        var joined = UnionFind(count: documents.count)
        for pair in cluster.pairs {
            #expect(pair.a < pair.b)
            #expect(cluster.members.contains(pair.a) && cluster.members.contains(pair.b))
            let joinsTwoParts = joined.union(pair.a, pair.b)
            #expect(joinsTwoParts)
        }
    }
    #expect(result.clusters.map { $0.members[0] } == result.clusters.map { $0.members[0] }.sorted())
}

@Test func everyReportedPairMeetsTheThresholdExactly() throws {
    let (documents, _) = nearDuplicateCorpus(families: 10)
    let options = ClusterOptions.standard
    let shingler = Shingler()
    for pair in try cluster(documents).clusters.flatMap(\.pairs) {
        let overlap = SetOverlap(
            shingler.compactShingleSet(of: documents[pair.a].text),
            shingler.compactShingleSet(of: documents[pair.b].text))
        #expect(overlap.jaccard == pair.jaccard)
        #expect(overlap.containment == pair.containment)
        #expect(
            pair.jaccard >= options.threshold
                || (pair.containment >= options.containmentThreshold!
                    && min(overlap.firstCount, overlap.secondCount) >= options.minimumContainedShingles)
        )
    }
}

@Test func emptyAndShortDocumentsNeverCluster() throws {
    let texts = ["", "", "一二三四", "一二三四", "，。！", "，。！", "two words", "two words"]
    let documents = texts.enumerated().map { TestCorpus.document("d\($0.offset)", $0.element) }
    let result = try cluster(documents)
    #expect(result.clusters.isEmpty)
    #expect(result.documents.count == texts.count)
}

@Test func giantBucketOfIdenticalCopiesBecomesOneCluster() throws {
    let articles = TestCorpus.articles()
    var documents = (0..<2000).map { TestCorpus.document("copy\($0)", articles[0]) }
    documents += articles.dropFirst().enumerated().map {
        TestCorpus.document("other\($0.offset)", $0.element)
    }
    let result = try cluster(documents)
    #expect(result.clusters.count == 1)
    #expect(result.clusters[0].members == Array(0..<2000))
    #expect(result.clusters[0].pairs.count == 1999)
    #expect(result.clusters[0].representative == 0)
}

@Test func truncatedCopyJoinsItsFullVersionThroughContainment() throws {
    let articles = TestCorpus.articles(length: 900)
    let full = articles[0]
    let cut = String(full.prefix(full.count * 65 / 100))
    var documents = [TestCorpus.document("cut", cut), TestCorpus.document("full", full)]
    documents += articles.dropFirst().enumerated().map {
        TestCorpus.document("other\($0.offset)", $0.element)
    }
    let result = try cluster(documents)
    #expect(result.clusters.count == 1)
    let found = try #require(result.clusters.first)
    #expect(found.members == [0, 1])
    #expect(found.representative == 1)
    #expect(found.pairs[0].jaccard < 0.8)
    #expect(found.pairs[0].containment == 1)
    #expect(try cluster(documents, ClusterOptions(containmentThreshold: nil)).clusters.isEmpty)
}

@Test func representativeIsTheFullestMemberEarliestOnTies() throws {
    let article = TestCorpus.articles()[2]
    let documents = [
        TestCorpus.document("short", String(article.dropLast(20))),
        TestCorpus.document("full1", article),
        TestCorpus.document("full2", article),
    ]
    #expect(try cluster(documents).clusters.map(\.representative) == [1])
}

@Test func resultReportsEveryDocumentAndTheParameters() throws {
    let documents = [
        ClusterDocument(
            id: "x", path: "x.txt", title: "X", chars: 99,
            text: NormalizedText(identity: "一二三四五六")),
        TestCorpus.document("y", ""),
    ]
    let result = try cluster(documents)
    #expect(
        result.documents == [
            ClusterResult.Document(id: "x", path: "x.txt", title: "X", chars: 99),
            ClusterResult.Document(id: "y", path: "y.txt", title: nil, chars: 0),
        ])
    #expect(result.parameters == ClusterResult.Parameters(.standard))
}

@Test func anEmptyCollectionHasNoClusters() throws {
    let result = try cluster([])
    #expect(result.documents.isEmpty && result.clusters.isEmpty)
}

@Test func clusteringIsDeterministic() throws {
    let (documents, _) = nearDuplicateCorpus(families: 10)
    #expect(try cluster(documents) == cluster(documents))
}

@Test func progressCoversBothPasses() throws {
    let (documents, expected) = nearDuplicateCorpus()
    let reports = Locked<[ClusterProgress]>([])
    _ = try ClusterEngine().cluster(InMemoryDocumentCollection(documents)) { progress in
        reports.withLock { $0.append(progress) }
    }
    let all = reports.withLock { $0 }
    let signatures = all.filter { $0.phase == .signatures }
    let verification = all.filter { $0.phase == .verification }
    #expect(
        signatures.last
            == ClusterProgress(
                phase: .signatures, done: documents.count,
                total: documents.count))
    let candidates = expected.joined().count
    #expect(
        verification.last
            == ClusterProgress(
                phase: .verification, done: candidates,
                total: candidates))
}

private struct Unreadable: Error, Equatable { let index: Int }

private struct FailingCollection: DocumentCollection {
    let documents: [ClusterDocument]
    var count: Int { documents.count }
    func document(at index: Int) throws -> ClusterDocument {
        if index == 7 || index == 20 { throw Unreadable(index: index) }
        return documents[index]
    }
}

@Test func theEarliestUnreadableDocumentStopsClustering() {
    let (documents, _) = nearDuplicateCorpus()
    #expect(throws: Unreadable(index: 7)) {
        try ClusterEngine().cluster(FailingCollection(documents: documents))
    }
}

@Test func aBriefQuotedInTwoArticlesAttachesToOneAndTheArticlesStayApart() throws {
    let articles = TestCorpus.articles()
    let brief = String(articles[9].prefix(160))
    // Round-ups about twice the brief's length: Jaccard about 0.5, found by the containment bands.
    // The second quotes it with one character changed, so the first contains it more fully.
    let first = String(articles[1].prefix(90)) + brief + String(articles[2].prefix(40))
    let second =
        String(articles[3].prefix(30)) + TestCorpus.mutate(brief, edits: 1, seed: 3)
        + String(articles[4].prefix(30))
    let documents = [
        TestCorpus.document("first", first), TestCorpus.document("second", second),
        TestCorpus.document("brief", brief),
    ]
    let result = try cluster(documents)
    #expect(result.clusters.count == 1)
    let joined = try #require(result.clusters.first)
    #expect(joined.members.count == 2 && joined.members.contains(2))
    #expect(joined.pairs.map(\.relation) == [.excerpt])
    #expect(joined.members == [0, 2])
    #expect(joined.containedIn == [ClusterResult.ContainedIn(document: 2, containers: [1])])
}

/// Excerpt pairs `(container, contained, containment)` as verification reports them.
private func excerptPairs(_ pairs: [(Int, Int, Double)]) -> [ClusterResult.Pair] {
    pairs.map {
        ClusterResult.Pair(
            a: min($0.0, $0.1), b: max($0.0, $0.1), jaccard: 0.3, containment: $0.2,
            relation: .excerpt)
    }
}

@Test func aBriefContainedAsFullyInTwoUnrelatedArticlesJoinsNeither() {
    // Documents 0 and 1 both hold all of document 2: no container is the best one.
    let clusters = ClusterEngine.clusters(
        of: excerptPairs([(0, 2, 1.0), (1, 2, 1.0)]), chars: [500, 520, 150],
        setSizes: [480, 500, 140])
    #expect(clusters.isEmpty)
}

@Test func aTeaserCutFromACutVersionStillJoinsTheArticle() {
    // 2 ⊂ 1 ⊂ 0: the teaser's two containers are one chain, not rivals.
    let clusters = ClusterEngine.clusters(
        of: excerptPairs([(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0)]), chars: [600, 450, 300],
        setSizes: [590, 440, 290])
    #expect(clusters.map(\.members) == [[0, 1, 2]])
    #expect(clusters.first?.containedIn == [])
}

@Test func anExcerptAttachesToTheContainerThatHoldsItMostFully() {
    let clusters = ClusterEngine.clusters(
        of: excerptPairs([(0, 2, 0.95), (1, 2, 1.0)]), chars: [500, 520, 150],
        setSizes: [480, 500, 140])
    #expect(clusters.map(\.members) == [[1, 2]])
    #expect(clusters.first?.containedIn == [ClusterResult.ContainedIn(document: 2, containers: [0])])
}

@Test func versionsOfAnExcerptAttachTogetherAndVersionsStillMerge() throws {
    let articles = TestCorpus.articles()
    let brief = String(articles[9].prefix(160))
    let article = String(articles[1].prefix(120)) + brief
    let documents = [
        TestCorpus.document("article", article),
        TestCorpus.document("article-v", TestCorpus.mutate(article, edits: 2, seed: 4)),
        TestCorpus.document("brief", brief),
        TestCorpus.document("brief-v", TestCorpus.mutate(brief, edits: 1, seed: 5)),
    ]
    let result = try cluster(documents)
    #expect(result.clusters.map(\.members) == [[0, 1, 2, 3]])
    #expect(result.clusters[0].pairs.filter { $0.relation == .version }.count == 2)
}
