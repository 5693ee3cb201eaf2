import Doppel
import Testing

@testable import DoppelDiff

@Suite struct JumpLinesTests {
    static func units(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func jumpLinesAreRecognisedInChineseAndEnglish() {
        for line in ["(下转第4版)", "(上接第1版)", "下转第12版", "转第A3版", "Continued on Page 4", "continued from page A2"] {
            let u = Self.units("前文。" + line)
            #expect(JumpLines.starts(at: 3, in: u), "\(line)")
            #expect(JumpLines.ends(at: u.count, in: u), "\(line)")
        }
        for text in ["(下转)", "第4版", "下转第", "Continued on the next page", "Page 4"] {
            #expect(!JumpLines.starts(at: 0, in: Self.units(text)), "\(text)")
        }
    }

    @Test func anArticleContinuedOnAnotherPageHasNoEditWhereItIsCut() {
        let g = PassageGapsTests.self
        let headline = "西宁市总多举措推进社会组织建会"
        let cut = String(g.bodyOne.prefix(40))
        let c = g.compare([headline, g.bodyOne, g.bodyOneMore], [headline, cut, "(下转第4版)"])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInB.map { c.textB.string($0) } == ["(下转第4版)"])
    }

    @Test func aJumpLineEndsBeforeAParagraphThatBeginsWithACapital() {
        // No unit marks the paragraph boundary: the page number is not read on into `Parents`.
        let u = Self.units("Continued from Page 1Parents will be surveyed.")
        #expect(JumpLines.ends(at: 21, in: u))
    }

    @Test func anArticleContinuedFromAnotherPageHasNoEditWhereItResumes() {
        let g = PassageGapsTests.self
        let headline = "西宁市总多举措推进社会组织建会"
        let rest = String(g.bodyOneMore.dropFirst(30))
        let c = g.compare([headline, g.bodyOne, g.bodyOneMore], [headline, "(上接第1版)", rest])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
    }
}
