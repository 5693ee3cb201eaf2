import Testing

@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct LeftoverPairingTests {
    /// Short stretches of a small alphabet cut from one random text per side, so that many
    /// pairs share bigrams and some are close.
    private func stretches(_ rng: inout SplitMix64, count: Int) -> (NormalizedText, [Range<Int>]) {
        let alphabet = Array("甲乙丙丁戊己".unicodeScalars)
        var text = ""
        var ranges: [Range<Int>] = []
        for _ in 0..<count {
            let length = 1 + Int(rng.next() % 12)
            let start = text.unicodeScalars.count
            for _ in 0..<length { text.unicodeScalars.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
            ranges.append(start..<(start + length))
        }
        return (NormalizedText(identity: text), ranges)
    }

    /// The rule stated on `LeftoverPairing`, every pair scored by `dice`.
    private func mutualBest(_ a: NormalizedText, _ b: NormalizedText, _ leftA: [Range<Int>], _ leftB: [Range<Int>])
        -> [AlignedPair]
    {
        func grams(_ u: ArraySlice<UInt32>) -> [UInt64] {
            u.count > 1 ? zip(u, u.dropFirst()).map { UInt64($0) << 32 | UInt64($1) }.sorted() : u.map { UInt64($0) }
        }
        var bestForA = [(index: Int, score: Double)](repeating: (-1, 0), count: leftA.count)
        var bestForB = [(index: Int, score: Double)](repeating: (-1, 0), count: leftB.count)
        for i in leftA.indices {
            for j in leftB.indices {
                let score = LeftoverPairing.dice(grams(a.units[leftA[i]]), grams(b.units[leftB[j]]))
                if score > bestForA[i].score { bestForA[i] = (j, score) }
                if score > bestForB[j].score { bestForB[j] = (i, score) }
            }
        }
        return leftA.indices.compactMap { i in
            let (j, score) = bestForA[i]
            guard j >= 0, score >= LeftoverPairing.minimumSimilarity, bestForB[j].index == i else { return nil }
            let exact = a.units[leftA[i]].elementsEqual(b.units[leftB[j]])
            return AlignedPair(
                a: leftA[i], b: leftB[j], moved: false,
                matches: exact
                    ? [ExactMatch(a: leftA[i].lowerBound, b: leftB[j].lowerBound, length: leftA[i].count)] : [])
        }
    }

    @Test func pairsTheMutualBestStretchesAsScoringEveryPairWould() {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<20 {
            let (a, leftA) = stretches(&rng, count: 40)
            let (b, leftB) = stretches(&rng, count: 40)
            let paired = LeftoverPairing.pairs(a, b, leftA: leftA, leftB: leftB)
            #expect(paired == mutualBest(a, b, leftA, leftB))
        }
    }

    @Test func stretchesSharingNoBigramAreNotPaired() {
        let a = NormalizedText(identity: "甲乙丙丁")
        let b = NormalizedText(identity: "戊己庚辛")
        #expect(LeftoverPairing.pairs(a, b, leftA: [0..<4], leftB: [0..<4]).isEmpty)
        #expect(LeftoverPairing.pairs(a, b, leftA: [0..<4], leftB: [0..<2, 2..<4]).isEmpty)
    }
}
