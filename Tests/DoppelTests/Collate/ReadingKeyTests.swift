import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct ReadingKeyTests {
    static func key(_ s: String) -> [UInt32] {
        let t = NormalizedText(identity: s)
        return ReadingKey.of(t, 0..<t.count)
    }

    @Test func spacingAloneDoesNotMakeAnotherReading() {
        #expect(Self.key("a, b") == Self.key("a ,b"))
        #expect(Self.key("王 女士") == Self.key("王女士"))
    }

    @Test func aSpaceBetweenTwoWordsDoes() {
        #expect(Self.key("ab") != Self.key("a b"))
        #expect(Self.key("2023 年") == Self.key("2023年"))
    }

    @Test func trimmedDropsSpacesAtBothEnds() {
        let t = NormalizedText(identity: "  ab c ")
        #expect(ReadingKey.trimmed(t, 0..<t.count) == 2..<6)
        #expect(ReadingKey.trimmed(t, 0..<2).isEmpty)
    }
}
