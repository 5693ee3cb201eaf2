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

    @Test func anInsertUnlikeAnyUnalignedTextStaysAnEdit() {
        // A's headline is unaligned (B has none); the clause B inserts is nothing like it.
        let inserted = "在全市范围内,"
        let edited = Self.bodyOne.replacingOccurrences(of: "与教育", with: inserted + "与教育")
        let c = PassageGapsTests.compare([Self.headlineOne, Self.bodyOne, Self.bodyTwo], [edited, Self.bodyTwo])
        #expect(c.onlyInA.map { c.textA.string($0) } == [Self.headlineOne])
        #expect(PassageGapsTests.edits(c).map(\.b) == [inserted])
    }
}
