import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct EditFormTests {
    // # Chinese: a name that stands once takes its ideographs up to the recurring context.
    @Test func aNameStandingOnceStopsAtRecurringContext() {
        let c = CheckFixtures.checked(
            "本报讯(记者田国全通讯员魏星)日前,山东省举办职工培训活动。记者从会上获悉,通讯员参加了全部活动。",
            "本报讯(记者田国垒通讯员魏星)日前,山东省举办职工培训活动。记者从会上获悉,通讯员参加了全部活动。")
        #expect(CheckFixtures.forms(c) == ["田国全/田国垒"])
        #expect(c.check!.forms[0]!.repeated == false)
    }

    // # Chinese: the longest context that repeats is the word, not every 王.
    @Test func aRepeatedWordTakesTheLongestRepeatingContext() {
        let a = "西夏区职工王女士给总工会发来感谢信。年末,王女士辞去了工作。很快为王女士讨回了工资。王建国也在场。"
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "王女士", with: "马女士"))
        #expect(CheckFixtures.forms(c) == ["王女士/马女士", "王女士/马女士", "王女士/马女士"])
        #expect(c.check!.forms.allSatisfy { $0!.repeated })
    }

    // # English: a word is whole, and `Smith` inside `Smithson` is not another place of it.
    @Test func latinFormsAreWholeWords() {
        let a = "Mr Smith said the plan was ready. The council thanked Mr Smith for the report. Smithson agreed."
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "Mr Smith said", with: "Mr Jones said"))
        #expect(CheckFixtures.forms(c) == ["Smith/Jones"])
        #expect(c.check!.forms[0]!.repeated)
        #expect(UnitSearch(c.textA.units).wordOccurrences(of: Array("Smith".unicodeScalars.map(\.value))).count == 2)
    }

    // # English: an article is below the floor on its own and takes its noun along.
    @Test func aShortLatinWordTakesNoContextAcrossSpaces() {
        let a = "Across the hall the clerk read the list, and the crowd heard the names of the winners of the prize."
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "and the crowd", with: "and a crowd"))
        #expect(CheckFixtures.forms(c) == ["-"])
    }

    // # A common character changed once: its many other places are not flagged.
    @Test func aCommonCharacterChangedOnceFlagsNothing() {
        let a = "我们的工作是职工的权益。工会的干部来到企业的车间,听取职工的意见,解决职工的困难,维护职工的合法权益的工作。"
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "企业的车间", with: "企业车间"))
        #expect(c.editCount == 1)
        #expect(c.check!.consistency.isEmpty)
        let english = String(repeating: "the cat saw the dog and the bird near the tree. ", count: 3)
        let first = english.range(of: "near the tree")!
        for replacement in ["near a tree", "near these tree"] {
            let e = CheckFixtures.checked(english, english.replacingCharacters(in: first, with: replacement))
            #expect(e.editCount == 1)
            #expect(e.check!.consistency.isEmpty)
        }
    }

    @Test func punctuationEditsHaveNoForm() {
        let a = "职工权益维护工作新模式,提升女职工维权工作质量,今年以来已经办理案件五十余件。"
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "模式,提升", with: "模式;提升"))
        #expect(CheckFixtures.forms(c) == ["-"])
    }
}
