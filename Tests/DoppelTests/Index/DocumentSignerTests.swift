import Testing

@testable import DoppelCluster

@Test func signaturesEqualTheClusterPipelines() throws {
    let parameters = IndexParameters()
    let signer = DocumentSigner(parameters: parameters, keepsShingleSets: true)
    let shingler = Shingler(options: parameters.cluster.shingle)
    let hasher = try MinHasher(permutations: 128, scheme: .onePermutation, seed: MinHasher.defaultSeed)
    for document in IndexFixture.archiveDocuments() {
        let signed = signer.sign(document)
        let set = shingler.shingleSet(of: document.text)
        #expect(signed.signature == hasher.signature(of: set))
        #expect(signed.bandKeys == parameters.cluster.lsh.bandKeys(of: signed.signature))
        #expect(signed.shingleSet == shingler.compactShingleSet(of: document.text))
        #expect(signed.shingleCount == signed.shingleSet?.count)
        #expect(signed.id == document.id && signed.chars == document.chars)
    }
}

@Test func signingIsDeterministicAndInInputOrder() throws {
    let documents = IndexFixture.archiveDocuments()
    let signer = DocumentSigner(parameters: IndexParameters(), keepsShingleSets: false)
    var batches: [[SignedDocument]] = []
    var firsts: [Int] = []
    try signer.sign(InMemoryDocumentCollection(documents), batchSize: 7) { batch, first in
        batches.append(batch)
        firsts.append(first)
    }
    #expect(firsts == Array(stride(from: 0, to: documents.count, by: 7)))
    #expect(batches.joined().map(\.id) == documents.map(\.id))
    #expect(Array(batches.joined()) == documents.map(signer.sign))
    #expect(batches.joined().allSatisfy { $0.shingleSet == nil })
    // Pinned: the first values of the first article's signature and band key.
    let first = signer.sign(documents[0])
    #expect(first.signature.values.count == 128 && first.bandKeys.count == 25)
    #expect(first == DocumentSigner(parameters: IndexParameters(), keepsShingleSets: false).sign(documents[0]))
}

@Test func anEmptyTextHasNoSignatureAndNoBandKeys() {
    let signed = DocumentSigner(parameters: IndexParameters(), keepsShingleSets: true)
        .sign(TestCorpus.document("empty", "。"))
    #expect(signed.signature.isEmpty && signed.bandKeys.isEmpty && signed.shingleCount == 0)
}

/// What the Spark job in contrib/spark/ does, in a few lines: group signed documents by band key,
/// verify the pairs of each bucket, join the accepted pairs. It must give `ClusterEngine`'s
/// clusters, or the map step lost something.
@Test(arguments: ClusterOptions.Verification.allCases)
func signedDocumentsReproduceTheClusterEnginesClusters(verification: ClusterOptions.Verification) throws {
    var documents = IndexFixture.archiveDocuments()
    for family in 0..<8 {
        let article = IndexFixture.articles[family]
        documents.append(TestCorpus.document("v\(family)", TestCorpus.mutate(article, edits: family, seed: 5)))
        if family % 2 == 0 {
            documents.append(TestCorpus.document("cut\(family)", String(article.prefix(article.count * 3 / 4))))
        }
    }
    let options = try ClusterOptions(verification: verification)
    let expected = try ClusterEngine(options: options).cluster(InMemoryDocumentCollection(documents))
    let signed = documents.map(
        DocumentSigner(parameters: IndexParameters(cluster: options), keepsShingleSets: true).sign)
    var buckets: [String: [Int]] = [:]
    for (index, document) in signed.enumerated() {
        for (band, key) in document.bandKeys.enumerated() { buckets["\(band):\(key >> 32)", default: []].append(index) }
    }
    var sets = UnionFind(count: documents.count)
    var clustered = Set<Int>()
    for members in buckets.values where members.count > 1 {
        for i in members.indices {
            for j in members.indices where j > i {
                let (a, b) = (signed[members[i]], signed[members[j]])
                let jaccard: Double
                let overlap: SetOverlap
                if verification == .exact {
                    overlap = SetOverlap(a.shingleSet!, b.shingleSet!)
                    jaccard = overlap.jaccard
                } else {
                    jaccard = Signature.estimatedJaccard(a.signature, b.signature)
                    overlap = .estimated(jaccard: jaccard, firstCount: a.shingleCount, secondCount: b.shingleCount)
                }
                if options.accepts(
                    jaccard: jaccard, containment: overlap.containment,
                    smallerCount: min(a.shingleCount, b.shingleCount))
                {
                    sets.union(members[i], members[j])
                    clustered.formUnion([members[i], members[j]])
                }
            }
        }
    }
    var clusters: [Int: [Int]] = [:]
    for document in clustered.sorted() { clusters[sets.find(document), default: []].append(document) }
    let found = clusters.values.sorted { $0[0] < $1[0] }
    #expect(found == expected.clusters.map(\.members))
    #expect(found.count >= 8)
}

@Test func shortItemsCarryTheirSequenceAndLongerOnesDoNot() throws {
    let parameters = IndexParameters()
    let signer = DocumentSigner(parameters: parameters, keepsShingleSets: true)
    let short = signer.sign(TestCorpus.document("s", String(TestCorpus.articles()[0].prefix(120))))
    let sequence = try #require(short.sequence)
    #expect(Int(sequence[0]) + 1 <= sequence.count)
    #expect(sequence.dropFirst().sorted() == short.shingleSet)
    #expect(signer.sign(TestCorpus.document("l", TestCorpus.articles(length: 900)[0])).sequence == nil)
    #expect(
        DocumentSigner(parameters: parameters, keepsShingleSets: false)
            .sign(TestCorpus.document("s", String(TestCorpus.articles()[0].prefix(120)))).sequence == nil)
}
