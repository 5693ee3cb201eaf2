import Testing

@testable import DoppelDiff
@testable import DoppelText

private func tokenStrings(_ text: NormalizedText, _ range: Range<Int>? = nil) -> [String] {
    var tokenizer = DiffTokenizer()
    let tokens = tokenizer.tokenize(text, range ?? 0..<text.count)
    return (0..<tokens.count).map { text.string(Int(tokens.starts[$0])..<Int(tokens.ends[$0])) }
}

@Test func tokenizerSplitsHanAndPunctuationIntoSingleUnits() {
    #expect(
        tokenStrings(NormalizedText(identity: "王女士,你好。"))
            == ["王", "女", "士", ",", "你", "好", "。"])
}

@Test func tokenizerKeepsWordsAndNumbersWhole() {
    #expect(
        tokenStrings(NormalizedText(identity: "in 2023年 x86 café!"))
            == ["in", "2023", "年", "x86", "café", "!"])
}

@Test func tokenizerSkipsSpaces() {
    #expect(tokenStrings(NormalizedText(identity: "  a \t b  ")) == ["a", "b"])
}

@Test func tokenizerNeverJoinsAWordAcrossAParagraphBoundary() {
    #expect(tokenStrings(paragraphText("new", "york")) == ["new", "york"])
    #expect(tokenStrings(paragraphText("", "", "ab", "", "cd")) == ["ab", "cd"])
}

@Test func tokenizerTokenisesOnlyTheRangeWithAbsoluteIndices() {
    var tokenizer = DiffTokenizer()
    let text = paragraphText("abc def", "ghi")
    let tokens = tokenizer.tokenize(text, 5..<9)
    #expect(tokens.starts == [5, 7])
    #expect(tokens.ends == [7, 9])
    #expect(tokens.range == 5..<9)
}

@Test func tokenizerGivesEqualTokensEqualIdsAcrossCalls() {
    var tokenizer = DiffTokenizer()
    let a = tokenizer.tokenize(NormalizedText(identity: "工会 union 工"), 0..<10)
    let b = tokenizer.tokenize(NormalizedText(identity: "union 会"), 0..<7)
    #expect(a.ids == [0, 1, 2, 0])
    #expect(b.ids == [2, 1])
    #expect(tokenizer.vocabularySize == 3)
}

@Test func unitRangeOfEmptyTokenRangeIsBeforeTheNextToken() {
    var tokenizer = DiffTokenizer()
    let tokens = tokenizer.tokenize(NormalizedText(identity: " ab cd "), 0..<7)
    #expect(tokens.unitRange(of: 0..<2) == 1..<6)
    #expect(tokens.unitRange(of: 1..<1) == 4..<4)
    #expect(tokens.unitRange(of: 2..<2) == 6..<6)
    let empty = tokenizer.tokenize(NormalizedText(identity: "x  "), 1..<3)
    #expect(empty.unitRange(of: 0..<0) == 1..<1)
}
