import Testing

@testable import DoppelIO
@testable import DoppelText

/// The map decoded into two columns, as the tests of the normaliser read it. Each use decodes
/// the whole map: take them once, outside a loop.
extension NormalizedText {
    var originStarts: [Int32] { origins.ranges(0..<origins.count).map { Int32($0.lowerBound) } }
    var originEnds: [Int32] { origins.ranges(0..<origins.count).map { Int32($0.upperBound) } }
}

@Suite struct OriginMapTests {
    /// Ranges as the normaliser makes them, with the values a byte cannot hold: gaps of 255 and
    /// more (long white space), negative gaps (one code point folded into several units) and
    /// long units.
    static func ranges(count: Int, seed: UInt64) -> [Range<Int>] {
        var rng = SplitMix64(seed: seed)
        var ranges: [Range<Int>] = []
        var end = 0
        for _ in 0..<count {
            let roll = Int.random(in: 0..<100, using: &rng)
            let gap =
                roll < 3
                ? Int.random(in: 255...100_000, using: &rng)
                : roll < 6 && !ranges.isEmpty ? -ranges.last!.count : Int.random(in: 0...3, using: &rng)
            let length = roll >= 97 ? Int.random(in: 255...5000, using: &rng) : Int.random(in: 0...4, using: &rng)
            let start = end + gap
            ranges.append(start..<start + length)
            end = start + length
        }
        return ranges
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyRangeComesBackAsItWasGivenWhateverItsSize(seed: UInt64) {
        let ranges = Self.ranges(count: 1000, seed: seed)
        let map = OriginMap(
            starts: ranges.map { Int32($0.lowerBound) }, ends: ranges.map { Int32($0.upperBound) })
        #expect(map.count == ranges.count)
        #expect(map.ranges(0..<ranges.count) == ranges)
        for i in stride(from: 0, to: ranges.count, by: 7) { #expect(map.range(of: i) == ranges[i], "unit \(i)") }
        #expect(map.ranges(130..<300) == Array(ranges[130..<300]))
        #expect(map.slice(100..<500).ranges(0..<400) == Array(ranges[100..<500]))
    }

    @Test func typicalTextTakesAboutTwoBytesAUnit() {
        // A unit per code point, a dropped line break every 40: no escape, one checkpoint in 64.
        var starts: [Int32] = []
        for i in 0..<10_000 { starts.append(Int32(i + i / 40)) }
        let map = OriginMap(starts: starts, ends: starts.map { $0 + 1 })
        #expect(map.gapEscapes.units.isEmpty && map.lengthEscapes.units.isEmpty)
        #expect(map.gaps.count + map.lengths.count + 4 * map.checkpoints.count < 2 * 10_000 + 700)
    }

    @Test(arguments: [4, 5] as [UInt64])
    func extendingAndRemovingUnitsMatchesWritingTheResultAnew(seed: UInt64) {
        // The normaliser's edits: a run of dashes extends the last unit, a joined hyphen removes
        // it, a paragraph of page furniture removes the units from its start, also across a
        // checkpoint and through escaped values; Han runs come in blocks.
        var rng = SplitMix64(seed: seed)
        var expected: [Range<Int>] = []
        let (map, count) = OriginMap.build(capacity: 200_000) { writer in
            for range in Self.ranges(count: 2000, seed: seed) {
                writer.append(range.lowerBound, range.upperBound)
                expected.append(range)
                switch Int.random(in: 0..<12, using: &rng) {
                case 9:
                    // A run of Han ideographs: one unit per code point, right after.
                    let start = expected.last!.upperBound + Int.random(in: 0...2, using: &rng)
                    let run = start..<start + Int.random(in: 0...150, using: &rng)
                    writer.appendPositions(run)
                    expected += run.map { $0..<$0 + 1 }
                case 0:
                    let end = expected.last!.upperBound + Int.random(in: 0...600, using: &rng)
                    writer.extendLast(to: end)
                    expected[expected.count - 1] = expected.last!.lowerBound..<end
                case 1:
                    writer.removeLast()
                    expected.removeLast()
                case 10:
                    let from = max(0, expected.count - Int.random(in: 0...100, using: &rng))
                    writer.removeAll(from: from)
                    expected.removeSubrange(from...)
                default:
                    break
                }
            }
            #expect(!writer.overflowed)
            return writer.count
        }
        #expect(count == expected.count)
        #expect(map.ranges(0..<map.count) == expected)
        let fresh = OriginMap(
            starts: expected.map { Int32($0.lowerBound) }, ends: expected.map { Int32($0.upperBound) })
        #expect(map == fresh)
    }

    @Test func aWriterOutOfRoomSaysHowMuchItNeeded() {
        // The normaliser folds again with more room when its text expands past the capacity.
        let (map, state) = OriginMap.build(capacity: 3) { writer in
            for p in 0..<5 { writer.append(p, p + 1) }
            writer.removeLast()
            writer.removeAll(from: 1)
            return (writer.overflowed, writer.count)
        }
        #expect(state == (true, 1))
        #expect(map.count <= 3)
    }
}
