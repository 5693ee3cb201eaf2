import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct WitnessOrderTests {
    static let texts = ["乙丙丁戊己庚", "甲乙丙丁戊己", "甲乙丙丁", "甲乙丙丁戊己"].map { NormalizedText(identity: $0) }

    @Test func theCanonicalOrderFollowsContentNotPlace() {
        let order = WitnessOrder.canonical(Self.texts)
        let reversed = WitnessOrder.canonical(Self.texts.reversed())
        #expect(order.map { Self.texts[$0].units } == reversed.map { Self.texts.reversed()[$0].units })
        #expect(order.first == 2)  // the shortest first
    }

    @Test func identicalTextsKeepTheirGivenOrder() {
        let order = WitnessOrder.canonical(Self.texts)
        #expect(order.firstIndex(of: 1)! < order.firstIndex(of: 3)!)
    }

    @Test func theMedoidSharesTheMostWithTheOthers() {
        let p = "全国总工会近日发布通知要求各级工会组织进一步做好职工权益维护工作确保职工合法权益得到保障"
        let texts = [p, p + "并加强监督", p.replacingFirst("近日", with: "日前"), "完全无关的另一篇文章讲的是天气和农业生产情况"]
            .map { NormalizedText(identity: $0) }
        let medoid = WitnessOrder.medoid(texts, canonical: WitnessOrder.canonical(texts))
        #expect(medoid == 0)
        let shuffled = [texts[3], texts[2], texts[0], texts[1]]
        #expect(WitnessOrder.medoid(shuffled, canonical: WitnessOrder.canonical(shuffled)) == 2)
    }

    @Test func theContentHashIsFixed() {
        #expect(
            WitnessOrder.contentHash(NormalizedText(identity: "甲乙"))
                == WitnessOrder.contentHash(NormalizedText(identity: "甲乙")))
        #expect(
            WitnessOrder.contentHash(NormalizedText(identity: "甲乙"))
                != WitnessOrder.contentHash(NormalizedText(identity: "乙甲")))
    }
}
