import Doppel
import Foundation
import Testing

@testable import DoppelDiff

/// Text one version has inside a passage and the other has unaligned elsewhere is cut out of
/// the passage and aligned with its counterpart (`MovedStretches`), not reported as an insert.
@Suite struct MovedStretchesTests {
    static let headlineOne = "《全国工会重点工作创新案例》出版发行"
    static let headlineTwo = "一部手机、一键服务、一步到位"
    static let bodyOne = PassageGapsTests.bodyOne
    static let bodyTwo = PassageGapsTests.bodyTwo

    @Test func aHeadlinePrintJoinedToTheNextArticleIsAlignedWithItsOwn() {
        // Web: headline, body; print: body, then the headline, on one line with the next
        // article's headline.
        let c = PassageGapsTests.compare(
            [Self.headlineOne, Self.bodyOne, Self.headlineTwo, Self.bodyTwo],
            [Self.bodyOne, Self.headlineOne + Self.headlineTwo, Self.bodyTwo])
        #expect(PassageGapsTests.edits(c).isEmpty)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(c.pairs.contains { c.textA.string($0.pair.a) == Self.headlineOne && $0.pair.moved })
    }

    @Test func aHeadlinePrintedBeforeAnEditedHeadingIsAlignedWithItsOwn() {
        // Print put article one's headline (its first character edited) after its body, right
        // before article two's headline, which is edited too: the gap is the headline and a
        // heading facing the other version's, not an insert.
        let headline = "职工子女的快乐“云上”时光"
        let c = PassageGapsTests.compare(
            [headline, Self.bodyOne, "权益咋维护 普法课上知", Self.bodyTwo],
            [Self.bodyOne, "义工子女的快乐“云上”时光", "权益咋维护 普法二上知", Self.bodyTwo])
        #expect(Set(PassageGapsTests.edits(c).map { $0.a + ">" + $0.b }) == ["职>义", "课>二"])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        #expect(c.pairs.contains { c.textA.string($0.pair.a) == "职工子女的快乐\"云上\"时光" && $0.pair.moved })
    }

    @Test func anInsertUnlikeAnyUnalignedTextStaysAnEdit() {
        // A's headline is unaligned (B has none); the clause B inserts is nothing like it.
        let inserted = "在全市范围内,"
        let edited = Self.bodyOne.replacingOccurrences(of: "与教育", with: inserted + "与教育")
        let c = PassageGapsTests.compare([Self.headlineOne, Self.bodyOne, Self.bodyTwo], [edited, Self.bodyTwo])
        #expect(c.onlyInA.map { c.textA.string($0) } == [Self.headlineOne])
        #expect(PassageGapsTests.edits(c).map(\.b) == [inserted])
    }

    @Test func aWordDeletedBesideAJumpLineElsewhereStaysAnEdit() {
        // `continue` deleted from a sentence, and print has `Continued from Page 1` elsewhere,
        // unaligned: the jump line is like the word (bigrams) but is print's note, not the word's
        // new place; the deletion is an edit in its sentence.
        let airport = [
            "Airport noise rules tightened",
            "Residents living under the flight path said they would continue to push for a complete ban on night-time departures. The airport said it had already cut the number of late flights by a third.",
        ]
        let council = [
            "Council approves new cycle lanes",
            "Protected cycle lanes will be extended from the city centre to the university campus next year, the council said on Tuesday.",
        ]
        let more =
            "Work on the first phase is expected to start next spring, subject to the approval of the regional planning authority."
        let edited = airport[1].replacingOccurrences(of: "continue ", with: "")
        let c = PassageGapsTests.compare(
            airport + council + [more], council + ["Continued from Page 1", more, airport[0], edited])
        #expect(PassageGapsTests.edits(c).map { $0.a.trimmingCharacters(in: .whitespaces) } == ["continue"])
        #expect(c.onlyInA.isEmpty)
        #expect(c.onlyInB.map { c.textB.string($0) } == ["Continued from Page 1"])
    }
}
