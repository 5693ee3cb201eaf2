import Doppel
import Testing

@testable import DoppelDiff
@testable import DoppelText

/// The pairwise comparison `Comparer` and `Collator` share (`PassageDiffer`).
@Suite struct PassageDiffTests {
    static func edits(_ a: String, _ b: String) -> [String] {
        let (ta, tb) = (NormalizedText(identity: a), NormalizedText(identity: b))
        return PassageDiffer.diff(ta, tb).pairs.flatMap(\.edits).map { "[-\(ta.string($0.a))-]{+\(tb.string($0.b))+}" }
    }

    @Test func editsInLatinTextAreWholeWords() {
        // The shared "day" of Monday and Tuesday, and "plan" of plans, stay in the edit.
        let a = "The committee will meet again on Monday to discuss the plan for the riverside district."
        let b = "The committee will meet again on Tuesday to discuss the plans for the riverside district."
        #expect(Self.edits(a, b) == ["[-Monday-]{+Tuesday+}", "[-plan-]{+plans+}"])
    }

    @Test func aHeadlineSetInCapitalsIsItsWebFormNotAnEdit() {
        let body = "The natural history museum reopened its doors on Saturday after a long restoration."
        let web = "Museum reopens after fifteen-month restoration\n\n" + body
        let print = body + "\n\nMUSEUM REOPENS AFTER FIFTEEN-MONTH RESTORATION"
        let c = Comparer.compare(SourceText(path: "a", text: web), SourceText(path: "b", text: print))
        #expect(c.pairs.flatMap(\.edits).isEmpty)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
        // A word's case stays an edit.
        #expect(
            Self.edits("The Nasa plan was approved on Tuesday.", "The NASA plan was approved on Tuesday.")
                == ["[-Nasa-]{+NASA+}"])
    }

    @Test func aWordChangedInAHeadlineSetInCapitalsIsThatWordsEdit() {
        // Compared as they are, no word of the two headlines is equal: the edit was the whole
        // headline, and the pair, too unlike, was dropped.
        let body = "The general hospital has opened a new emergency wing designed to cut waiting times."
        let c = Comparer.compare(
            SourceText(path: "a", text: "Hospital opens new emergency wing\n\n" + body),
            SourceText(path: "b", text: body + "\n\nCOUNCIL OPENS NEW EMERGENCY WING"))
        #expect(
            c.pairs.flatMap(\.edits).map { "[-\(c.textA.string($0.a))-]{+\(c.textB.string($0.b))+}" }
                == ["[-Hospital-]{+COUNCIL+}"])
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func aHeadlineInCapitalsAndTheDropCapAfterItAreNoEditTogether() {
        // Print set the headline in small capitals and the body's first letter as a drop cap
        // (`T` / `he`, joined to `The`): the gap runs from the headline into the next paragraph.
        let web = Normalizer().normalize(
            SourceText(path: "a", text: "Museum reopens after fifteen-month restoration\n\nThe natural history museum"))
        let print = Normalizer(options: NormalizationOptions(layout: .print)).normalize(
            SourceText(
                path: "b", text: "MUSEUM REOPENS AFTER FIFTEEN-MONTH RESTORATION\n\nT\nhe natural history museum"))
        // The units from the text's start through the first `word`.
        func through(_ word: String, _ text: NormalizedText) -> Range<Int> {
            let w = word.unicodeScalars.map(\.value)
            let start = (0...(text.count - w.count)).first { Array(text.units[$0..<$0 + w.count]) == w }!
            return 0..<start + w.count
        }
        let gap = (a: through("The", web), b: through("The", print))
        #expect(print.string(gap.b).hasSuffix("RESTORATIONThe"), "\(print.string(gap.b))")
        let edit = Edit(operation: .replace, kind: .text, a: gap.a, b: gap.b)
        #expect(PassageDiffer.isCapitalsForm(edit, web, print))
        // Two words joined in the headline stay an edit.
        let joined = Normalizer().normalize(
            SourceText(path: "e", text: "Museumreopens after fifteen-month restoration\n\nThe natural history museum"))
        #expect(
            !PassageDiffer.isCapitalsForm(
                Edit(operation: .replace, kind: .text, a: through("The", joined), b: gap.b), joined, print))
        // A changed word beside the headline stays an edit, and so does the case of a body word.
        let other = Normalizer().normalize(
            SourceText(path: "c", text: "Museum reopens after fifteen-month restoration\n\nA natural history museum"))
        #expect(
            !PassageDiffer.isCapitalsForm(
                Edit(operation: .replace, kind: .text, a: through("A", other), b: gap.b), other, print))
        let body = Normalizer().normalize(
            SourceText(path: "d", text: "MUSEUM REOPENS AFTER FIFTEEN-MONTH RESTORATION\n\nTHE natural history museum"))
        #expect(
            !PassageDiffer.isCapitalsForm(
                Edit(operation: .replace, kind: .text, a: through("THE", body), b: gap.b), body, print))
    }

    @Test func aNumberCutByASpaceBetweenItsDigitsIsNoEdit() {
        // Print broke `350` at a line end and the join set a space between the digits.
        let a = "全县共有350家企业参加了这次活动,职工参与人数创历史新高。"
        let b = "全县共有35 0家企业参加了这次活动,职工参与人数创历史新高。"
        #expect(Self.edits(a, b).isEmpty)
        // A changed digit beside the space stays an edit.
        #expect(!Self.edits(a, "全县共有36 0家企业参加了这次活动,职工参与人数创历史新高。").isEmpty)
    }

    @Test func editsInHanTextStayOneCharacterWide() {
        let a = "五莲县总创新开展职工技能提升行动,先后组织齐鲁工匠、日照工匠以及省、市劳模到企业开展技能讲座三十余场。"
        let b = "五莲县总创新开展职工技能提升行动,先后组织齐鲁工匠、日照工匠以及省、市劳模到企业开展技术讲座三十余场。"
        #expect(Self.edits(a, b) == ["[-能-]{+术+}"])
    }

    @Test func aParagraphInsertedBesideAnEditIsAParagraphEditOfItsOwn() {
        let g = PassageGapsTests.self
        func kinds(_ b: [String]) -> [String] {
            let c = g.compare([g.bodyTwo, g.bodyTwoMore, g.bodyOneMore], b)
            return g.edits(c).map { "\($0.edit.kind) [-\($0.a)-]{+\($0.b)+}" }
        }
        // A clause before the full stop, then the paragraph: the diff may match either full
        // stop; the paragraph is split off whole.
        let clause = String(g.bodyTwo.dropLast()) + ",取得了良好效果。"
        #expect(
            kinds([clause, g.added, g.bodyTwoMore, g.bodyOneMore]) == [
                "text [--]{+,取得了良好效果+}",
                "paragraph [--]{+\(g.added)+}",
            ])
        // The paragraph, then the next paragraph's first character replaced: a replace of the
        // character and the paragraph's insert, not one replace of both.
        let first = "主" + g.bodyTwoMore.dropFirst()
        #expect(
            kinds([g.bodyTwo, g.added, first, g.bodyOneMore]) == [
                "paragraph [--]{+\(g.added)+}", "text [-五-]{+主+}",
            ])
    }
}
