import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct WitnessMapTests {
    static func map(_ a: String, _ b: String) -> WitnessMap {
        let ta = NormalizedText(identity: a)
        let tb = NormalizedText(identity: b)
        return WitnessMap(
            center: ta, witness: tb, diff: PassageDiffer.diff(ta, tb, align: try! AlignOptions(anchorLength: 4)))
    }

    @Test func positionsInsideAMatchMoveByTheOffset() throws {
        let m = Self.map("the quick brown fox jumps over the lazy dog", "the quick brown fox jumps over the lazy dog")
        let pair = try #require(m.pair(at: 10))
        #expect(m.start(10, in: pair) == 10)
        #expect(m.end(15, in: pair) == 15)
    }

    @Test func positionsAroundAnEditLandOnTheEditsEnds() throws {
        let m = Self.map("the quick brown fox jumps over the lazy dog", "the quick red fox jumps over the lazy dog")
        let pair = try #require(m.pair(at: 10))
        #expect(m.start(10, in: pair) == 10)  // "brown" begins where "red" begins
        #expect(m.end(15, in: pair) == 13)  // and ends where it ends
        #expect(m.start(16, in: pair) == 14)  // "fox" after it
    }

    @Test func spacingDifferencesAreWalkedOver() throws {
        // Words equal token by token, spaced differently: "a , b" against "a, b".
        let m = Self.map(
            "one two three , four five six seven eight nine", "one two three, four five six seven eight nine")
        let pair = try #require(m.pair(at: 0))
        #expect(m.start(16, in: pair) == 15)  // "four"
        #expect(m.end(20, in: pair) == 19)
    }

    @Test func textTheWitnessLacksHasNoPair() throws {
        let p = String(StarAlignmentTests.paragraphs[0].prefix(60))
        let q = String(StarAlignmentTests.paragraphs[1].prefix(60))
        let x = String(StarAlignmentTests.paragraphs[2].prefix(60))
        let m = Self.map(p + x + q, p + q)
        #expect(m.diff.onlyInA == [60..<120])
        #expect(m.pair(at: 70) == nil)
        let first = try #require(m.pair(at: 10))
        #expect(m.end(60, in: first) == 60)
        let second = try #require(m.pair(at: 120))
        #expect(m.start(120, in: second) == 60)
    }
}
