import Testing

@testable import DoppelCluster
@testable import DoppelDiff
@testable import DoppelText

extension Array {
    fileprivate func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}

@Test func longestIncreasingChainKeepsPairsAscendingOnBothSides() {
    let pairs = [(0, 5), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)].map {
        TokenMatch(a: $0.0, b: $0.1, count: 1)
    }
    let chain = MyersEngine.longestIncreasingChain(pairs)
    #expect(chain.map(\.a) == [1, 2, 4, 5])
    #expect(MyersEngine.longestIncreasingChain([]).isEmpty)
}

@Test func fallbackAnchorsOnTokensUniqueInBothSides() {
    // 7 and 8 occur once on each side; the repeated 1s and 2s around them cannot anchor.
    let a: [Int32] = [1, 2, 7, 1, 2, 8, 2]
    let b: [Int32] = [2, 1, 7, 2, 1, 8, 1]
    let script = MyersDiff.script(a, b, costBudget: 0)
    #expect(!script.exact)
    #expect(isValid(script, a, b))
    let equal = script.spans.filter(\.isEqual)
    #expect(equal.contains(DiffSpan(a: 2..<3, b: 2..<3, isEqual: true)))
    #expect(equal.contains(DiffSpan(a: 5..<6, b: 5..<6, isEqual: true)))
}

@Test func fallbackRecursesIntoGapsWhereMoreTokensAreUnique() {
    // 4 occurs twice overall but once in each gap around the anchor 9.
    let a: [Int32] = [4, 5, 9, 4, 6]
    let b: [Int32] = [3, 4, 9, 3, 4]
    let script = MyersDiff.script(a, b, costBudget: 0)
    #expect(isValid(script, a, b))
    #expect(script.spans.filter(\.isEqual).map(\.a) == [0..<1, 2..<3, 3..<4])
}

@Test func fallbackAnchorsTextRepeatedAFewTimesOccurrenceByOccurrence() {
    // No token is unique, but each occurs three times on both sides: the t-th with the t-th.
    let a = Array((1...10).map(Int32.init).repeated(3))
    var b = a
    b[15] = 99
    let script = MyersDiff.script(a, b, costBudget: 0)
    #expect(!script.exact)
    #expect(
        script.spans == [
            DiffSpan(a: 0..<15, b: 0..<15, isEqual: true),
            DiffSpan(a: 15..<16, b: 15..<16, isEqual: false),
            DiffSpan(a: 16..<30, b: 16..<30, isEqual: true),
        ])
}

@Test func fallbackGivesSmallGapsAnExactScript() {
    let script = MyersDiff.script([1, 1, 2, 2], [2, 2, 1, 1], costBudget: 0)
    #expect(!script.exact)
    #expect(script.editDistance == 4)
}

@Test func fallbackReplacesWhatHasNoAnchor() {
    // Every token and every gram occurs more than 64 times, or not equally often on both sides.
    let a = [Int32](repeating: 1, count: 70) + [Int32](repeating: 2, count: 70)
    let b = [Int32](repeating: 2, count: 70) + [Int32](repeating: 1, count: 70)
    let script = MyersDiff.script(a, b, costBudget: 0)
    #expect(script.spans == [DiffSpan(a: 0..<140, b: 0..<140, isEqual: false)])
}
