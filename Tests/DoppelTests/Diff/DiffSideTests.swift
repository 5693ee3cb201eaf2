import Testing

@testable import DoppelDiff

@Test func unitCountAddsTokenLengthsWithoutSpaces() {
    let (side, _) = sides("one  three 4", "")
    #expect(side.unitCount(0..<3) == 9)
    #expect(side.unitCount(1..<2) == 5)
}

@Test func boundaryScoreRanksPlacesAsAnEditorWould() {
    let (side, _) = sides("甲。乙,丙 丁a戊", "")
    // tokens: 甲 。 乙 , 丙 丁 a 戊
    #expect(side.boundaryScore(at: 0) == 6)
    #expect(side.boundaryScore(at: 8) == 6)
    #expect(side.boundaryScore(at: 2) == 4)  // after 。
    #expect(side.boundaryScore(at: 5) == 3)  // at the space
    #expect(side.boundaryScore(at: 4) == 2)  // after ,
    #expect(side.boundaryScore(at: 1) == 1)  // before 。
    #expect(side.boundaryScore(at: 6) == 1)  // 丁 | a
    #expect(side.boundaryScore(at: 7) == 1)  // a | 戊
}

@Test func boundaryScoreBetweenParagraphsIsFive() {
    let text = paragraphText("甲乙", "丙")
    var tokenizer = DiffTokenizer()
    let side = DiffSide(tokens: tokenizer.tokenize(text, 0..<text.count), text: text)
    #expect(side.boundaryScore(at: 2) == 5)
    #expect(side.boundaryScore(at: 1) == 0)
}
