import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelText

/// Applying each aligned pair's edits to A's units gives B's units, whatever the text and
/// whatever the diff's cost budget: on seeded random text with hostile characters and on the
/// real pages with random cuts, copies and insertions. Spaces are left out of the comparison:
/// differences in spacing alone are not edits (`TextDiff.apply` keeps A's spaces between
/// unchanged tokens, and a space B has between an unchanged and an inserted word is no edit).
@Suite struct ComparerRoundTripPropertyTests {
    static let budgets = [0, 2_000, DiffOptions.standard.costBudget]

    /// Every pair rebuilds; edits are ascending, non-overlapping and inside their pair on both
    /// sides. Returns the number of edits checked.
    @discardableResult
    static func expectRoundTrips(
        _ c: Comparison, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        var checked = 0
        for pc in c.pairs {
            #expect(
                pc.pair.a.upperBound <= c.textA.count && pc.pair.b.upperBound <= c.textB.count,
                "\(label)", sourceLocation: sourceLocation)
            var endA = pc.pair.a.lowerBound
            var endB = pc.pair.b.lowerBound
            for edit in pc.edits {
                #expect(
                    edit.a.lowerBound >= endA && edit.b.lowerBound >= endB, "\(label)", sourceLocation: sourceLocation)
                endA = edit.a.upperBound
                endB = edit.b.upperBound
            }
            #expect(
                endA <= pc.pair.a.upperBound && endB <= pc.pair.b.upperBound, "\(label)", sourceLocation: sourceLocation
            )
            guard endA <= pc.pair.a.upperBound else { continue }
            let rebuilt = TextDiff.apply(pc.edits, from: c.textA, pc.pair.a, to: c.textB)
            #expect(
                rebuilt.filter { $0 != 0x20 } == c.textB.units[pc.pair.b].filter { $0 != 0x20 },
                "\(label): pair \(pc.pair.a) → \(pc.pair.b): \(c.textA.string(pc.pair.a)) → \(c.textB.string(pc.pair.b))",
                sourceLocation: sourceLocation)
            checked += pc.edits.count
        }
        return checked
    }

    static func options(budget: Int) -> ComparisonOptions {
        var options = ComparisonOptions.standard
        options.diff = try! DiffOptions(costBudget: budget)
        return options
    }

    @Test(arguments: 1...60 as ClosedRange<UInt64>)
    func editedRandomTextRoundTrips(seed: UInt64) {
        var generator = HostileText(seed: seed)
        let a = generator.text(length: 100 + Int(seed * 97 % 3000))
        let b = generator.edit(a, count: 1 + Int(seed % 12))
        for budget in Self.budgets {
            let c = Comparer.compare(
                SourceText(path: "a", scalars: a), SourceText(path: "b", scalars: b),
                options: Self.options(budget: budget))
            Self.expectRoundTrips(c, "seed \(seed), budget \(budget)")
        }
    }

    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func unrelatedRandomTextsRoundTrip(seed: UInt64) {
        var generator = HostileText(seed: seed)
        let a = generator.text(length: 2_000)
        let b = generator.text(length: 2_000)
        for budget in Self.budgets {
            let c = Comparer.compare(
                SourceText(path: "a", scalars: a), SourceText(path: "b", scalars: b),
                options: Self.options(budget: budget))
            Self.expectRoundTrips(c, "seed \(seed), budget \(budget)")
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func editedRealPagesRoundTrip(seed: UInt64) {
        let page = Samples.source(Samples.all[Int(seed) % Samples.all.count])
        var generator = HostileText(seed: seed)
        let b = generator.edit(page.scalars, count: 30)
        var edits = 0
        for budget in Self.budgets {
            let c = Comparer.compare(page, SourceText(path: "b", scalars: b), options: Self.options(budget: budget))
            edits += Self.expectRoundTrips(c, "seed \(seed), budget \(budget)")
            if budget == 0 { #expect(!c.exact) }
        }
        #expect(edits > 0)
    }

    @Test func webAgainstPrintRoundTripsUnderEveryBudget() {
        let web = Samples.source(Samples.web)
        let print = Samples.source(Samples.print)
        for budget in Self.budgets {
            let c = Comparer.compare(web, print, options: Self.options(budget: budget))
            #expect(Self.expectRoundTrips(c, "budget \(budget)") > 0)
            #expect(c.exact == (budget > 0))
        }
    }
}
