import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct CheckerTests {
    /// A long version pair: the samples' web page repeated, and a copy with seeded one-character
    /// edits, long enough for `compareAndCheck` to build A's table beside the comparison and with
    /// more edits than `Checker.parallelEdits`.
    private func longPair() -> (SourceText, SourceText) {
        let page = Samples.source(Samples.web).scalars
        var a: [Unicode.Scalar] = []
        while a.count <= Checker.overlapUnits { a += page }
        var b = a
        var rng = SplitMix64(seed: 41)
        for _ in 0..<600 {
            let i = Int(rng.next() % UInt64(b.count))
            if (0x4E00...0x9FFF).contains(b[i].value) { b[i] = "王" }
        }
        return (
            SourceText(path: "a", encoding: .utf8, format: .text, scalars: a),
            SourceText(path: "b", encoding: .utf8, format: .text, scalars: b)
        )
    }

    private func expectSameCheck(_ x: Comparison, _ y: Comparison) {
        #expect(x.pairs.map(\.edits) == y.pairs.map(\.edits))
        #expect(x.check?.forms == y.check?.forms)
        #expect(x.check?.consistency == y.check?.consistency)
        #expect(x.check?.consistencyChecked == y.check?.consistencyChecked)
    }

    @Test func formsFoundOnTwoThreadsAreEachEditsFormInDocumentOrder() {
        let (a, b) = longPair()
        let c = Comparer.compare(a, b)
        #expect(c.editCount > Checker.parallelEdits)
        let searchA = UnitSearch(c.textA.units)
        var oneByOne: [EditForm?] = []
        for pc in c.pairs {
            for k in pc.edits.indices {
                oneByOne.append(EditForm.find(k, in: pc, c.textA, c.textB, searchA: searchA, options: .standard))
            }
        }
        #expect(Checker.forms(c, options: .standard, searchA: searchA) == oneByOne)
    }

    @Test func compareAndCheckEqualsTheTwoCallsOnTheSamples() {
        let (a, b) = (Samples.source(Samples.web), Samples.source(Samples.print))
        var separate = Comparer.compare(a, b)
        separate.check = Checker.check(separate)
        let together = Checker.compareAndCheck(a, b)
        #expect(together.editCount == 35)
        expectSameCheck(together, separate)
    }

    @Test func compareAndCheckEqualsTheTwoCallsOnALongPairWithTheTableBuiltBeside() {
        let (a, b) = longPair()
        var separate = Comparer.compare(a, b)
        separate.check = Checker.check(separate)
        let together = Checker.compareAndCheck(a, b)
        #expect(together.textA.count + together.textB.count > Checker.overlapUnits)
        #expect(together.editCount > 0)
        expectSameCheck(together, separate)
    }
}
