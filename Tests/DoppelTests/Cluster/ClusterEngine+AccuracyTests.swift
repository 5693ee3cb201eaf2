import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Accuracy of clustering against generated corpora with their truth (`GeneratedCorpora`): the
/// figures issue 15 asks for, on the same kinds of documents as `make bench` measures.

@Test func aVersionsFolderClustersWithF1AtLeast099AndPrecisionAtLeast0995() throws {
    let corpus = GeneratedCorpora.versions()
    #expect(Set(corpus.kinds) == ["web", "print", "plain", "truncated", "edited", "short", "twin"])
    let result = try ClusterEngine().cluster(InMemoryDocumentCollection(corpus.documents))
    let score = corpus.score(result)
    #expect(score.precision >= 0.995, "precision \(score.precision)")
    #expect(score.f1 >= 0.99, "F1 \(score.f1), recall \(score.recall)")
}

@Test func everyTruncatedVersionJoinsItsArticle() throws {
    let corpus = GeneratedCorpora.versions(seed: 21)
    let result = try ClusterEngine().cluster(InMemoryDocumentCollection(corpus.documents))
    var clusterOf = [Int: Int]()
    for (n, cluster) in result.clusters.enumerated() {
        for member in cluster.members { clusterOf[member] = n }
    }
    let truncated = corpus.kinds.indices.filter { corpus.kinds[$0] == "truncated" }
    #expect(truncated.count >= 20)
    let joined = truncated.filter { index in
        let web = corpus.groups.firstIndex(of: corpus.groups[index])!
        return clusterOf[index] != nil && clusterOf[index] == clusterOf[web]
    }
    #expect(joined.count == truncated.count)
}

@Test func shortItemsWithScatteredEditsJoinAndTemplatedTwinsStayApart() throws {
    let corpus = GeneratedCorpora.versions(seed: 22)
    let result = try ClusterEngine().cluster(InMemoryDocumentCollection(corpus.documents))
    var clusterOf = [Int: Int]()
    for (n, cluster) in result.clusters.enumerated() {
        for member in cluster.members { clusterOf[member] = n }
    }
    let short = corpus.kinds.indices.filter { corpus.kinds[$0] == "short" }
    #expect(short.count >= 10)
    for index in short {
        let first = corpus.groups.firstIndex(of: corpus.groups[index])!
        #expect(
            clusterOf[index] != nil && clusterOf[index] == clusterOf[first],
            "short item \(index) apart from its version \(first)")
    }
    let twins = corpus.kinds.indices.filter { corpus.kinds[$0] == "twin" }
    for i in twins {
        for j in twins where j > i && corpus.groups[i] != corpus.groups[j] {
            #expect(clusterOf[i] == nil || clusterOf[i] != clusterOf[j], "twins \(i) and \(j) joined")
        }
    }
}

@Test func excerptsOfSeveralDocumentsDoNotChainThem() throws {
    let corpus = GeneratedCorpora.excerpts()
    let result = try ClusterEngine().cluster(InMemoryDocumentCollection(corpus.documents))
    let score = corpus.score(result)
    // 1.0 measured since short documents find their sources through the containment sample
    // (0.87 before, 0.83 before ties stopped attaching; docs/cluster-rules.md); recall 0.91.
    #expect(score.precision >= 0.98, "precision \(score.precision)")
    #expect(score.recall >= 0.85, "recall \(score.recall)")
    #expect(
        score.largestCluster <= score.largestGroup + 1,
        "largest cluster \(score.largestCluster), largest group \(score.largestGroup)")
    // The corpus is a stress test only if excerpts are contained in more than their source.
    let alsoContained = result.clusters.flatMap(\.containedIn)
    #expect(alsoContained.count >= 20)
}

@Test func everyPairWithJaccardAtLeastTheThresholdStillShareACluster() throws {
    let corpus = GeneratedCorpora.excerpts(longDocuments: 80)
    let result = try ClusterEngine().cluster(InMemoryDocumentCollection(corpus.documents))
    var clusterOf = [Int](repeating: -1, count: corpus.documents.count)
    for (n, cluster) in result.clusters.enumerated() {
        for member in cluster.members { clusterOf[member] = n }
    }
    let shingler = Shingler()
    let sets = corpus.documents.map { shingler.compactShingleSet(of: $0.text) }
    var pairs = 0
    for i in sets.indices {
        for j in (i + 1)..<sets.count where SetOverlap(sets[i], sets[j]).jaccard >= 0.8 {
            pairs += 1
            #expect(clusterOf[i] >= 0 && clusterOf[i] == clusterOf[j], "pair \(i), \(j) apart")
        }
    }
    #expect(pairs >= 20)
}
