import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// The material store and compact set sizes pass 1 would leave for `texts`.
private func stored(_ texts: [String]) throws -> (MaterialStore, [UInt32]) {
    let store = MaterialStore(documentCount: texts.count, directory: "/tmp", memoryBudget: 1 << 24)
    var workspace = SigningWorkspace(
        shingler: Shingler(), hasher: MinHasher(checkedPermutations: 128, scheme: .onePermutation))
    var sizes: [UInt32] = []
    for (index, text) in texts.enumerated() {
        var material: [UInt32] = []
        _ = workspace.sign(NormalizedText(identity: text), appendingShinglesTo: &material, keepingShingles: true)
        sizes.append(UInt32(workspace.distinctCount))
        try store.append(documents: index..<(index + 1), counts: [UInt32(material.count)], values: material)
    }
    return (store, sizes)
}

/// The compact shingle set of `text`.
private func set(_ text: String) -> [UInt32] {
    Shingler().compactShingleSet(of: NormalizedText(identity: text))
}

/// Articles of 400-900 characters, each followed by an excerpt of it (a stretch of 15-60 % of
/// its characters from a seeded start, with up to two one-character edits) and its cut (the
/// first 60-75 %, print layout, up to two edits): the contained side and its source, by index.
private func excerptsAndCuts(seed: UInt64) -> (texts: [String], contained: [(Int, Int)]) {
    var random = SplitMix64(seed: seed)
    var pool = GeneratedCorpora.sentences
    for i in stride(from: pool.count - 1, to: 0, by: -1) {
        pool.swapAt(i, Int(random.next() % UInt64(i + 1)))
    }
    var texts: [String] = []
    var contained: [(Int, Int)] = []
    var at = 0
    while at < pool.count {
        let (article, next) = GeneratedCorpora.text(from: at, length: 400 + Int(random.next() % 500), pool: pool)
        at = next
        let characters = Array(article)
        let source = texts.count
        texts.append(article)
        let length = characters.count * (15 + Int(random.next() % 46)) / 100
        let start = Int(random.next() % UInt64(characters.count - length + 1))
        let excerpt = String(characters[start..<(start + length)])
        texts.append(GeneratedCorpora.edit(excerpt, count: Int(random.next() % 3), &random))
        contained.append((texts.count - 1, source))
        let cut = String(characters.prefix(characters.count * (60 + Int(random.next() % 16)) / 100))
        texts.append(
            GeneratedCorpora.printLayout(
                GeneratedCorpora.edit(cut, count: Int(random.next() % 3), &random), &random))
        contained.append((texts.count - 1, source))
    }
    return (texts, contained)
}

@Test func anExcerptOrCutContainedInItsSourceBecomesItsCandidate() throws {
    let engine = ClusterEngine()
    let sample = try #require(engine.options.containmentSample)
    var pairs = (design: 0, designFound: 0, threshold: 0, thresholdFound: 0, lowJaccard: 0)
    for seed: UInt64 in 1...8 {
        let (texts, contained) = excerptsAndCuts(seed: seed)
        let (store, sizes) = try stored(texts)
        let found = Set(try engine.containmentPairs(store: store, setSizes: sizes, sample: sample))
        for (inner, outer) in contained {
            let (a, b) = (set(texts[inner]), set(texts[outer]))
            // The sample is taken of short documents (`ContainmentSample.largestSampled`).
            guard a.count >= 50 && a.count <= 200 && Double(a.count) <= 0.8 * Double(b.count) else {
                continue
            }
            let overlap = SetOverlap(a, b)
            let offered = found.contains(CandidatePair(inner, outer))
            if overlap.containment >= 0.9 {
                pairs.design += 1
                if offered { pairs.designFound += 1 }
                if overlap.jaccard < 0.4 { pairs.lowJaccard += 1 }
            }
            if overlap.containment >= 0.8 {
                pairs.threshold += 1
                if offered { pairs.thresholdFound += 1 }
            }
        }
    }
    // Enough pairs that MinHash LSH offers poorly (Jaccard below 0.4: at most 0.45 with both
    // bandings) for the test to fail without the containment sample.
    #expect(pairs.design >= 100 && pairs.lowJaccard >= 40, "\(pairs)")
    // At containment 0.9 or more each pair is a candidate with probability ≥ 0.9967.
    #expect(Double(pairs.designFound) >= 0.99 * Double(pairs.design), "\(pairs)")
    #expect(Double(pairs.thresholdFound) >= 0.95 * Double(pairs.threshold), "\(pairs)")
}

@Test func theContainmentSampleOffersOnlyPairsThatReachTheContainmentThreshold() throws {
    let engine = ClusterEngine()
    let sample = try #require(engine.options.containmentSample)
    let (texts, _) = excerptsAndCuts(seed: 4)
    let (store, sizes) = try stored(texts)
    let found = try engine.containmentPairs(store: store, setSizes: sizes, sample: sample)
    #expect(found.count >= 10)
    #expect(found == found.sorted() && Set(found).count == found.count)
    for pair in found {
        let (a, b) = (set(texts[pair.first]), set(texts[pair.second]))
        let overlap = SetOverlap(a, b)
        #expect(engine.options.containsSmaller(containment: overlap.containment, smallerCount: min(a.count, b.count)))
        #expect(Double(min(a.count, b.count)) <= ClusterOptions.containmentSizeRatio * Double(max(a.count, b.count)))
    }
}

@Test func documentsOfSimilarSizesTakeNoPartInTheContainmentSample() throws {
    let engine = ClusterEngine()
    let sample = try #require(engine.options.containmentSample)
    let (article, _) = GeneratedCorpora.text(from: 0, length: 260)
    let characters = Array(article)
    // A cut to 85 % of its article is contained in it, but no set is at most 0.8 of another.
    let texts = [article, String(characters.prefix(characters.count * 85 / 100))]
    let (store, sizes) = try stored(texts)
    #expect(Double(sizes[1]) > 0.8 * Double(sizes[0]))
    #expect(try engine.containmentPairs(store: store, setSizes: sizes, sample: sample).isEmpty)
    let shorter = [article, String(characters.prefix(characters.count * 70 / 100))]
    let (cutStore, cutSizes) = try stored(shorter)
    #expect(try engine.containmentPairs(store: cutStore, setSizes: cutSizes, sample: sample) == [CandidatePair(0, 1)])
}
