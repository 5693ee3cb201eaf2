import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

@Test func buildThenQueryFindsThePlantedNearDuplicateWithTheExactSimilarity() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let planted = 5
    let query = TestCorpus.document("q", TestCorpus.mutate(IndexFixture.articles[planted], edits: 3, seed: 1))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let matches = try search.matches(for: query)
    let shingler = Shingler()
    let exact = SetOverlap(
        shingler.compactShingleSet(of: query.text),
        shingler.compactShingleSet(of: documents[planted].text))
    #expect(matches.map(\.id) == ["a\(planted)"])
    #expect(matches.first?.jaccard == exact.jaccard)
    #expect(matches.first?.containment == exact.containment)
    #expect(matches.first?.chars == documents[planted].chars)
}

@Test func aTruncatedVersionIsFoundByContainment() throws {
    let folder = try TemporaryFolder()
    try IndexFixture.build(IndexFixture.archiveDocuments(), at: folder.path("a.doppel"))
    let article = IndexFixture.articles[3]
    let cut = TestCorpus.document("cut", String(article.prefix(article.count * 2 / 3)))
    let matches = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel"))).matches(for: cut)
    #expect(matches.map(\.id) == ["a3"])
    #expect(matches[0].jaccard < 0.8 && matches[0].containment == 1)
}

@Test func unrelatedAndEmptyTextsFindNothing() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(Array(documents.prefix(10)), at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    #expect(try search.matches(for: documents[20]).isEmpty)
    #expect(try search.matches(for: TestCorpus.document("empty", "")).isEmpty)
}

@Test func aSignaturesOnlyIndexEstimatesSimilarityFromSignatures() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("s.doppel"), verification: .signature)
    let archive = try IndexArchive(path: folder.path("s.doppel"))
    #expect(!archive.parameters.keepsShingleSets)
    let query = TestCorpus.document("q", TestCorpus.mutate(IndexFixture.articles[7], edits: 2, seed: 3))
    let matches = try IndexQuery(archive: archive).matches(for: query)
    let hasher = try MinHasher()
    var hashes: [UInt64] = []
    Shingler().appendHashes(of: query.text, to: &hashes)
    var stored: [UInt64] = []
    Shingler().appendHashes(of: documents[7].text, to: &stored)
    #expect(matches.map(\.id) == ["a7"])
    #expect(
        matches.first?.jaccard
            == Signature.estimatedJaccard(
                hasher.signature(of: hashes),
                hasher.signature(of: stored)))
}

@Test func aQueryMayChangeThresholdsButNotWhatDecidesCandidates() throws {
    let folder = try TemporaryFolder()
    try IndexFixture.build(IndexFixture.archiveDocuments(), at: folder.path("a.doppel"))
    let archive = try IndexArchive(path: folder.path("a.doppel"))
    let query = TestCorpus.document("q", TestCorpus.mutate(IndexFixture.articles[5], edits: 3, seed: 1))
    let strict = try IndexQuery(
        archive: archive,
        verification: ClusterOptions(
            threshold: 0.999,
            containmentThreshold: nil))
    #expect(try strict.matches(for: query).isEmpty)
    #expect(strict.reported.threshold == 0.999 && strict.reported.containmentThreshold == nil)
    #expect(throws: DoppelError.self) {
        try IndexQuery(archive: archive, verification: ClusterOptions(permutations: 64))
    }
    #expect(throws: DoppelError.self) {
        try IndexQuery(archive: archive, verification: ClusterOptions(verification: .signature))
    }
}

@Test func runQueriesEveryDocumentInInputOrder() throws {
    let folder = try TemporaryFolder()
    let documents = IndexFixture.archiveDocuments()
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let queries = [documents[2], TestCorpus.document("none", "无关的短句。"), documents[9]]
    let result = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
        .run(InMemoryDocumentCollection(queries))
    #expect(result.queries.map(\.id) == ["a2", "none", "a9"])
    #expect(result.queries.map { $0.matches.map(\.id) } == [["a2"], [], ["a9"]])
    #expect(result.queries[0].matches[0].jaccard == 1)
    #expect(result.documentCount == documents.count && result.parameters.verification == "exact")
}

@Test func aQueryContainedInTwoDocumentsNamesOneContainerAndListsTheOther() throws {
    let folder = try TemporaryFolder()
    let articles = TestCorpus.articles()
    let brief = String(articles[9].prefix(160))
    let documents = [
        TestCorpus.document("first", String(articles[1].prefix(50)) + brief),
        TestCorpus.document(
            "second", String(articles[3].prefix(62)) + TestCorpus.mutate(brief, edits: 1, seed: 3)),
    ]
    try IndexFixture.build(documents, at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let matches = try search.matches(for: TestCorpus.document("brief", brief))
    #expect(Set(matches.map(\.id)) == ["first", "second"])
    // The first holds the whole brief, the second all but one character.
    #expect(matches.first { $0.id == "first" }?.relation == .container)
    #expect(matches.first { $0.id == "second" }?.relation == .containedIn)
    let excerpt = try search.matches(for: documents[0])
    #expect(excerpt.first { $0.id == "first" }?.relation == .version)
}

@Test func aQueryContainedAsFullyInTwoUnrelatedDocumentsHasNoContainer() throws {
    let folder = try TemporaryFolder()
    let articles = TestCorpus.articles()
    let brief = String(articles[9].prefix(160))
    try IndexFixture.build(
        [
            TestCorpus.document("first", String(articles[1].prefix(50)) + brief),
            TestCorpus.document("second", String(articles[3].prefix(62)) + brief),
        ], at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let matches = try search.matches(for: TestCorpus.document("brief", brief))
    #expect(matches.map(\.relation) == [.containedIn, .containedIn])
}

@Test func twoVersionsThatContainTheQueryAsFullyAreNoRivals() throws {
    let folder = try TemporaryFolder()
    let articles = TestCorpus.articles()
    let brief = String(articles[9].prefix(160))
    try IndexFixture.build(
        [
            TestCorpus.document("first", String(articles[1].prefix(50)) + brief),
            TestCorpus.document("longer", String(articles[1].prefix(53)) + brief),
        ], at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let matches = try search.matches(for: TestCorpus.document("brief", brief))
    #expect(matches.first { $0.id == "longer" }?.relation == .container)
    #expect(matches.first { $0.id == "first" }?.relation == .containedIn)
}

@Test func aShortExcerptThatSharesNoBandWithItsSourceIsFoundInBothDirections() throws {
    // An excerpt of about a fifth of an article (Jaccard about 0.2): neither banding offers the
    // pair, the containment sample of short documents does (docs/cluster-rules.md, section 1).
    let folder = try TemporaryFolder()
    let article = IndexFixture.articles[4]
    let start = article.index(article.startIndex, offsetBy: article.count / 2)
    let excerpt = TestCorpus.document("excerpt", String(article[start...].prefix(110)))
    let source = TestCorpus.document("source", article)
    let signer = DocumentSigner(parameters: IndexParameters(), keepsShingleSets: true)
    let (a, b) = (signer.sign(excerpt), signer.sign(source))
    let parameters = IndexParameters()
    #expect(
        Set(a.bandKeys.enumerated().map { "\($0)-\($1)" }).isDisjoint(
            with: b.bandKeys.enumerated().map { "\($0)-\($1)" }))
    #expect(
        Set(parameters.containmentKeys(of: a.signature).enumerated().map { "\($0)-\($1)" })
            .isDisjoint(with: parameters.containmentKeys(of: b.signature).enumerated().map { "\($0)-\($1)" }))
    #expect((50...200).contains(a.shingleCount))
    // The excerpt queried against its source (the pass over the records) ...
    try IndexFixture.build([source, IndexFixture.archiveDocuments()[0]], at: folder.path("long.doppel"))
    let long = try IndexQuery(archive: try IndexArchive(path: folder.path("long.doppel")))
    let found = try long.matches(for: excerpt)
    #expect(found.map(\.id) == ["source"] && found[0].containment == 1 && found[0].jaccard < 0.3)
    #expect(found[0].relation == .container)
    // ... and the source queried against the excerpt (the sample table).
    try IndexFixture.build([excerpt, IndexFixture.archiveDocuments()[0]], at: folder.path("short.doppel"))
    let short = try IndexQuery(archive: try IndexArchive(path: folder.path("short.doppel")))
    let held = try short.matches(for: source)
    #expect(held.map(\.id) == ["excerpt"] && held[0].relation == .excerpt && held[0].containment == 1)
    // With containment off, neither.
    let off = try ClusterOptions(containmentThreshold: nil)
    #expect(try IndexQuery(archive: long.archive, verification: off).matches(for: excerpt).isEmpty)
    #expect(try IndexQuery(archive: short.archive, verification: off).matches(for: source).isEmpty)
}

/// The pairs `doppel cluster` verifies among `documents` (its pass 1, candidates and
/// verification, before clusters are formed), keyed by the pair's positions, and the candidates
/// its containment sample of short documents offers (`ClusterEngine.containmentPairs`).
private func clusterVerifiedPairs(_ documents: [ClusterDocument]) throws -> (
    verified: [CandidatePair: ClusterResult.Pair], sampled: Set<CandidatePair>
) {
    let engine = ClusterEngine(options: .standard)
    let collection = InMemoryDocumentCollection(documents)
    let store = MaterialStore(documentCount: documents.count, directory: "/tmp", memoryBudget: 64 << 20)
    let (_, sizes, candidates) = try engine.signaturePass(collection, store: store, progress: nil)
    let verified = try engine.verify(candidates, store: store, setSizes: sizes, progress: nil)
    let sample = try #require(ClusterOptions.standard.containmentSample)
    let sampled = try engine.containmentPairs(store: store, setSizes: sizes, sample: sample)
    return (
        Dictionary(uniqueKeysWithValues: verified.map { (CandidatePair($0.a, $0.b), $0) }), Set(sampled)
    )
}

/// Indexes every other document of `corpus`, queries the rest, and checks each query's matches
/// against the pairs `doppel cluster` verifies among all of them: exactly the same documents,
/// the same similarities and aligned shares, versions as versions and excerpts as containers or
/// excerpts. Returns the cross pairs by relation, how many versions joined by the aligned share,
/// and how many pairs the containment sample of short documents offers, with the query short
/// (`shortQuery`) or the indexed document short (`shortIndexed`).
private func expectQueriesAgreeWithCluster(_ corpus: GeneratedCorpus) throws -> (
    versions: Int, excerpts: Int, aligned: Int, shortQuery: Int, shortIndexed: Int
) {
    let folder = try TemporaryFolder()
    let documents = corpus.documents
    let indexed = documents.indices.filter { $0 % 2 == 0 }
    let queried = documents.indices.filter { $0 % 2 == 1 }
    try IndexFixture.build(indexed.map { documents[$0] }, at: folder.path("a.doppel"))
    let search = try IndexQuery(archive: try IndexArchive(path: folder.path("a.doppel")))
    let (verified, sampled) = try clusterVerifiedPairs(documents)
    let sizes = documents.map { Shingler().compactShingleSet(of: $0.text).count }
    // Queried one at a time and as one batch (`run`): the same matches.
    let batch = try search.run(InMemoryDocumentCollection(queried.map { documents[$0] }), batchSize: 7)
    var counts = (versions: 0, excerpts: 0, aligned: 0, shortQuery: 0, shortIndexed: 0)
    for (position, query) in queried.enumerated() {
        let matches = try search.matches(for: documents[query])
        #expect(batch.queries[position].matches == matches)
        var expected: [Int: ClusterResult.Pair] = [:]  // indexed position → cluster's pair
        for (slot, position) in indexed.enumerated() {
            if let pair = verified[CandidatePair(position, query)] { expected[slot] = pair }
        }
        let found = Dictionary(uniqueKeysWithValues: matches.map { ($0.document, $0) })
        #expect(
            Set(found.keys) == Set(expected.keys),
            "\(documents[query].id): index \(found.keys.sorted()), cluster \(expected.keys.sorted())")
        for (slot, pair) in expected {
            guard let match = found[slot] else { continue }
            #expect(match.jaccard == pair.jaccard && match.containment == pair.containment)
            #expect(match.aligned == pair.aligned, "\(documents[query].id) and \(match.id)")
            #expect((match.relation == .version) == (pair.relation == .version))
            if pair.relation == .version { counts.versions += 1 } else { counts.excerpts += 1 }
            if pair.relation == .version && pair.jaccard < 0.8 { counts.aligned += 1 }
            if sampled.contains(CandidatePair(indexed[slot], query)) {
                if sizes[query] < sizes[indexed[slot]] { counts.shortQuery += 1 } else { counts.shortIndexed += 1 }
            }
        }
    }
    return counts
}

@Test(arguments: [15, 21] as [UInt64])
func queriesOfGeneratedVersionsFindWhatClusterVerifies(seed: UInt64) throws {
    // Web, print and plain forms, truncated and edited versions, short items with scattered
    // one-character edits, templated twins that differ in their facts.
    let counts = try expectQueriesAgreeWithCluster(GeneratedCorpora.versions(seed: seed))
    #expect(counts.versions > 50 && counts.excerpts > 5)
    #expect(counts.aligned > 3)  // short items joined by the aligned share, as doppel cluster joins them
}

@Test func queriesOfExcerptsInSeveralArticlesFindWhatClusterVerifies() throws {
    // Short documents contained in their source and, often, in unrelated articles that hold
    // the same sentences.
    let counts = try expectQueriesAgreeWithCluster(GeneratedCorpora.excerpts(longDocuments: 150))
    #expect(counts.excerpts > 50)
    // Pairs the containment sample offers, in both directions: a short query in an indexed
    // article, and an indexed short document in a queried article.
    #expect(counts.shortQuery > 5 && counts.shortIndexed > 5)
}
