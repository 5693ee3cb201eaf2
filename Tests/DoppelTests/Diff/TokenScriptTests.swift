import Testing

@testable import DoppelDiff

@Test func tokenScriptFillsGapsBetweenMatchesWithChanges() {
    let matches = [TokenMatch(a: 1, b: 0, count: 2), TokenMatch(a: 3, b: 4, count: 1)]
    let script = TokenScript(aCount: 5, bCount: 5, matches: matches, exact: true)
    #expect(
        script.spans == [
            DiffSpan(a: 0..<1, b: 0..<0, isEqual: false),
            DiffSpan(a: 1..<3, b: 0..<2, isEqual: true),
            DiffSpan(a: 3..<3, b: 2..<4, isEqual: false),
            DiffSpan(a: 3..<4, b: 4..<5, isEqual: true),
            DiffSpan(a: 4..<5, b: 5..<5, isEqual: false),
        ])
    #expect(script.editDistance == 4)
}

@Test func tokenMatchListJoinsTouchingRunsAndSkipsEmptyOnes() {
    var list = TokenMatchList()
    list.append(a: 0, b: 0, count: 2)
    list.append(a: 2, b: 2, count: 0)
    list.append(a: 2, b: 2, count: 3)
    list.append(a: 6, b: 5, count: 1)
    #expect(list.matches == [TokenMatch(a: 0, b: 0, count: 5), TokenMatch(a: 6, b: 5, count: 1)])
}
