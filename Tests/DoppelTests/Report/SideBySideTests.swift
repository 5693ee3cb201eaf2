import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelReport
@testable import DoppelText

@Suite struct SideBySideTests {
    static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))

    @Test func rowsFollowAAndHoldEveryPairAndOneSidedPassageOnce() {
        let c = Self.samples
        let rows = SideBySide(c).rows
        #expect(rows.count == c.pairs.count + c.onlyInA.count + c.onlyInB.count)
        let aStarts = rows.compactMap { row -> Int? in
            switch row.content {
            case let .pair(p): return c.pairs[p].pair.a.lowerBound
            case let .onlyInA(k): return c.onlyInA[k].lowerBound
            case .onlyInB: return nil
            }
        }
        #expect(aStarts == aStarts.sorted())
    }

    @Test func textOnlyInBFollowsThePairBeforeItInB() {
        let c = Self.samples
        let rows = SideBySide(c).rows
        for (i, row) in rows.enumerated() {
            guard case let .onlyInB(k) = row.content else { continue }
            let previousPair = rows[..<i].last { if case .pair = $0.content { return true } else { return false } }
            guard let previousPair, case let .pair(p) = previousPair.content else { continue }
            #expect(c.pairs[p].pair.b.upperBound <= c.onlyInB[k].lowerBound)
        }
    }

    @Test func spansOfAColumnCoverTheTextWithoutGapsOrOverlaps() {
        let c = Self.samples
        for spans in [SideBySide(c).rows.compactMap(\.a), SideBySide(c).rows.compactMap(\.b)] {
            let sorted = spans.sorted { $0.lowerBound < $1.lowerBound }
            for (x, y) in zip(sorted, sorted.dropFirst()) { #expect(x.upperBound == y.lowerBound) }
        }
    }

    @Test func aRowStartsAtItsLineWhenOnlySpacesPrecedeIt() {
        let a = SourceText(path: "a", text: "　　今天的天气很好,我们一起去公园散步,看见了很多美丽的花朵。")
        let b = SourceText(path: "b", text: "今天的天气很好,我们一起去公园散步,看见了很多美丽的花朵。")
        let c = Comparer.compare(a, b)
        #expect(SideBySide(c).rows.first?.a?.lowerBound == 0)
    }
}
