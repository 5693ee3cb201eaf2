import Doppel
import Testing

@testable import DoppelDiff

/// Short stretches no anchor reached are paired by similarity (`LeftoverPairing`); a pair takes
/// in the neighbouring paragraph one version joined to it.
@Suite struct LeftoverPairingTests {
    static func text(_ s: String) -> NormalizedText {
        Normalizer(options: .standard).normalize(SourceText(path: "t", text: s))
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
}
