import Testing

@testable import DoppelDiff
@testable import DoppelIO

/// The length of a longest common subsequence, by the textbook quadratic table.
private func lcsLength(_ a: [Int32], _ b: [Int32]) -> Int {
    var row = [Int](repeating: 0, count: b.count + 1)
    for x in a {
        var diagonal = 0
        for j in 0..<b.count {
            let above = row[j + 1]
            row[j + 1] = x == b[j] ? diagonal + 1 : max(row[j], above)
            diagonal = above
        }
    }
    return row[b.count]
}

private func randomSequence(_ rng: inout SplitMix64, length: Int, alphabet: Int32) -> [Int32] {
    (0..<length).map { _ in Int32(rng.next() % UInt64(alphabet)) }
}

@Test func scriptOfEmptySequencesIsEmpty() {
    let script = MyersDiff.script([], [], costBudget: 100)
    #expect(script.spans.isEmpty)
    #expect(script.exact)
}

@Test func scriptOfIdenticalSequencesIsOneEqualRun() {
    let script = MyersDiff.script([1, 2, 3], [1, 2, 3], costBudget: 100)
    #expect(script.spans == [DiffSpan(a: 0..<3, b: 0..<3, isEqual: true)])
}

@Test func scriptAgainstEmptySequenceIsOneChange() {
    #expect(
        MyersDiff.script([1, 2], [], costBudget: 100).spans
            == [DiffSpan(a: 0..<2, b: 0..<0, isEqual: false)])
    #expect(
        MyersDiff.script([], [7], costBudget: 100).spans
            == [DiffSpan(a: 0..<0, b: 0..<1, isEqual: false)])
}

@Test func scriptFindsOneReplaceInTheMiddle() {
    let script = MyersDiff.script([1, 2, 3, 4, 5], [1, 2, 9, 4, 5], costBudget: 100)
    #expect(
        script.spans == [
            DiffSpan(a: 0..<2, b: 0..<2, isEqual: true),
            DiffSpan(a: 2..<3, b: 2..<3, isEqual: false),
            DiffSpan(a: 3..<5, b: 3..<5, isEqual: true),
        ])
    #expect(script.exact)
}

@Test func scriptIsMinimalOnRandomSequences() {
    var rng = SplitMix64(seed: 0x5EED_0001)
    for trial in 0..<3000 {
        let alphabet = Int32(2 + trial % 6)
        let n = Int(rng.next() % 40)
        let m = trial % 7 == 0 ? Int(rng.next() % 4) : Int(rng.next() % 40)
        let a = randomSequence(&rng, length: n, alphabet: alphabet)
        let b = randomSequence(&rng, length: m, alphabet: alphabet)
        let script = MyersDiff.script(a, b, costBudget: 1_000_000)
        #expect(isValid(script, a, b), "invalid script for \(a) → \(b)")
        #expect(script.exact)
        #expect(script.editDistance == n + m - 2 * lcsLength(a, b), "not minimal: \(a) → \(b)")
    }
}

@Test func scriptIsMinimalOnSimilarSequences() {
    var rng = SplitMix64(seed: 0x5EED_0002)
    for _ in 0..<300 {
        let a = randomSequence(&rng, length: 200, alphabet: 20)
        var b = a
        for _ in 0..<Int(rng.next() % 12) {
            let at = Int(rng.next() % UInt64(b.count))
            switch rng.next() % 3 {
            case 0: b[at] = Int32(rng.next() % 20)
            case 1: b.insert(Int32(rng.next() % 20), at: at)
            default: b.remove(at: at)
            }
        }
        let script = MyersDiff.script(a, b, costBudget: 1_000_000)
        #expect(isValid(script, a, b))
        #expect(script.editDistance == a.count + b.count - 2 * lcsLength(a, b))
    }
}

@Test func scriptPastTheBudgetIsValidButNotExact() {
    var rng = SplitMix64(seed: 0x5EED_0003)
    for budget in [0, 1, 10, 100] {
        for _ in 0..<200 {
            let a = randomSequence(&rng, length: Int(rng.next() % 60), alphabet: 8)
            let b = randomSequence(&rng, length: Int(rng.next() % 60), alphabet: 8)
            let script = MyersDiff.script(a, b, costBudget: budget)
            #expect(isValid(script, a, b))
            #expect(script.editDistance >= a.count + b.count - 2 * lcsLength(a, b))
        }
    }
}

@Test func scriptWithinTheBudgetIsExact() {
    // One replace in the middle costs a couple of rounds; a budget of 0 cannot pay for any.
    let a: [Int32] = [1, 2, 3, 4, 5]
    let b: [Int32] = [1, 2, 8, 4, 5]
    #expect(MyersDiff.script(a, b, costBudget: 1_000).exact)
    #expect(!MyersDiff.script(a, b, costBudget: 0).exact)
    // Prefix and suffix stripping cost nothing: a difference only at one end stays exact.
    #expect(MyersDiff.script([1, 2, 3], [1, 2, 3, 4], costBudget: 0).exact)
}
