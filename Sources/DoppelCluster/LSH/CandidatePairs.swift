import Dispatch
import DoppelIO
import Foundation

/// Two documents that share at least one band, `first < second`, packed into 64 bits so that
/// millions of pairs stay compact and sort as integers (by `first`, then `second`).
public struct CandidatePair: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `first << 32 | second`.
    public let packed: UInt64

    /// The pair of two different documents, in either order.
    ///
    /// - Precondition: `a != b`, both in `0 ..< 2³²`.
    ///
    /// - Complexity: O(1).
    public init(_ a: Int, _ b: Int) {
        precondition(a != b && a >= 0 && b >= 0 && a <= Int(UInt32.max) && b <= Int(UInt32.max))
        packed = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
    }

    /// The earlier document.
    public var first: Int { Int(packed >> 32) }
    /// The later document.
    public var second: Int { Int(packed & 0xFFFF_FFFF) }

    /// `(first, second)`.
    public var description: String { "(\(first), \(second))" }

    /// Orders by `first`, then `second`.
    ///
    /// - Complexity: O(1).
    public static func < (lhs: CandidatePair, rhs: CandidatePair) -> Bool { lhs.packed < rhs.packed }
}

extension BandKeyTable {
    /// Buckets larger than this are linked by a star and a chain instead of all their pairs.
    public static let defaultBucketLimit = 32

    /// Every pair of documents that share a key in at least one band, each pair once, ascending.
    ///
    /// Each band is grouped by sorting `key << 32 | document` (memory: one band at a time,
    /// 8 bytes per document; bands run in parallel on all cores). A bucket of m ≤ `bucketLimit`
    /// documents gives its m(m−1)/2 pairs. A larger bucket (thousands of copies of one notice)
    /// gives only the star from its first document and the chain of consecutive documents,
    /// 2m − 3 pairs: enough to join a bucket of near-copies into one cluster after verification
    /// (every member is checked against the first and against its neighbour), without the
    /// quadratic blow-up of all pairs.
    ///
    /// `keep`, when given, is asked about each pair as its bucket produces it (from several
    /// threads, possibly more than once per pair) and pairs it declines are dropped at once, so
    /// chance pairs that a cheap test rules out never take memory.
    ///
    /// - Precondition: `bucketLimit >= 2`.
    /// - Complexity: O(b · n log n) time for b bands and n documents, plus O(p log p) for p pairs
    ///   produced and one call of `keep` per pair and band; memory beyond the table O(n) for
    ///   sorting plus 8 bytes for each pair of each band (the bands' lists are merged at the end).
    public func candidatePairs(
        bucketLimit: Int = defaultBucketLimit,
        keeping keep: (@Sendable (Int, Int) -> Bool)? = nil
    )
        -> [CandidatePair]
    {
        precondition(bucketLimit >= 2, "a bucket limit below 2 would drop every pair")
        return Self.pairs(bands: parameters.bands, bucketLimit: bucketLimit, keeping: keep) {
            sortedEntries(band: $0)
        }
    }

    /// Every pair of documents whose 8-bit sketches (`SketchTable`) agree on all rows of at
    /// least one band of `banding` (band `i` covers sketch positions `i·rows ..< (i+1)·rows`,
    /// rows at most 4), among documents that have band keys in this table; buckets and `keep`
    /// as in `candidatePairs`. Bytes agree wherever values do, so a pair of Jaccard similarity J
    /// shares a band with probability at least `banding.candidateProbability(similarity: J)`;
    /// unrelated documents collide in a band with probability 2^(−8·rows) per pair.
    ///
    /// - Precondition: `banding.valuesUsed <= sketches.width`, `banding.rows <= 4`, the same
    ///   documents in both tables.
    /// - Complexity: as `candidatePairs`, with `banding.bands` bands.
    ///
    /// `including`, when given, says which documents take part at all (asked once per
    /// document): a document that cannot be in any pair `keep` would accept is left out before
    /// sorting.
    public func sketchPairs(
        _ sketches: SketchTable, banding: LSHParameters,
        bucketLimit: Int = defaultBucketLimit,
        including: (@Sendable (Int) -> Bool)? = nil,
        keeping keep: (@Sendable (Int, Int) -> Bool)? = nil
    ) -> [CandidatePair] {
        precondition(bucketLimit >= 2, "a bucket limit below 2 would drop every pair")
        precondition(banding.valuesUsed <= sketches.width && banding.rows <= 4)
        precondition(sketches.documentCount == documentCount)
        // The documents that take part, asked once rather than once per band.
        let members = (0..<documentCount).filter { hasKeys($0) && including?($0) ?? true }
        return Self.pairs(bands: banding.bands, bucketLimit: bucketLimit, keeping: keep) { band in
            var entries = members.map { document in
                let key = sketches.key(of: document, from: band * banding.rows, count: banding.rows)
                return UInt64(key) << 32 | UInt64(document)
            }
            entries.sortHashes()
            return entries
        }
    }

    /// The pairs of `bands` bands, each given by its sorted entries, ascending and unique.
    private static func pairs(
        bands: Int, bucketLimit: Int,
        keeping keep: (@Sendable (Int, Int) -> Bool)?,
        entries: @Sendable (Int) -> [UInt64]
    ) -> [CandidatePair] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var lists: [[CandidatePair]] = []
        for firstBand in stride(from: 0, to: bands, by: workers) {
            let group = min(workers, bands - firstBand)
            let results = SharedSlots<[CandidatePair]>(repeating: [], count: group)
            DispatchQueue.concurrentPerform(iterations: group) { offset in
                results[offset] = pairs(
                    in: entries(firstBand + offset), bucketLimit: bucketLimit,
                    keeping: keep)
            }
            lists += results.take(resettingTo: [])
        }
        // Merge the bands' lists two by two (in parallel), so each pair is moved about log₂ b
        // times rather than once per band.
        while lists.count > 1 {
            let merges = lists.count / 2
            let merged = SharedSlots<[CandidatePair]>(repeating: [], count: merges)
            let current = lists
            DispatchQueue.concurrentPerform(iterations: merges) { index in
                merged[index] = Self.mergingUnique(current[2 * index], current[2 * index + 1])
            }
            let odd = lists.count % 2 == 1 ? [lists[lists.count - 1]] : []
            lists = merged.take(resettingTo: []) + odd
        }
        return lists.first ?? []
    }

    /// The pairs of one band, ascending and unique.
    func pairs(
        inBand band: Int, bucketLimit: Int,
        keeping keep: (@Sendable (Int, Int) -> Bool)? = nil
    ) -> [CandidatePair] {
        Self.pairs(in: sortedEntries(band: band), bucketLimit: bucketLimit, keeping: keep)
    }

    /// The pairs of one band given as `key << 32 | document` ascending, ascending and unique.
    private static func pairs(
        in entries: [UInt64], bucketLimit: Int,
        keeping keep: (@Sendable (Int, Int) -> Bool)?
    ) -> [CandidatePair] {
        var pairs: [CandidatePair] = []
        func add(_ a: Int, _ b: Int) {
            if keep?(a, b) ?? true { pairs.append(CandidatePair(a, b)) }
        }
        var start = 0
        while start < entries.count {
            let key = BandEntry(packed: entries[start]).key
            var end = start + 1
            while end < entries.count && BandEntry(packed: entries[end]).key == key { end += 1 }
            let size = end - start
            if size > 1 {
                let document = { (i: Int) in BandEntry(packed: entries[i]).document }
                if size <= bucketLimit {
                    for i in start..<end {
                        for j in (i + 1)..<end { add(document(i), document(j)) }
                    }
                } else {
                    for j in (start + 1)..<end { add(document(start), document(j)) }
                    for j in (start + 2)..<end { add(document(j - 1), document(j)) }
                }
            }
            start = end
        }
        pairs.sort()
        return mergingUnique(pairs, [])
    }

    /// The union of two ascending arrays, ascending and without repeats.
    static func mergingUnique(_ a: [CandidatePair], _ b: [CandidatePair]) -> [CandidatePair] {
        var merged: [CandidatePair] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            let next: CandidatePair
            if j == b.count || (i < a.count && a[i] <= b[j]) {
                next = a[i]
                i += 1
            } else {
                next = b[j]
                j += 1
            }
            if merged.last != next { merged.append(next) }
        }
        return merged
    }
}
