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
        // Paragraph breaks are no units: the next paragraph's capital is not the page's.
        let joined = Self.units("Continued from Page 1Work on the first phase")
        #expect(JumpLines.end(ofLineAt: 0, in: joined) == 21)
        #expect(JumpLines.ends(at: 21, in: joined))
        #expect(JumpLines.end(ofLineAt: 0, in: Self.units("Continued on Page B12")) == 21)
        #expect(JumpLines.endsResuming(at: 21, in: joined))
        #expect(!JumpLines.endsResuming(at: 7, in: Self.units("(下转第8版)新华社")))
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

    @Test func anArticleContinuedFromAnotherPageHasNoEditWhereItResumes() {
        let g = PassageGapsTests.self
        let headline = "西宁市总多举措推进社会组织建会"
        let rest = String(g.bodyOneMore.dropFirst(30))
        let c = g.compare([headline, g.bodyOne, g.bodyOneMore], [headline, "(上接第1版)", rest])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
    }

    @Test func onlyALineThatSendsTheReaderOnIsOnward() {
        for (line, onward) in [
            ("(下转第4版)", true), ("转第A3版", true), ("Continued on Page 4", true), ("(上接第1版)", false),
            ("接第2版", false), ("continued from page A2", false), ("第4版", false),
        ] {
            #expect(JumpLines.startsOnward(at: 0, in: Self.units(line)) == onward, "\(line)")
        }
    }

    @Test func theRestOfACutParagraphIsNoEditWhenTheJumpLineFollowsItsLastWords() {
        // Print cut inside a hyphenated word and kept its last part on a line of its own before
        // the jump line: the rest of the web paragraph (74 units, within an English edge's
        // slack) is one-sided, not a deletion.
        let g = PassageGapsTests.self
        let c = g.compare(
            [
                "Some shop owners remain concerned about the loss of on-street parking. The committee said it would create additional short-stay bays in side streets and review the effect on trade after six months.",
                "Council approves long-term plan for riverside housing",
            ],
            [
                "Some shop owners remain concerned about the loss of on-street\nparking. The committee said it would create additional short-\nstay\nContinued on Page 5\nCouncil approves long-term plan for riverside housing"
            ])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
    }
}
