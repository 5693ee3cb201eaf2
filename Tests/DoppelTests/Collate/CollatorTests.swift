import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct CollatorTests {
    static let web = Samples.source(Samples.web)
    static let print = Samples.source(Samples.print)

    @Test func threeVersionsOfThePrintPageGiveTheThreeFormsOfTheName() throws {
        let sources = [Self.web, Self.print, CollationSamples.printV3]
        let c = try Collator.collate(sources)
        #expect(c.witnesses.map(\.id) == ["w1", "w2", "w3"])
        // The first 王女士/马女士/张女士 place: three readings, one witness each.
        let location = try #require(
            c.variants.first { location in
                location.readings.map { c.text(of: $0) }.sorted() == ["张", "王", "马"]
            })
        for (reading, expected) in zip(location.readings, ["王", "马", "张"]) {
            #expect(c.text(of: reading) == expected)
            #expect(reading.witnesses.count == 1)
            let w = reading.witnesses[0]
            // The range points at the name in the witness's original text.
            let original = c.witnesses[w].text.originRange(of: reading.ranges[0])
            #expect(sources[w].text(in: original) == expected)
            #expect(sources[w].text(in: original.upperBound..<original.upperBound + 2) == "女士")
        }
        // The two later 马女士 stay 马 in both print versions: one reading for w2 and w3.
        let later = c.variants.filter { location in
            location.readings.count == 2 && location.readings.map { c.text(of: $0) } == ["王", "马"]
        }
        #expect(later.count == 2)
        #expect(later.allSatisfy { $0.readings[1].witnesses == [1, 2] })
        // 郑蔚 / 郑莉 / 郑丽.
        #expect(CollationSamples.readings(c).contains([Self.web.path: "蔚", Self.print.path: "莉", "v3.txt": "丽"]))
        // The paragraph print added inside its article is in both print versions and not on the
        // web: a variant location (a paragraph edit of the pair), not text apart.
        #expect(
            c.variants.contains { location in
                location.readings.contains { $0.witnesses == [1, 2] && c.text(of: $0).hasPrefix("聚焦当地汽车装配制造") }
            })
    }

    @Test func reversedOrderGivesTheSameVariantLocationsAndReadings() throws {
        let sources = [Self.web, Self.print, CollationSamples.printV3]
        let forward = try Collator.collate(sources)
        let reversed = try Collator.collate(sources.reversed())
        #expect(CollationSamples.signature(forward) == CollationSamples.signature(reversed))
        #expect(reversed.witnesses.map(\.source.path) == sources.reversed().map(\.path))
    }

    @Test func everyOrderOfFourVersionsGivesTheSameCollation() throws {
        let sources = [Self.web, Self.print, CollationSamples.printV3, CollationSamples.webV2]
        let expected = CollationSamples.signature(try Collator.collate(sources))
        #expect(expected.count > 30)
        for order in permutations(Array(sources.indices)) {
            let c = try Collator.collate(order.map { sources[$0] })
            #expect(CollationSamples.signature(c) == expected, "order \(order)")
        }
    }

    @Test func everyOrderOfThreeVersionsGivesTheSameCollation() throws {
        let sources = [Self.web, CollationSamples.webV2, CollationSamples.printV3]
        let expected = CollationSamples.signature(try Collator.collate(sources))
        for order in permutations(Array(sources.indices)) {
            #expect(CollationSamples.signature(try Collator.collate(order.map { sources[$0] })) == expected)
        }
    }

    @Test func twoSamplePagesGiveExactlyTheEditsOfTheirDiff() throws {
        for sources in [[Self.web, Self.print], [Self.print, Self.web]] {
            let c = try Collator.collate(sources)
            expectSameAsDiff(c, sources)
        }
    }

    @Test(arguments: 0..<8)
    func twoGeneratedVersionsGiveExactlyTheEditsOfTheirDiff(seed: UInt64) throws {
        let base = Self.web
        var rng = SplitMix64(seed: 0xC011_A7E0 + seed)
        var scalars = base.scalars
        let fillers = Array("甲乙丙丁戊己庚辛壬癸 word".unicodeScalars)
        for _ in 0..<12 {
            let p = Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: scalars[p] = fillers[Int.random(in: 0..<fillers.count, using: &rng)]
            case 1: scalars.insert(contentsOf: fillers.shuffled(using: &rng).prefix(3), at: p)
            default: scalars.removeSubrange(p..<min(scalars.count, p + 4))
            }
        }
        let edited = SourceText(path: "edited.txt", scalars: scalars)
        let sources = seed % 2 == 0 ? [base, edited] : [edited, base]
        expectSameAsDiff(try Collator.collate(sources), sources)
    }

    /// With two witnesses: one variant location per edit of `doppel diff` (center as A), with
    /// the same ranges, and the one-sided text as only-in passages.
    private func expectSameAsDiff(_ c: Collation, _ sources: [SourceText]) {
        let a = c.center
        let b = 1 - a
        let diff = Comparer.compare(sources[a], sources[b])
        let edits = diff.pairs.flatMap(\.edits)
        #expect(c.variants.count == edits.count)
        let fromCollation = c.variants.map { location -> [Range<Int>] in
            [
                location.readings.first { $0.witnesses == [a] }?.ranges[0] ?? -1..<(-1),
                location.readings.first { $0.witnesses == [b] }?.ranges[0] ?? -1..<(-1),
            ]
        }
        #expect(fromCollation == edits.map { [$0.a, $0.b] })
        #expect(c.onlyIn.filter { $0.witnesses == [a] }.map(\.ranges[0]) == diff.onlyInA)
        #expect(c.onlyIn.filter { $0.witnesses == [b] }.map(\.ranges[0]) == diff.onlyInB)
        #expect(c.onlyIn.count == diff.onlyInA.count + diff.onlyInB.count)
        #expect(c.agreement.shares[a][b] == diff.similarity)
    }

    @Test func readingsInLatinTextAreWholeWords() throws {
        // Monday → Tuesday is one word changed, not [Mon | Tues]day.
        let base = "The city council met on Monday to approve the budget for 2023 and the new housing plan."
        let sources = [
            SourceText(path: "one.txt", text: base),
            SourceText(path: "two.txt", text: base.replacingFirst("Monday", with: "Tuesday")),
            SourceText(
                path: "three.txt",
                text: base.replacingFirst("Monday", with: "Tuesday").replacingFirst("2023", with: "2024")),
        ]
        let c = try Collator.collate(sources)
        #expect(
            CollationSamples.readings(c) == [
                ["one.txt": "Monday", "two.txt": "Tuesday", "three.txt": "Tuesday"],
                ["one.txt": "2023", "two.txt": "2023", "three.txt": "2024"],
            ])
    }

    @Test func identicalWitnessesAgreeEverywhere() throws {
        let c = try Collator.collate([Self.web, SourceText(path: "copy.txt", scalars: Self.web.scalars)])
        #expect(c.variants.isEmpty)
        #expect(c.onlyIn.isEmpty)
        #expect(!c.hasDifferences)
        #expect(c.agreement.shares[0][1] == 1)
    }

    @Test func oneWitnessIsRefused() {
        #expect(throws: DoppelError.self) { try Collator.collate([Self.web]) }
    }

    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
