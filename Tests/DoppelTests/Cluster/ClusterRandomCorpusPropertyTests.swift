import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Clusters are a partition of whatever they are given: seeded random corpora of real articles,
/// edited, truncated and copied versions of them, random hostile texts, and documents too short
/// to compare, in random order, under both verifications.
@Suite struct ClusterRandomCorpusPropertyTests {
    static func corpus(seed: UInt64) -> [ClusterDocument] {
        var random = SplitMix64(seed: seed)
        var hostile = HostileText(seed: seed)
        let articles = TestCorpus.articles()
        var texts: [[Unicode.Scalar]] = []
        for _ in 0..<8 {
            let article = articles[Int(random.next() % UInt64(articles.count))]
            texts.append(Array(article.unicodeScalars))
            for _ in 0..<(random.next() % 4) {
                switch random.next() % 3 {
                case 0:
                    let edited = TestCorpus.mutate(article, edits: 1 + Int(random.next() % 10), seed: random.next())
                    texts.append(Array(edited.unicodeScalars))
                case 1:
                    let scalars = Array(article.unicodeScalars)
                    texts.append(Array(scalars.prefix(scalars.count * (60 + Int(random.next() % 35)) / 100)))
                default:
                    texts.append(Array(article.unicodeScalars))
                }
            }
        }
        for _ in 0..<6 { texts.append(hostile.text(length: 50 + Int(random.next() % 1500))) }
        texts += ["", "", " \n ", "。，！", "。，！", "好的", "好的", "ok go", "ok go"].map { Array($0.unicodeScalars) }
        for i in stride(from: texts.count - 1, to: 0, by: -1) {
            texts.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        let normalizer = Normalizer()
        return texts.enumerated().map { i, text in
            ClusterDocument(id: "d\(i)", path: "d\(i).txt", text: normalizer.normalize(text))
        }
    }

    @Test(arguments: ClusterOptions.Verification.allCases, 1...6 as ClosedRange<UInt64>)
    func clustersPartitionARandomCorpus(verification: ClusterOptions.Verification, seed: UInt64) throws {
        let documents = Self.corpus(seed: seed)
        let options = try ClusterOptions(verification: verification)
        let result = try ClusterEngine(options: options).cluster(InMemoryDocumentCollection(documents))
        let label = "seed \(seed), \(verification)"
        #expect(result.documents.map(\.id) == documents.map(\.id), "\(label)")
        #expect(result.documents.map(\.chars) == documents.map(\.chars), "\(label)")

        var clusterOf = [Int?](repeating: nil, count: documents.count)
        for (n, cluster) in result.clusters.enumerated() {
            #expect(cluster.members.count >= 2 && cluster.members == cluster.members.sorted(), "\(label)")
            for member in cluster.members {
                #expect(documents.indices.contains(member) && clusterOf[member] == nil, "\(label): \(member) twice")
                if documents.indices.contains(member) { clusterOf[member] = n }
            }
            #expect(cluster.members.contains(cluster.representative), "\(label)")
            let fullest = cluster.members.max {
                documents[$0].chars < documents[$1].chars || (documents[$0].chars == documents[$1].chars && $0 > $1)
            }
            #expect(cluster.representative == fullest, "\(label)")
            #expect(cluster.pairs.count == cluster.members.count - 1, "\(label)")
            var joined = UnionFind(count: documents.count)
            for pair in cluster.pairs {
                #expect(pair.a < pair.b && clusterOf[pair.a] == n && clusterOf[pair.b] == n, "\(label)")
                _ = joined.union(pair.a, pair.b)
            }
            #expect(
                Set(cluster.members.map { joined.find($0) }).count == 1, "\(label): pairs do not connect the cluster")
        }
        #expect(result.clusters.map { $0.members[0] } == result.clusters.map { $0.members[0] }.sorted(), "\(label)")

        let shingler = Shingler()
        var firstWithText: [[UInt32]: Int] = [:]
        for (i, document) in documents.enumerated() {
            if shingler.shingleSet(of: document.text).isEmpty {
                #expect(clusterOf[i] == nil, "\(label): \(document.id) has no shingle yet clusters")
            } else if let first = firstWithText.updateValue(i, forKey: document.text.units) {
                #expect(
                    clusterOf[i] != nil && clusterOf[i] == clusterOf[first], "\(label): copies \(first) and \(i) apart")
            }
        }
        #expect(
            try ClusterEngine(options: options).cluster(InMemoryDocumentCollection(documents)) == result, "\(label)")
    }
}
