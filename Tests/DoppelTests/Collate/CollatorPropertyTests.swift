import Testing

@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Seeded families of versions built from the sample's paragraphs (characters replaced,
/// inserted, deleted; paragraphs dropped, added from a shared pool, swapped): whatever the
/// order, the collation is the same, and it is well formed.
@Suite struct CollatorPropertyTests {
    static func family(seed: UInt64, witnesses: Int) -> [SourceText] {
        var rng = SplitMix64(seed: seed)
        let paragraphs = StarAlignmentTests.paragraphs
        let base = Array(paragraphs[0..<6])
        let pool = Array(paragraphs[6..<8])
        let fillers = Array("甲乙丙丁戊己庚辛壬癸")
        return (0..<witnesses).map { w in
            var parts = base
            if Int.random(in: 0..<3, using: &rng) == 0 {
                parts.remove(at: Int.random(in: 0..<parts.count, using: &rng))
            }
            if Int.random(in: 0..<2, using: &rng) == 0 {
                parts.insert(
                    pool[Int.random(in: 0..<pool.count, using: &rng)], at: Int.random(in: 0...parts.count, using: &rng))
            }
            if Int.random(in: 0..<4, using: &rng) == 0 { parts.swapAt(0, parts.count - 1) }
            parts = parts.map { paragraph in
                var chars = Array(paragraph)
                for _ in 0..<Int.random(in: 0..<3, using: &rng) {
                    let p = Int.random(in: 0..<chars.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: chars[p] = fillers.randomElement(using: &rng)!
                    case 1: chars.insert(fillers.randomElement(using: &rng)!, at: p)
                    default: chars.remove(at: p)
                    }
                }
                return String(chars)
            }
            return SourceText(path: "v\(w)", text: parts.joined(separator: "\n\n"))
        }
    }

    @Test(arguments: 0..<24)
    func theCollationIsTheSameInAnyOrderAndWellFormed(seed: UInt64) throws {
        let sources = Self.family(seed: 0x5EED_0000 + seed, witnesses: 3 + Int(seed % 3))
        let c = try Collator.collate(sources)
        var rng = SplitMix64(seed: seed)
        for _ in 0..<2 {
            let shuffled = sources.shuffled(using: &rng)
            #expect(CollationSamples.signature(try Collator.collate(shuffled)) == CollationSamples.signature(c))
        }
        let all = Set(c.witnesses.indices)
        for location in c.variants {
            #expect(location.readings.count >= 2)
            let witnesses = location.readings.flatMap(\.witnesses)
            #expect(Set(witnesses).count == witnesses.count)
            let keys = location.readings.map { ReadingKey.of(c.witnesses[$0.witnesses[0]].text, $0.ranges[0]) }
            #expect(Set(keys).count == keys.count)
            for reading in location.readings {
                for (w, range) in zip(reading.witnesses, reading.ranges) {
                    #expect(range.lowerBound >= 0 && range.upperBound <= c.witnesses[w].text.count)
                    #expect(
                        ReadingKey.of(c.witnesses[w].text, range)
                            == ReadingKey.of(c.witnesses[reading.witnesses[0]].text, reading.ranges[0]))
                }
            }
        }
        for only in c.onlyIn {
            #expect(!only.witnesses.isEmpty && Set(only.witnesses).isStrictSubset(of: all))
            for (w, range) in zip(only.witnesses, only.ranges) {
                #expect(!range.isEmpty && range.upperBound <= c.witnesses[w].text.count)
            }
        }
        for i in all {
            for j in all {
                #expect(c.agreement.shares[i][j] == c.agreement.shares[j][i])
                #expect((0...1).contains(c.agreement.shares[i][j]))
            }
        }
    }
}
