import Doppel
import Testing

@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Short stretches no anchor reached are paired by similarity (`LeftoverPairing`); a pair takes
/// in the neighbouring paragraph one version joined to it.
@Suite struct LeftoverPairingTests {
    static func text(_ s: String) -> NormalizedText {
        Normalizer(options: .standard).normalize(SourceText(path: "t", text: s))
    }

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

    /// The rule stated on `LeftoverPairing`, every pair scored by `dice` (or `oneReplaced`).
    private func mutualBest(_ a: NormalizedText, _ b: NormalizedText, _ leftA: [Range<Int>], _ leftB: [Range<Int>])
        -> [[Range<Int>]]
    {
        func grams(_ u: ArraySlice<UInt32>) -> [UInt64] {
            u.count > 1 ? zip(u, u.dropFirst()).map { UInt64($0) << 32 | UInt64($1) }.sorted() : u.map { UInt64($0) }
        }
        var bestForA = [(index: Int, score: Double)](repeating: (-1, 0), count: leftA.count)
        var bestForB = [(index: Int, score: Double)](repeating: (-1, 0), count: leftB.count)
        for i in leftA.indices {
            for j in leftB.indices {
                var score = LeftoverPairing.dice(grams(a.units[leftA[i]]), grams(b.units[leftB[j]]))
                if score < LeftoverPairing.minimumSimilarity {
                    score = LeftoverPairing.oneReplaced(a.units[leftA[i]], b.units[leftB[j]]) ?? score
                }
                if score > bestForA[i].score { bestForA[i] = (j, score) }
                if score > bestForB[j].score { bestForB[j] = (i, score) }
            }
        }
        return leftA.indices.compactMap { i in
            let (j, score) = bestForA[i]
            guard j >= 0, score >= LeftoverPairing.minimumSimilarity, bestForB[j].index == i else { return nil }
            return [leftA[i], leftB[j]]
        }
    }

    @Test func pairsTheMutualBestStretchesAsScoringEveryPairWould() {
        var rng = SplitMix64(seed: 31)
        for _ in 0..<20 {
            let (a, leftA) = stretches(&rng, count: 40)
            let (b, leftB) = stretches(&rng, count: 40)
            let paired = LeftoverPairing.mutualBest(a, b, leftA, leftB).pairs.map { [$0.a, $0.b] }
            #expect(paired == mutualBest(a, b, leftA, leftB))
        }
    }

    @Test func aShortHeadingWithOneCharacterReplacedPairsWithItsCounterpart() {
        // `阅读提示` → `阅读见示`: the bigrams share a third; one character of four is replaced.
        let a = NormalizedText(identity: "阅读提示要闻综述")
        let b = NormalizedText(identity: "阅读见示图片新闻")
        let pairs = LeftoverPairing.pairs(a, b, leftA: [0..<4, 4..<8], leftB: [0..<4, 4..<8])
        #expect(pairs.map { [$0.a, $0.b] } == [[0..<4, 0..<4]])
        // Two characters of four replaced is another heading.
        #expect(LeftoverPairing.oneReplaced(a.units[0..<4], NormalizedText(identity: "阅书见示").units[0..<4]) == nil)
        #expect(LeftoverPairing.oneReplaced(a.units[0..<4], b.units[0..<4]) == 0.75)
    }

    @Test func stretchesSharingNoBigramAreNotPaired() {
        let a = NormalizedText(identity: "甲乙丙丁")
        let b = NormalizedText(identity: "戊己庚辛")
        #expect(LeftoverPairing.pairs(a, b, leftA: [0..<4], leftB: [0..<4]).isEmpty)
        #expect(LeftoverPairing.pairs(a, b, leftA: [0..<4], leftB: [0..<2, 2..<4]).isEmpty)
    }

    @Test func aKickerAndHeadlineJoinedOnOneLinePairWithBoth() {
        let a = Self.text("扎实开展小三级工会建设三年行动\n\n大力加强开发区工会建设\n")
        let b = Self.text("扎实开展小三级工会建设三年行动大力加强开发区工会建设\n")
        let pairs = LeftoverPairing.pairs(a, b, leftA: a.paragraphRanges, leftB: b.paragraphRanges)
        #expect(pairs.count == 1)
        #expect(pairs.first.map { $0.a == 0..<a.count && $0.b == 0..<b.count } == true)
    }

    @Test func unlikeStretchesStayUnpaired() {
        let a = Self.text("扎实开展小三级工会建设三年行动\n")
        let b = Self.text("沙漠绿洲里的热门打卡点\n")
        #expect(LeftoverPairing.pairs(a, b, leftA: a.paragraphRanges, leftB: b.paragraphRanges).isEmpty)
    }

    @Test func aHeadlineAndAnotherArticlesBylineOnOneLineAreTwoPairs() {
        let headline = "全国工会重点工作创新案例出版发行"
        let byline = "本报记者裴龙翔"
        let a = Self.text(headline + "\n\n今天的天气很好,我们一起去公园散步。\n\n" + byline + "\n")
        let b = Self.text(headline + byline + "\n")
        let ranges = a.paragraphRanges
        let pairs = LeftoverPairing.pairs(a, b, leftA: [ranges[0], ranges[2]], leftB: b.paragraphRanges)
        #expect(pairs.count == 2)
        #expect(Set(pairs.map { a.string($0.a) }) == [headline, byline])
        #expect(pairs.allSatisfy { a.string($0.a) == b.string($0.b) })
    }

    @Test func punctuationAloneIsNotPaired() {
        // The full stop left where one version deleted a paragraph's last clause, and the one
        // where the other appended a clause: nothing says they belong together.
        let a = NormalizedText(identity: "a. b。")
        let b = NormalizedText(identity: "x. y。")
        #expect(LeftoverPairing.pairs(a, b, leftA: [1..<2, 4..<5], leftB: [1..<2, 4..<5]).isEmpty)
        #expect(!LeftoverPairing.hasText(a.units[1..<2]) && LeftoverPairing.hasText(a.units[0..<2]))
    }

    @Test func equallyLikeStretchesPairWithTheOneBesideTheSamePassage() {
        // Two `《新闻联播` left in A before two passages, two `《新闻` in B before the same two
        // passages in the other order: every pairing scores the same; each stretch pairs with the
        // one right before its own passage.
        let a = NormalizedText(identity: "《新闻联播》甲甲甲甲《新闻联播》乙乙乙乙")
        let b = NormalizedText(identity: "《新闻》乙乙乙乙《新闻》甲甲甲甲")
        let passages = [
            AlignedPair(a: 5..<10, b: 11..<16, moved: true, matches: []),
            AlignedPair(a: 15..<20, b: 3..<8, moved: false, matches: []),
        ]
        let leftA = [0..<5, 10..<15]
        let leftB = [0..<3, 8..<11]
        let pairs = LeftoverPairing.pairs(a, b, leftA: leftA, leftB: leftB, passages: passages)
        #expect(Set(pairs.map { [$0.a, $0.b] }) == [[0..<5, 8..<11], [10..<15, 0..<3]])
        // Without the passages, the first of the equals wins: crosswise.
        #expect(LeftoverPairing.pairs(a, b, leftA: leftA, leftB: leftB).map { [$0.a, $0.b] } == [[0..<5, 0..<3]])
    }
}
