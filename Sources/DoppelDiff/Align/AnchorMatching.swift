import Dispatch
import DoppelIO
import DoppelText

/// Seeds for alignment: k-grams that occur exactly once in each text (as patience diff and
/// passim do), extended to maximal exact matches.
///
/// The texts are searched in *segments*: unit ranges that a k-gram and a match may not cross
/// (paragraphs, or the unaligned pieces of a gap when `GapAnchoring` searches again). Uniqueness
/// is counted over the segments given, so a k-gram repeated elsewhere in the text can still be
/// an anchor inside one gap.
enum AnchorMatching {
    /// The maximal exact matches grown from k-grams unique in both texts, each k-gram inside one
    /// paragraph, sorted by position in A. See `matches(_:_:_:_:k:sampling:)`.
    static func matches(_ ta: NormalizedText, _ tb: NormalizedText, k: Int, sampling: UInt64) -> [ExactMatch] {
        matches(
            ta.units, ta.paragraphRanges(in: 0..<ta.count), tb.units,
            tb.paragraphRanges(in: 0..<tb.count), k: k, sampling: sampling)
    }

    /// The maximal exact matches grown from k-grams that occur exactly once in `segmentsA` of `a`
    /// and once in `segmentsB` of `b`, sorted by position in A. A match stays inside the segment
    /// of its anchor, or crosses into the touching segment where both sides do at once. When `sampling > 1`, only about one k-gram in `sampling` is
    /// considered, chosen by its hash; the choice depends on content only, so both sides sample
    /// the same k-grams.
    ///
    /// - Precondition: each segment list ascending and non-overlapping.
    /// - Precondition: both texts shorter than 2³² units.
    /// - Complexity: expected O(n + m) for the n and m units of the segments (k-gram hashes and
    ///   anchors sorted by `sortHashes`, O((n + m) log(n + m)) at worst), plus O(n + m) to extend
    ///   the matches (a binary search for each anchor's segment, a dictionary of diagonals).
    static func matches(
        _ a: [UInt32], _ segmentsA: [Range<Int>], _ b: [UInt32], _ segmentsB: [Range<Int>],
        k: Int, sampling: UInt64
    ) -> [ExactMatch] {
        guard k > 0 else { return [] }
        precondition(max(a.count, b.count) < 1 << 32, "texts of 2³² units or more")
        let packing = Packing(maximumPosition: max(a.count, b.count))
        let (ea, eb) = sortedKGrams(a, segmentsA, b, segmentsB, k: k, sampling: sampling, packing: packing)
        guard !ea.isEmpty, !eb.isEmpty else { return [] }
        // Anchors ordered by A position with the expected-linear `sortHashes`: the offset in the
        // span of A's segments goes in the high bits (positions spread over the span as hashes
        // do), B's position in the low 32.
        let low = segmentsA.first!.lowerBound
        let span = segmentsA.last!.upperBound - low
        let shift = UInt64(UInt64.bitWidth - max(1, Int.bitWidth - span.leadingZeroBitCount))  // ≥ 32
        var keyed: [UInt64] = []
        var i = 0
        var j = 0
        while i < ea.count && j < eb.count {
            let h = packing.hash(ea[i])
            let g = packing.hash(eb[j])
            if h < g {
                i = run(ea, from: i, packing)
                continue
            }
            if h > g {
                j = run(eb, from: j, packing)
                continue
            }
            let ni = run(ea, from: i, packing)
            let nj = run(eb, from: j, packing)
            if ni - i == 1 && nj - j == 1 {
                let pa = packing.position(ea[i])
                let pb = packing.position(eb[j])
                if a[pa..<pa + k].elementsEqual(b[pb..<pb + k]) {
                    keyed.append(UInt64(pa - low) << shift | UInt64(pb))
                }
            }
            i = ni
            j = nj
        }
        keyed.sortHashes()
        let anchors = keyed.map { (a: low + Int($0 >> shift), b: Int($0 & 0xFFFF_FFFF)) }
        // Whether the k-grams at `pa` of A and `pb` of B (one text) occur at least twice in each
        // text: boilerplate such as a dateline every templated sibling begins with.
        func repeatsInBoth(_ pa: Int, _ pb: Int) -> Bool {
            func count(_ entries: [UInt64], _ units: [UInt32], _ p: Int) -> Int {
                var h: UInt64 = 0
                for u in units[p..<p + k] { h = h &* kgramBase &+ UInt64(u) &+ 1 }
                let hash = packing.hash(packing.pack(hash: SplitMix64.mix(h), position: 0))
                let first = entries.partitioningIndex { packing.hash($0) >= hash }
                var end = first
                while end < entries.count && end - first < 2 && packing.hash(entries[end]) == hash { end += 1 }
                return end - first
            }
            return count(ea, a, pa) >= 2 && count(eb, b, pb) >= 2
        }
        return extend(anchors, a, segmentsA, b, segmentsB, k: k, repeatsInBoth: repeatsInBoth)
    }

    /// The base of the k-grams' polynomial rolling hash.
    private static let kgramBase: UInt64 = 0x100_0000_01B3

    /// A k-gram's hash and position packed in one word, the hash in the high bits, so that the
    /// entries sort as plain integers (`sortHashes`, expected linear time): the position takes
    /// the bits it needs and the hash keeps the rest (at least 32). Two k-grams whose hashes agree
    /// in those bits count as one, which can only cost an anchor, never make a false one: an
    /// anchor's k-grams are compared unit by unit.
    struct Packing {
        let positionBits: Int

        init(maximumPosition: Int) {
            positionBits = min(32, max(1, Int.bitWidth - maximumPosition.leadingZeroBitCount))
        }

        func pack(hash: UInt64, position: Int) -> UInt64 {
            (hash >> positionBits) << positionBits | UInt64(position)
        }
        func hash(_ entry: UInt64) -> UInt64 { entry >> positionBits }
        func position(_ entry: UInt64) -> Int { Int(entry & ((1 << positionBits) - 1)) }
    }

    private static func run(_ entries: [UInt64], from start: Int, _ packing: Packing) -> Int {
        let hash = packing.hash(entries[start])
        var end = start + 1
        while end < entries.count && packing.hash(entries[end]) == hash { end += 1 }
        return end
    }

    /// Units of segments (both sides) above which the two sides' k-grams are hashed and sorted
    /// on two threads.
    static let parallelAbove = 200_000

    /// The packed k-grams of both sides, each sorted; on two threads for long segments.
    private static func sortedKGrams(
        _ a: [UInt32], _ segmentsA: [Range<Int>], _ b: [UInt32], _ segmentsB: [Range<Int>],
        k: Int, sampling: UInt64, packing: Packing
    ) -> ([UInt64], [UInt64]) {
        let units = segmentsA.reduce(0) { $0 + $1.count } + segmentsB.reduce(0) { $0 + $1.count }
        guard units > parallelAbove else {
            var ea = kgrams(a, segmentsA, k: k, sampling: sampling, packing: packing)
            var eb = kgrams(b, segmentsB, k: k, sampling: sampling, packing: packing)
            ea.sortHashes()
            eb.sortHashes()
            return (ea, eb)
        }
        let sides = SharedSlots<[UInt64]>(repeating: [], count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            var entries =
                side == 0
                ? kgrams(a, segmentsA, k: k, sampling: sampling, packing: packing)
                : kgrams(b, segmentsB, k: k, sampling: sampling, packing: packing)
            entries.sortHashes()
            sides[side] = entries
        }
        let both = sides.take(resettingTo: [])
        return (both[0], both[1])
    }

    /// The packed hashes of the k-grams that lie inside one segment (a polynomial rolling hash,
    /// restarted at each segment and mixed by SplitMix64). With `sampling` s, a k-gram is kept
    /// when the low 32 bits of its hash are below 2³²/s: about one in s, chosen by content only.
    private static func kgrams(
        _ units: [UInt32], _ segments: [Range<Int>], k: Int, sampling: UInt64,
        packing: Packing
    ) -> [UInt64] {
        let base = kgramBase
        var power: UInt64 = 1
        for _ in 0..<k { power = power &* base }
        let total = segments.reduce(0) { $0 + max(0, $1.count - k + 1) }
        let limit = (UInt64(1) << 32) / max(1, sampling)
        // Room for every k-gram, written in place; with sampling only about 1/s of it is
        // written, and memory that is never written is never backed.
        return [UInt64](unsafeUninitializedCapacity: total) { entries, count in
            HugePages.advise(entries)
            units.withUnsafeBufferPointer { u in
                for segment in segments where segment.count >= k {
                    let start = segment.lowerBound
                    var h: UInt64 = 0
                    for i in start..<(start + k) { h = h &* base &+ UInt64(u[i]) &+ 1 }
                    var position = start
                    while true {
                        // Unconditional write, kept or not, so that the 1 in s choice is no
                        // branch: `count` ≤ the k-grams seen before this one < `total`, so the
                        // place is in the buffer; one that is not kept is overwritten or left
                        // past `count`, never read.
                        let mixed = SplitMix64.mix(h)
                        entries[count] = packing.pack(hash: mixed, position: position)
                        count &+= mixed & 0xFFFF_FFFF < limit ? 1 : 0
                        // The k-gram at `position + 1` ends at unit `position + k`.
                        let end = position &+ k
                        guard end < segment.upperBound else { break }
                        h = h &* base &+ UInt64(u[end]) &+ 1 &- (UInt64(u[position]) &+ 1) &* power
                        position = position &+ 1
                    }
                }
            }
        }
    }

    /// How many units `a` and `b` agree on from `i` and `j` on, at most `limit`: two units at a
    /// time while they agree, then one (a match grows over whole paragraphs, so this loop is
    /// where extending spends its time).
    ///
    /// - Precondition: `i + limit <= a.count`, `j + limit <= b.count`.
    /// - Complexity: O(the run).
    private static func equalRun(from i: Int, _ a: [UInt32], from j: Int, _ b: [UInt32], limit: Int) -> Int {
        precondition(limit <= 0 || (i >= 0 && j >= 0 && i + limit <= a.count && j + limit <= b.count))
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                // Invariant: every unit read is at `i + n` or `j + n` with `n < limit`, inside both
                // buffers by the precondition; an eight-byte load reads units `n` and `n + 1`.
                guard limit > 0, let ua = pa.baseAddress, let ub = pb.baseAddress else { return 0 }
                let (ra, rb) = (UnsafeRawPointer(ua + i), UnsafeRawPointer(ub + j))
                var n = 0
                while n + 2 <= limit
                    && ra.loadUnaligned(fromByteOffset: 4 * n, as: UInt64.self)
                        == rb.loadUnaligned(fromByteOffset: 4 * n, as: UInt64.self)
                {
                    n += 2
                }
                while n < limit && ua[i + n] == ub[j + n] { n += 1 }
                return n
            }
        }
    }

    /// How many units `a` and `b` agree on going back from just before `i` and `j`, at most
    /// `limit`, as `equalRun(from:_:from:_:limit:)` going forward.
    ///
    /// - Precondition: `limit <= i`, `limit <= j`, `i <= a.count`, `j <= b.count`.
    /// - Complexity: O(the run).
    private static func equalRun(before i: Int, _ a: [UInt32], before j: Int, _ b: [UInt32], limit: Int) -> Int {
        precondition(limit <= 0 || (limit <= i && limit <= j && i <= a.count && j <= b.count))
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                // Invariant: every unit read is at `i - 1 - n` or `j - 1 - n` with `n < limit`,
                // inside both buffers by the precondition; an eight-byte load at `i - 2 - n`
                // reads units `n + 1` and `n` back.
                guard limit > 0, let ua = pa.baseAddress, let ub = pb.baseAddress else { return 0 }
                var n = 0
                while n + 2 <= limit
                    && UnsafeRawPointer(ua + (i - 2 - n)).loadUnaligned(as: UInt64.self)
                        == UnsafeRawPointer(ub + (j - 2 - n)).loadUnaligned(as: UInt64.self)
                {
                    n += 2
                }
                while n < limit && ua[i - 1 - n] == ub[j - 1 - n] { n += 1 }
                return n
            }
        }
    }

    /// The index of the segment holding `position`.
    private static func segmentIndex(of position: Int, in segments: [Range<Int>]) -> Int {
        var lo = 0
        var hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].upperBound <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Grows each anchor left and right while the texts agree. A match stays inside the segment
    /// of its anchor, except where both texts cross into a touching segment at the same place (a
    /// paragraph break both sides have): it grows on through such breaks, so text that agrees
    /// for many paragraphs is one match, not one per paragraph, as long as it agrees for at
    /// least k units or the whole segment past each break (a shared full stop at the end of two
    /// unrelated paragraphs does not join them). Forward into part of a segment on both sides
    /// (neither side's segment end reached) it does not grow where that part begins with a
    /// k-gram that `repeatsInBoth` texts: boilerplate (the dateline `《新闻联播》 2024年11` that
    /// templated siblings begin with), so a match of one sibling's headline does not claim the
    /// next sibling's dateline through a lost break.
    /// Anchors inside a match already grown on the same diagonal are skipped.
    private static func extend(
        _ anchors: [(a: Int, b: Int)], _ a: [UInt32], _ segmentsA: [Range<Int>],
        _ b: [UInt32], _ segmentsB: [Range<Int>], k: Int, repeatsInBoth: (Int, Int) -> Bool
    ) -> [ExactMatch] {
        var coveredEnd: [Int: Int] = [:]  // diagonal (b - a) → end in A of the last match on it
        var matches: [ExactMatch] = []
        for anchor in anchors {
            let diagonal = anchor.b - anchor.a
            if let end = coveredEnd[diagonal], anchor.a < end { continue }
            let anchorSegmentA = segmentIndex(of: anchor.a, in: segmentsA)
            let anchorSegmentB = segmentIndex(of: anchor.b, in: segmentsB)
            var (sa, sb) = (anchorSegmentA, anchorSegmentB)
            var start = anchor.a
            var startB = anchor.b
            while true {
                let boundary = start
                let back = equalRun(
                    before: start, a, before: startB, b,
                    limit: min(start - segmentsA[sa].lowerBound, startB - segmentsB[sb].lowerBound))
                start -= back
                startB -= back
                let whole = start == segmentsA[sa].lowerBound && startB == segmentsB[sb].lowerBound
                if sa != anchorSegmentA && !whole && boundary - start < k {
                    // A few equal units across the break (a full stop) are chance, not a match.
                    startB += boundary - start
                    start = boundary
                    break
                }
                guard whole, sa > 0, segmentsA[sa - 1].upperBound == start,
                    sb > 0, segmentsB[sb - 1].upperBound == startB
                else { break }
                sa -= 1
                sb -= 1
            }
            (sa, sb) = (anchorSegmentA, anchorSegmentB)
            var endA = anchor.a + k
            var endB = anchor.b + k
            while true {
                let boundary = endA
                let ahead = equalRun(
                    from: endA, a, from: endB, b,
                    limit: min(segmentsA[sa].upperBound - endA, segmentsB[sb].upperBound - endB))
                endA += ahead
                endB += ahead
                let whole = endA == segmentsA[sa].upperBound && endB == segmentsB[sb].upperBound
                let partOfBoth = endA < segmentsA[sa].upperBound && endB < segmentsB[sb].upperBound
                if sa != anchorSegmentA && !whole
                    && (endA - boundary < k || partOfBoth && repeatsInBoth(boundary, endB - (endA - boundary)))
                {
                    endB -= endA - boundary
                    endA = boundary
                    break
                }
                guard whole, sa + 1 < segmentsA.count, segmentsA[sa + 1].lowerBound == endA,
                    sb + 1 < segmentsB.count, segmentsB[sb + 1].lowerBound == endB
                else { break }
                sa += 1
                sb += 1
            }
            matches.append(ExactMatch(a: start, b: startB, length: endA - start))
            coveredEnd[diagonal] = endA
        }
        matches.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        return matches
    }
}
