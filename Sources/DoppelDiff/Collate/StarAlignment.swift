import Dispatch
import DoppelIO
import DoppelText

/// The multiple alignment at the heart of a collation: every witness aligned to one central
/// witness, the pairwise differences merged along the center.
///
/// 1. Each other witness is compared with the center by `PassageDiffer` (the same alignment and
///    diff as `doppel diff`, center as A).
/// 2. Every edit is an interval of the center (empty for an insertion). Intervals that overlap,
///    or touch at an insertion, from any witnesses, join into one variant location: its extent
///    in the center is their union, its extent in each witness the image of that union through
///    the witness's alignment (`WitnessMap`), and its readings the distinct token sequences
///    found there (`ReadingKey`). Because the union is taken before readings are compared, two
///    witnesses that made the same change are one reading even when their diffs against the
///    center cut it differently.
/// 3. The center's text is cut where any witness's alignment begins or ends; a piece that some
///    witnesses lack entirely is `OnlyIn` the others.
/// 4. The text the center lacks (each witness's one-sided text) is collated again the same way
///    among the witnesses that have some (`Excerpt`), so a passage two witnesses share and the
///    center lacks is one `OnlyIn` of both, with its own variant locations.
///
/// Nothing here depends on the order of the witnesses: the center is chosen by content
/// (`WitnessOrder.medoid`), each comparison involves the center and one witness only, and the
/// merge works on positions of the center.
enum StarAlignment {
    /// What one level finds, ranges in the level's texts.
    struct Level: Sendable {
        var variants: [VariantLocation] = []
        var onlyIn: [OnlyIn] = []
        var exact = true
    }

    /// Collates `texts` (witness `members[k]` has `texts[k]`) against the center `center` (a
    /// position in `texts`), given each other witness's diff against it (`diffs[center]` is
    /// unused). With `whole`, the texts are whole witnesses and text every member has is not
    /// reported; else they are what some parent level's center lacks, and all of it is.
    ///
    /// - Complexity: O(e log e) for e edits, plus O(c · w log) for c cuts of the center and w
    ///   witnesses, plus the leftovers' own collation.
    static func collate(
        _ texts: [NormalizedText], members: [Int], center: Int, diffs: [PassageDiff?],
        whole: Bool, options: CollationOptions
    ) -> Level {
        var maps: [WitnessMap?] = Array(repeating: nil, count: texts.count)
        for k in texts.indices where k != center {
            maps[k] = WitnessMap(center: texts[center], witness: texts[k], diff: diffs[k]!)
        }
        var level = Level()
        level.exact = diffs.allSatisfy { $0?.exact ?? true }
        level.variants = variants(texts, members: members, center: center, maps: maps)
        level.onlyIn = runs(texts, members: members, center: center, maps: maps, whole: whole)
        let leftovers = leftovers(texts, members: members, center: center, diffs: diffs, options: options)
        level.variants += leftovers.variants
        level.onlyIn += leftovers.onlyIn
        level.exact = level.exact && leftovers.exact
        return level
    }

    /// Collates `texts` from scratch: the center chosen by content, each other text compared
    /// with it (in parallel).
    static func collate(_ texts: [NormalizedText], members: [Int], whole: Bool, options: CollationOptions) -> Level {
        let canonical = WitnessOrder.canonical(texts)
        let center = WitnessOrder.medoid(texts, canonical: canonical)
        let diffs = pairwise(texts, center: center, options: options)
        return collate(texts, members: members, center: center, diffs: diffs, whole: whole, options: options)
    }

    /// Each text's diff against the center (nil for the center), computed in parallel.
    static func pairwise(_ texts: [NormalizedText], center: Int, options: CollationOptions) -> [PassageDiff?] {
        let slots = SharedSlots<PassageDiff?>(repeating: nil, count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { k in
            guard k != center else { return }
            slots[k] = PassageDiffer.diff(
                texts[center], texts[k], align: options.align, diff: options.diff,
                ignorePunctuation: options.ignorePunctuation,
                minimumPairSimilarity: options.minimumPairSimilarity)
        }
        return slots.take(resettingTo: nil)
    }

    // MARK: Variant locations

    /// An edit of witness `member` against the center, in the center's units.
    private struct Interval {
        var center: Range<Int>
        var member: Int
        var pair: Int
    }

    private static func variants(
        _ texts: [NormalizedText], members: [Int], center: Int,
        maps: [WitnessMap?]
    ) -> [VariantLocation] {
        var intervals: [Interval] = []
        for (k, map) in maps.enumerated() {
            guard let map else { continue }
            for (p, pc) in map.diff.pairs.enumerated() {
                for edit in pc.edits { intervals.append(Interval(center: edit.a, member: k, pair: p)) }
            }
        }
        intervals.sort {
            ($0.center.lowerBound, $0.center.upperBound, $0.member) < (
                $1.center.lowerBound, $1.center.upperBound, $1.member
            )
        }
        var result: [VariantLocation] = []
        var i = 0
        while i < intervals.count {
            var group = [intervals[i]]
            var end = intervals[i].center.upperBound
            var endsEmpty = intervals[i].center.isEmpty
            var j = i + 1
            while j < intervals.count {
                let next = intervals[j].center
                let joins = next.lowerBound < end || (next.lowerBound == end && (next.isEmpty || endsEmpty))
                guard joins else { break }
                group.append(intervals[j])
                if next.upperBound > end {
                    end = next.upperBound
                    endsEmpty = next.isEmpty
                } else if next.upperBound == end && next.isEmpty {
                    endsEmpty = true
                }
                j += 1
            }
            if let location = location(group, texts: texts, members: members, center: center, maps: maps) {
                result.append(location)
            }
            i = j
        }
        return result
    }

    /// The variant location of a group of joined edits, or nil when every witness there reads
    /// the same (edits whose union reads alike in all).
    private static func location(
        _ group: [Interval], texts: [NormalizedText], members: [Int], center: Int,
        maps: [WitnessMap?]
    ) -> VariantLocation? {
        let lower = group.map(\.center.lowerBound).min()!
        let upper = group.map(\.center.upperBound).max()!
        var places: [(member: Int, range: Range<Int>)] = [(center, lower..<upper)]
        var moved = false
        for (k, map) in maps.enumerated() {
            guard let map else { continue }
            let edits = group.filter { $0.member == k }
            let first: Int?
            let last: Int?
            if let e = edits.first {
                first = e.pair
                last = edits.last!.pair
            } else if lower == upper {
                first = map.pair(touching: lower)
                last = first
            } else {
                first = map.pair(at: lower)
                last = map.pair(at: upper, end: true)
            }
            guard let first, let last else { continue }  // the witness lacks this passage
            let start = map.start(lower, in: first)
            var end = map.end(upper, in: last)
            if end < start {
                guard first == last else { continue }  // reaches across a move: no one range
                end = start
            }
            places.append((k, start..<end))
            moved = moved || map.diff.pairs[first].pair.moved || map.diff.pairs[last].pair.moved
        }
        return readings(places, texts: texts, members: members).map { VariantLocation(readings: $0, moved: moved) }
    }

    /// The places grouped into readings by their tokens, ordered by first witness; nil when
    /// there is only one reading.
    private static func readings(
        _ places: [(member: Int, range: Range<Int>)], texts: [NormalizedText],
        members: [Int]
    ) -> [Reading]? {
        var index: [[UInt32]: Int] = [:]  // lookup only: the order comes from the sort below
        var groups: [[(witness: Int, range: Range<Int>)]] = []
        for place in places {
            let key = ReadingKey.of(texts[place.member], place.range)
            let entry = (witness: members[place.member], range: place.range)
            if let g = index[key] {
                groups[g].append(entry)
            } else {
                index[key] = groups.count
                groups.append([entry])
            }
        }
        guard groups.count > 1 else { return nil }
        return groups.map { entries in
            let sorted = entries.sorted { $0.witness < $1.witness }
            return Reading(witnesses: sorted.map(\.witness), ranges: sorted.map(\.range))
        }.sorted { $0.witnesses[0] < $1.witnesses[0] }
    }

    // MARK: Text some witnesses lack

    /// The center's text cut where any alignment or one-sided stretch begins or ends (and at
    /// paragraph starts); each piece that some witness lacks (or, unless `whole`, every piece)
    /// is reported with the witnesses that have it.
    private static func runs(
        _ texts: [NormalizedText], members: [Int], center: Int, maps: [WitnessMap?],
        whole: Bool
    ) -> [OnlyIn] {
        let text = texts[center]
        var cuts = [0, text.count] + text.paragraphStarts
        for map in maps {
            guard let map else { continue }
            for range in map.diff.onlyInA { cuts += [range.lowerBound, range.upperBound] }
            for pc in map.diff.pairs { cuts += [pc.pair.a.lowerBound, pc.pair.a.upperBound] }
        }
        cuts = Array(Set(cuts)).sorted()
        var result: [OnlyIn] = []
        for (x, y) in zip(cuts, cuts.dropFirst()) {
            let absent = maps.indices.filter { k in
                guard let map = maps[k] else { return false }
                return covers(map.diff.onlyInA, x)
            }
            if whole && absent.isEmpty { continue }
            let range = ReadingKey.trimmed(text, x..<y)
            guard !range.isEmpty else { continue }
            var entries = [(witness: members[center], range: range)]
            for (k, map) in maps.enumerated() {
                guard let map, !absent.contains(k),
                    let first = map.pair(at: range.lowerBound),
                    let last = map.pair(at: range.upperBound, end: true)
                else { continue }
                let start = map.start(range.lowerBound, in: first)
                let end = map.end(range.upperBound, in: last)
                // Aligned, but inside an edit that drops the piece: the witness lacks it too.
                guard end > start else { continue }
                entries.append((members[k], start..<end))
            }
            if whole && entries.count == texts.count { continue }
            entries.sort { $0.witness < $1.witness }
            result.append(OnlyIn(witnesses: entries.map(\.witness), ranges: entries.map(\.range)))
        }
        return result
    }

    /// Whether one of the ascending, disjoint `ranges` holds `p`.
    private static func covers(_ ranges: [Range<Int>], _ p: Int) -> Bool {
        let after = ranges.partitioningIndex { $0.lowerBound > p }
        return after > 0 && ranges[after - 1].contains(p)
    }

    /// The text the center lacks, collated among the witnesses that have some, ranges mapped
    /// back to the witnesses.
    private static func leftovers(
        _ texts: [NormalizedText], members: [Int], center: Int, diffs: [PassageDiff?],
        options: CollationOptions
    ) -> Level {
        let holders = texts.indices.filter { $0 != center && !(diffs[$0]?.onlyInB.isEmpty ?? true) }
        var level = Level()
        if holders.count == 1 {
            let k = holders[0]
            level.onlyIn = diffs[k]!.onlyInB.map { OnlyIn(witnesses: [members[k]], ranges: [$0]) }
            return level
        }
        guard holders.count > 1 else { return level }
        let excerpts = holders.map { Excerpt(texts[$0], ranges: diffs[$0]!.onlyInB) }
        let inner = collate(excerpts.map(\.text), members: holders.map { members[$0] }, whole: false, options: options)
        let byWitness = Dictionary(uniqueKeysWithValues: zip(holders.map { members[$0] }, excerpts))
        level.exact = inner.exact
        level.variants = inner.variants.map { location in
            var location = location
            for r in location.readings.indices {
                location.readings[r].ranges = zip(location.readings[r].witnesses, location.readings[r].ranges).map {
                    byWitness[$0]!.original($1)
                }
            }
            return location
        }
        level.onlyIn = inner.onlyIn.map { only in
            OnlyIn(
                witnesses: only.witnesses, ranges: zip(only.witnesses, only.ranges).map { byWitness[$0]!.original($1) })
        }
        return level
    }
}
