/// How a compact shingle set spreads over 1,024 buckets (a value's top ten bits): for each
/// bucket, how many of the set's values fall in it, as a 2-bit count that stops at 3. 256 bytes
/// a set, from which an exact upper bound on the shingles two sets share follows, without
/// reading either set (`commonBound`).
///
/// Two sets share a value only inside one bucket, so they share at most Σᵢ min(aᵢ, bᵢ) values.
/// Where a count stopped at 3, the values it no longer counts are the set's hidden excess
/// (its size minus the sum of its counts); in the buckets where both counts stopped, the two
/// sets share at most 3 each plus the smaller hidden excess. Compact shingles are uniform hash
/// values, so a 700-shingle set fills a bucket with 0.7 values on average and few counts stop.
///
/// Verification uses the bound to skip pairs that cannot reach the shared count they need
/// (`ClusterOptions.fewestAcceptedCommon`): documents built of common sentences, whose
/// Jaccard similarity of 0.3-0.5 lets them through LSH and the sketch filter, are rejected
/// without a read of the scratch file. On the 1M-document bench corpus it rejects 3.36 million
/// of the 3.40 million candidate pairs that counting rejects (99 %), on the 100k corpus 94 %.
/// It never rejects a pair that counting would accept.
enum ShingleOccupancy {
    /// Buckets per set.
    static let buckets = 1024
    /// 64-bit words per set: 32 counts of 2 bits each.
    static let words = buckets / 32
    /// The largest count kept; more values in a bucket count as this.
    static let saturation: UInt64 = 3
    /// Bits of a value below its bucket number.
    private static let shift: UInt32 = 22

    /// Writes the counts of `values` (a compact shingle set, distinct values in any order) to
    /// `row` (`words` words): count i at bits 2(i mod 32) of word i / 32, stopping at 3.
    ///
    /// - Complexity: O(n + buckets) for n values.
    static func write(_ values: UnsafeBufferPointer<UInt32>, to row: UnsafeMutablePointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buckets) { counts in
            counts.initialize(repeating: 0)
            for value in values {
                let bucket = Int(value &>> shift)
                let count = counts[bucket]
                counts[bucket] = count &+ (count < 3 ? 1 : 0)
            }
            // Invariant: `counts` holds `buckets` bytes, each at most 3, read 8 at a time.
            let raw = UnsafeRawPointer(counts.baseAddress!)
            for word in 0..<words {
                var packed: UInt64 = 0
                for part in 0..<4 {
                    // Eight counts, one a byte, into 16 bits, 2 a count.
                    var x = raw.loadUnaligned(fromByteOffset: 8 * (4 * word + part), as: UInt64.self)
                    x = (x | x &>> 6) & 0x000F_000F_000F_000F
                    x = (x | x &>> 12) & 0x0000_00FF_0000_00FF
                    x = (x | x &>> 24) & 0xFFFF
                    packed |= x &<< (16 * UInt64(part))
                }
                row[word] = packed
            }
        }
    }

    /// The counts of `values`, as `write` lays them out.
    ///
    /// - Complexity: O(n + buckets) for n values.
    static func row(of values: [UInt32]) -> [UInt64] {
        var row = [UInt64](repeating: 0, count: words)
        values.withUnsafeBufferPointer { values in
            row.withUnsafeMutableBufferPointer { write(values, to: $0.baseAddress!) }
        }
        return row
    }

    /// An upper bound on the values two sets share: `a` and `b` are their rows (`words`
    /// words each), `aCount` and `bCount` their sizes.
    ///
    /// - Complexity: O(words), 32 counts at a time.
    @inline(__always)
    static func commonBound(
        _ a: UnsafePointer<UInt64>, count aCount: Int, _ b: UnsafePointer<UInt64>, count bCount: Int
    ) -> Int {
        let low: UInt64 = 0x5555_5555_5555_5555
        var minima = 0  // Σ min(aᵢ, bᵢ) of the counts as stored
        var aCounted = 0
        var bCounted = 0
        var bothFull: UInt64 = 0
        for word in 0..<words {
            let x = a[word]
            let y = b[word]
            let xHigh = x &>> 1 & low
            let xLow = x & low
            let yHigh = y &>> 1 & low
            let yLow = y & low
            // min of two 2-bit counts: its high bit is set when both are; its low bit is the
            // low bits' AND when the high bits agree, else the low bit of the one without it.
            let minHigh = xHigh & yHigh
            let same = ~(xHigh ^ yHigh) & low
            let minLow = (same & xLow & yLow) | (xHigh & ~yHigh & yLow) | (~xHigh & yHigh & xLow)
            minima += 2 * minHigh.nonzeroBitCount + minLow.nonzeroBitCount
            aCounted += 2 * xHigh.nonzeroBitCount + xLow.nonzeroBitCount
            bCounted += 2 * yHigh.nonzeroBitCount + yLow.nonzeroBitCount
            bothFull |= xHigh & xLow & yHigh & yLow
        }
        if bothFull == 0 { return minima }
        return minima + min(aCount - aCounted, bCount - bCounted)
    }
}
