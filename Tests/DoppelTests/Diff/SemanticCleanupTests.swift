import Testing

@testable import DoppelDiff

private func cleaned(_ a: String, _ b: String) -> [String] {
    let (sa, sb) = sides(a, b)
    let raw = MyersDiff.script(sa.tokens.ids, sb.tokens.ids, costBudget: 1_000_000).spans
    let spans = SemanticCleanup.run(raw, a: sa, b: sb)
    return spans.map { span in
        let ta = sa.text.string(sa.tokens.unitRange(of: span.a))
        let tb = sb.text.string(sb.tokens.unitRange(of: span.b))
        return span.isEqual ? ta : "[-\(ta)-]{+\(tb)+}"
    }
}

@Test func cleanupFoldsAShortEqualityBetweenTwoEdits() {
    // # Reorder: insert 举, keep 措, delete 并举 → one replace.
    #expect(cleaned("多措并举", "多举措") == ["多", "[-措并举-]{+举措+}"])
}

@Test func cleanupKeepsAnEqualityLongerThanTheEditsBesideIt() {
    #expect(cleaned("王女士和郑蔚", "马女士和郑莉") == ["[-王-]{+马+}", "女士和郑", "[-蔚-]{+莉+}"])
}

@Test func cleanupFoldsAnEqualityAsShortAsTheEditsBesideIt() {
    // The single 女 is no longer than the one-character edits on each side of it.
    #expect(cleaned("王女甲", "马女乙") == ["[-王女甲-]{+马女乙+}"])
}

@Test func cleanupKeepsEqualitiesAtEitherEnd() {
    #expect(cleaned("甲乙丙", "甲丁丙") == ["甲", "[-乙-]{+丁+}", "丙"])
}

@Test func cleanupFoldsRepeatedlyBackwards() {
    // 子子 is kept at first (the change after it is one character); folding 丑 makes that change
    // five characters, and then 子子 folds too.
    #expect(
        cleaned("甲乙子子丙丑丁戊己寅寅寅", "庚辛子子壬丑癸卯辰寅寅寅")
            == ["[-甲乙子子丙丑丁戊己-]{+庚辛子子壬丑癸卯辰+}", "寅寅寅"])
}

@Test func cleanupMeasuresLatinEqualitiesInCharactersNotWords() {
    // "brown" (5) is longer than the edits beside it (5 → 4 and 3 → 3): kept.
    #expect(
        cleaned("quick brown fox", "slow brown dog")
            == ["[-quick-]{+slow+}", "brown", "[-fox-]{+dog+}"])
}

@Test func cleanupGivesCommonEndsOfAFoldedChangeBackToTheEqualities() {
    let (sa, sb) = sides("甲乙丙丁", "甲乙戊丁")
    let spans = [
        DiffSpan(a: 0..<1, b: 0..<1, isEqual: true),
        DiffSpan(a: 1..<4, b: 1..<4, isEqual: false),
    ]
    #expect(
        SemanticCleanup.factorCommonEnds(spans, a: sa, b: sb) == [
            DiffSpan(a: 0..<2, b: 0..<2, isEqual: true),
            DiffSpan(a: 2..<3, b: 2..<3, isEqual: false),
            DiffSpan(a: 3..<4, b: 3..<4, isEqual: true),
        ])
}

@Test func cleanupShiftsADeletionToStartAfterPunctuation() {
    // Deleting ",乙丙" and deleting "乙丙," are equally minimal; the second ends at a comma.
    let (sa, sb) = sides("甲,乙丙,丁", "甲,丁")
    let spans = [
        DiffSpan(a: 0..<1, b: 0..<1, isEqual: true),
        DiffSpan(a: 1..<4, b: 1..<1, isEqual: false),
        DiffSpan(a: 4..<6, b: 1..<3, isEqual: true),
    ]
    #expect(
        SemanticCleanup.shiftToBoundaries(spans, a: sa, b: sb) == [
            DiffSpan(a: 0..<2, b: 0..<2, isEqual: true),
            DiffSpan(a: 2..<5, b: 2..<2, isEqual: false),
            DiffSpan(a: 5..<6, b: 2..<3, isEqual: true),
        ])
}

@Test func cleanupLeavesAnInsertionInPlaceWhenNoPlaceIsBetter() {
    let (sa, sb) = sides("甲哈哈乙", "甲哈哈哈乙")
    let spans = [
        DiffSpan(a: 0..<2, b: 0..<2, isEqual: true),
        DiffSpan(a: 2..<2, b: 2..<3, isEqual: false),
        DiffSpan(a: 2..<4, b: 3..<5, isEqual: true),
    ]
    #expect(SemanticCleanup.shiftToBoundaries(spans, a: sa, b: sb) == spans)
}

@Test func cleanupShiftsAnAmbiguousEditToTheEdgeOfTheRange() {
    // As in diff-match-patch, the ends of the compared range are the best boundaries.
    let (sa, sb) = sides("哈哈", "哈哈哈")
    let spans = [
        DiffSpan(a: 0..<1, b: 0..<1, isEqual: true),
        DiffSpan(a: 1..<1, b: 1..<2, isEqual: false),
        DiffSpan(a: 1..<2, b: 2..<3, isEqual: true),
    ]
    #expect(
        SemanticCleanup.shiftToBoundaries(spans, a: sa, b: sb) == [
            DiffSpan(a: 0..<0, b: 0..<1, isEqual: false),
            DiffSpan(a: 0..<2, b: 1..<3, isEqual: true),
        ])
}

@Test func cleanupAppendJoinsSpansOfOneKindAndDropsEmptyOnes() {
    var out: [DiffSpan] = []
    SemanticCleanup.append(DiffSpan(a: 0..<1, b: 0..<1, isEqual: true), to: &out)
    SemanticCleanup.append(DiffSpan(a: 1..<1, b: 1..<1, isEqual: false), to: &out)
    SemanticCleanup.append(DiffSpan(a: 1..<3, b: 1..<3, isEqual: true), to: &out)
    #expect(out == [DiffSpan(a: 0..<3, b: 0..<3, isEqual: true)])
}
