import Doppel
import Testing

@testable import DoppelDiff
@testable import DoppelText

/// No exact match ends inside a word (`WordBoundaries`): an edit in alphabetic text covers whole
/// words, one in Han text one character.
@Suite struct WordBoundariesTests {
    static func edits(_ a: String, _ b: String, layout: NormalizationOptions.Layout? = nil) -> [String] {
        var options = ComparisonOptions.standard
        if let layout { options.normalization.layout = layout }
        let c = Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: b), options: options)
        return c.pairs.flatMap(\.edits).map { "[-\(c.textA.string($0.a))-]{+\(c.textB.string($0.b))+}" }
    }

    @Test func anEditInLatinTextCoversWholeWords() {
        let a = "The city council met on Monday to approve the budget for 2023 and the new housing plan."
        let b = "The city council met on Tuesday to approve the budget for 2024 and the new housing plans."
        #expect(Self.edits(a, b) == ["[-Monday-]{+Tuesday+}", "[-2023-]{+2024+}", "[-plan-]{+plans+}"])
    }

    @Test func anEditInHanTextStaysOneCharacter() {
        let a = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作。"
        let b = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联络合作。"
        #expect(Self.edits(a, b) == ["[-系-]{+络+}"])
    }

    @Test func aNumberCutByASpaceOnOneSideIsNoEdit() {
        // Print broke 1154 at a line end; joining the lines left a space inside the number.
        let a = "截至2022年底,吸引1154名新就业形态劳动者参加职工大病医疗互助,为他们筑牢健康墙。"
        let b = "截至2022年底,吸引11 54名新就业形态劳动者参加职工大病医疗互助,为他们筑牢健康墙。"
        #expect(Self.edits(a, b) == [])
    }

    @Test func aCharacterInsertedInsideANumberStaysAnInsertion() {
        // The number's two parts are unchanged on both sides of the insertion.
        let a = "出台“法律援助站+12351”工作机制,常态化开展职工法律服务,为职工提供法律咨询和援助。"
        let b = "出台“法律援助站+12红351”工作机制,常态化开展职工法律服务,为职工提供法律咨询和援助。"
        #expect(Self.edits(a, b) == ["[--]{+红+}"])
    }

    @Test func aLineEndHyphenJoinIsAWordBoundary() {
        // long- / term is joined to longterm in print; the web's hyphen is the other version's.
        let web = "The council approved a long-term plan for the riverside district on Monday after two years of talks."
        let print =
            "The council approved a long-\nterm plan for the riverside district on Tuesday after two years of talks."
        #expect(Self.edits(web, print, layout: .print) == ["[-Monday-]{+Tuesday+}"])
    }

    @Test func positionsInsideAWordSplitIt() {
        let text = NormalizedText(identity: "on Monday 2024年 " + String(repeating: "x", count: 70))
        #expect(WordBoundaries.splitsWord(text, at: 5))  // Mo|nday
        #expect(!WordBoundaries.splitsWord(text, at: 3))  // before Monday
        #expect(!WordBoundaries.splitsWord(text, at: 9))  // after Monday
        #expect(WordBoundaries.splitsWord(text, at: 12))  // 20|24
        #expect(!WordBoundaries.splitsWord(text, at: 14))  // 2024|年
        // A run longer than a word token is compared unit by unit.
        #expect(!WordBoundaries.splitsWord(text, at: text.count - 30))
    }

    @Test func aMatchInsideOneWordIsDropped() {
        let a = NormalizedText(identity: "unbelievable")
        let b = NormalizedText(identity: "believable!")
        let m = ExactMatch(a: 2, b: 0, length: 10)
        #expect(WordBoundaries.trimmed(m, a, b, start: true, end: true) == nil)
        #expect(WordBoundaries.trimmed(m, a, b, start: false, end: true) == m)
    }
}
