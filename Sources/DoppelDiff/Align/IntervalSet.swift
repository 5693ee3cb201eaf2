/// Disjoint integer ranges kept sorted, for overlap queries: the text that passage selection
/// has taken, and what a gap leaves free.
struct IntervalSet {
    private var ranges: [Range<Int>] = []

    init() {}

    /// A set of ranges already sorted and disjoint.
    ///
    /// - Precondition: `ranges` ascending and non-overlapping.
    init(sorted ranges: [Range<Int>]) { self.ranges = ranges }

    /// The parts of `r` that no range of the set covers, in order.
    ///
    /// - Complexity: O(log n + k) for k ranges overlapping `r`.
    func gaps(in r: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = r.lowerBound
        for taken in overlapping(r) {
            if taken.lowerBound > cursor { result.append(cursor..<taken.lowerBound) }
            cursor = max(cursor, taken.upperBound)
        }
        if cursor < r.upperBound { result.append(cursor..<r.upperBound) }
        return result
    }

    /// - Complexity: O(log n).
    func overlaps(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].lowerBound < r.upperBound
    }

    /// The ranges that overlap `r`, in order.
    ///
    /// - Complexity: O(log n + k) for k results.
    func overlapping(_ r: Range<Int>) -> [Range<Int>] {
        guard !r.isEmpty else { return [] }
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var result: [Range<Int>] = []
        while lo < ranges.count && ranges[lo].lowerBound < r.upperBound {
            result.append(ranges[lo])
            lo += 1
        }
        return result
    }

    /// - Complexity: O(n) for the insertion.
    mutating func insert(_ r: Range<Int>) {
        var lo = 0
        var hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].lowerBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        ranges.insert(r, at: lo)
    }
}
