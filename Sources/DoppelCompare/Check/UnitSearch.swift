import DoppelIO
import DoppelText
import DoppelDiff

/// Every occurrence of a short run of units in a fixed text, found through a table of the text's
/// bigrams (two consecutive units), so a lookup costs the occurrences of the form's rarest bigram
/// instead of a scan of the text.
///
/// The table is a compressed bucket array: each bigram hashes (SplitMix64, fixed, so the same on
/// every run) to one of a power-of-two number of buckets, and a bucket lists, ascending, the
/// positions where a bigram of that bucket starts. A lookup takes the form's bigram whose bucket
/// is shortest and checks each listed position against the whole form, so bucket collisions
/// cost time, never a wrong answer.
///
/// ```swift
/// let search = UnitSearch(Array("王女士给王女士".unicodeScalars.map(\.value)))
/// search.occurrences(of: Array("王女士".unicodeScalars.map(\.value)))  // [0, 4]
/// ```
package struct UnitSearch: Sendable {
    /// The text searched.
    package let units: [UInt32]
    /// `bucketStarts[k] ..< bucketStarts[k + 1]` are bucket `k`'s entries in `positions`.
    private let bucketStarts: [UInt32]
    private let positions: [UInt32]
    private let mask: UInt64

    /// Units the table can hold: positions are stored as 32-bit values.
    package static let maximumUnits = Int(UInt32.max) - 1

    /// Builds the table of `units`.
    ///
    /// - Precondition: `units.count <= maximumUnits` (the caller checks and reports it).
    /// - Complexity: O(n) time, 4n + 4b bytes for b buckets (about n / 2).
    package init(_ units: [UInt32]) {
        precondition(units.count <= Self.maximumUnits)
        self.units = units
        var buckets = 1
        while buckets < max(1, units.count / 2) { buckets <<= 1 }
        let mask = UInt64(buckets - 1)
        self.mask = mask
        let pairs = max(0, units.count - 1)
        var starts = [UInt32](repeating: 0, count: buckets + 1)
        var positions = [UInt32](repeating: 0, count: pairs)
        units.withUnsafeBufferPointer { u in
            starts.withUnsafeMutableBufferPointer { s in
                // Invariant: every index below is `< pairs + 1 <= u.count` or a masked bucket
                // number `< buckets`, and `s` has `buckets + 1` slots.
                for i in 0..<pairs { s[Int(Self.bucket(u[i], u[i + 1], mask)) + 1] += 1 }
                for k in 0..<buckets { s[k + 1] += s[k] }
            }
            var fill = Array(starts.dropLast())
            positions.withUnsafeMutableBufferPointer { p in
                for i in 0..<pairs {
                    let k = Int(Self.bucket(u[i], u[i + 1], mask))
                    p[Int(fill[k])] = UInt32(i)
                    fill[k] += 1
                }
            }
        }
        self.bucketStarts = starts
        self.positions = positions
    }

    /// The start of every occurrence of `form` in the text, ascending (overlapping ones too).
    /// A one-unit form is found by a scan of the text.
    ///
    /// - Complexity: O(b · m) for a form of m ≥ 2 units whose rarest bigram's bucket holds b
    ///   positions; O(n) for one unit.
    package func occurrences(of form: [UInt32]) -> [Int] {
        guard !form.isEmpty, form.count <= units.count else { return [] }
        if form.count == 1 { return units.indices.filter { units[$0] == form[0] } }
        var best = 0
        var bestRange = bucket(form[0], form[1])
        for j in 1..<(form.count - 1) {
            let range = bucket(form[j], form[j + 1])
            if range.count < bestRange.count { (best, bestRange) = (j, range) }
        }
        var found: [Int] = []
        for entry in bestRange {
            let start = Int(positions[entry]) - best
            guard start >= 0, start + form.count <= units.count else { continue }
            if units[start..<(start + form.count)].elementsEqual(form) { found.append(start) }
        }
        return found
    }

    /// The number of occurrences of `form`, as `occurrences(of:)` counts them.
    ///
    /// - Complexity: that of `occurrences(of:)`.
    package func count(of form: [UInt32]) -> Int { occurrences(of: form).count }

    private func bucket(_ u0: UInt32, _ u1: UInt32) -> Range<Int> {
        let k = Int(Self.bucket(u0, u1, mask))
        return Int(bucketStarts[k])..<Int(bucketStarts[k + 1])
    }

    @inline(__always)
    private static func bucket(_ u0: UInt32, _ u1: UInt32, _ mask: UInt64) -> UInt64 {
        SplitMix64.mix(UInt64(u0) << 32 | UInt64(u1)) & mask
    }
}
