import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct CollationTextTests {
    @Test func eachVariantLocationShowsEveryReadingWithItsWitnesses() {
        let report = CollationText.text(CollationFixture.collation)
        #expect(report.contains("银川市西夏区职工[王 (w1) | 马 (w2) | 张 (w3)]女士"))
        #expect(report.contains("[王 (w1) | 马 (w2, w3)]女士辞去了"))
        #expect(report.contains("variant 1  w1 99:45  w2 12:6  w3 12:6"))
    }

    @Test func theAgreementSaysWhoFollowsWhom() {
        let c = CollationFixture.collation
        let report = CollationText.text(c)
        let n = c.agreement.differences[2][1]
        #expect(n > 0 && n < 10)
        #expect(report.contains("w3 follows w2 except at \(n) places"))
        #expect(report.contains("only in w2, w3:"))
    }
}
