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

    @Test func aJumpLineTellsWhetherItResumesAnArticleOrContinuesItElsewhere() {
        for line in ["(上接第1版)", "接第A2版", "Continued from Page 1"] {
            let u = Self.units("前文。" + line)
            #expect(JumpLines.endsResuming(at: u.count, in: u) && !JumpLines.startsClosing(at: 3, in: u), "\(line)")
        }
        for line in ["(下转第4版)", "转第12版", "continued on page 4"] {
            let u = Self.units("前文。" + line)
            #expect(JumpLines.startsClosing(at: 3, in: u) && !JumpLines.endsResuming(at: u.count, in: u), "\(line)")
        }
    }

    @Test func aJumpLineInsideAMatchedPassageCutsIt() {
        // The continued part opens with the byline, the jump line, and the rest of a paragraph
        // whose start is on another page, on lines of one paragraph: what the web has there is
        // print's cut, not a replacement by the jump line.
        let g = PassageGapsTests.self
        let headline = "西宁市总多举措推进社会组织建会"
        let byline = "本报记者 马学礼 李静楠"
        let rest = String(g.bodyOne.dropFirst(20))
        let c = g.compare(
            [headline, byline, g.bodyOne, g.bodyOneMore], [headline, byline, "(上接第1版)\n" + rest, g.bodyOneMore])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInA.map { c.textA.string($0) } == [String(g.bodyOne.prefix(20))])
        #expect(c.onlyInB.map { c.textB.string($0) } == ["(上接第1版)"])
    }

    @Test func aHeadlineRepeatedOnTheContinuedPageIsNotJoinedToTheRestAcrossTheJumpLine() {
        let g = PassageGapsTests.self
        let headline = "Cycle lanes extended to the northern suburbs"
        let first =
            "Protected cycle lanes will be extended from the city centre to three northern suburbs by the end of the year, the transport committee announced after a review of last summer's pilot scheme."
        let more =
            "The pilot recorded a sharp rise in the number of commuters cycling to work, and accidents involving cyclists fell by a third on the routes that were protected."
        let rest = String(first.drop { $0 != "," }.dropFirst(2))
        let c = g.compare([headline, first, more], [headline, "Continued from Page 1\n" + rest, more])
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInB.map { c.textB.string($0) } == ["Continued from Page 1"])
    }

    @Test func anEditRightAfterAJumpLineThatEndsTheArticleBeforeIsStillAnEdit() {
        // `（下转第8版）` closes the article before; the next article's first character is edited.
        let g = PassageGapsTests.self
        let c = Comparer.compare(
            SourceText(
                path: "a",
                text: ["西宁市总多举措推进社会组织建会", g.bodyOne, g.bodyOneMore, "五莲县总组织劳模工匠送技入企", g.bodyTwo, g.bodyTwoMore]
                    .joined(separator: "\n\n")),
            SourceText(
                path: "b",
                text: [
                    "西宁市总多举措推进社会组织建会", g.bodyOne, String(g.bodyOneMore.prefix(30)), "(下转第8版)",
                    "主" + g.bodyTwo.dropFirst(), g.bodyTwoMore, "五莲县总组织劳模工匠送技入企",
                ].joined(separator: "\n")))
        #expect(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" } == ["[-本-]{+主+}"])
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

    @Test func onlyALineThatSendsTheReaderOnClosesAPart() {
        for (line, onward) in [
            ("(下转第4版)", true), ("转第A3版", true), ("Continued on Page 4", true), ("(上接第1版)", false),
            ("接第2版", false), ("continued from page A2", false), ("第4版", false),
        ] {
            #expect(JumpLines.startsClosing(at: 0, in: Self.units(line)) == onward, "\(line)")
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

    @Test func theStartOfASentenceLeftBeforeAJumpLineDoesNotMakeTheRestAnEdit() {
        // Print cuts the article after the first two characters of a sentence (`“过`), shorter
        // than an anchor, and closes the page with `（下转第5版）`: the rest of the web's
        // paragraph is print's cut, not a deletion at the end of the passage.
        let quote = "“过去下雨天楼道里到处是水,现在再也不用发愁了。”居民李大爷说。"
        let first = "改造之前,社区工作人员逐户走访,听取居民意见。居民最关心的加装电梯、停车难和管网老化等问题,都被列入改造清单。"
        let more = "据介绍,新华区还建立了改造后的长效管理机制,引入专业物业服务,设立居民议事会,让居民参与小区日常管理,确保改造成果持续发挥作用。"
        let g = PassageGapsTests.self
        let lines = stride(from: 0, to: first.count, by: 19).map { String(first.dropFirst($0).prefix(19)) }
        let c = Comparer.compare(
            SourceText(
                path: "a",
                text: ["老旧小区改造让居民住得更舒心", first + quote, more, "西宁市总多举措推进社会组织建会", g.bodyOne].joined(
                    separator: "\n\n")),
            SourceText(
                path: "b",
                text: (["老旧小区改造让居民住得更舒心"] + lines + ["“过", "（下转第5版）", "西宁市总多举措推进社会组织建会", g.bodyOne])
                    .joined(separator: "\n\n")))
        #expect(g.edits(c).isEmpty, "\(g.edits(c).map { "[-\($0.a)-]{+\($0.b)+}" })")
        #expect(c.onlyInA.first.map { c.textA.string($0).hasSuffix("现在再也不用发愁了。\"居民李大爷说。") } == true)
    }
}
