/// The overlap of two shingle sets, from which Jaccard similarity and containment follow.
public struct SetOverlap: Sendable, Equatable {
    /// Shingles in both sets.
    public let intersection: Int
    /// Size of the first set.
    public let firstCount: Int
    /// Size of the second set.
    public let secondCount: Int

    /// The overlap of two counted sets.
    ///
    /// - Complexity: O(1).
    public init(intersection: Int, firstCount: Int, secondCount: Int) {
        precondition(intersection >= 0 && intersection <= min(firstCount, secondCount))
        self.intersection = intersection
        self.firstCount = firstCount
        self.secondCount = secondCount
    }

    /// The exact overlap of two sets given as ascending arrays without repeats (as
    /// `Shingler.shingleSet(of:)` and `compactShingleSet(of:)` return them).
    ///
    /// - Complexity: O(m + n): one merge.
    public init<Element: FixedWidthInteger>(_ a: [Element], _ b: [Element]) {
        self = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SetOverlap(a, b) } }
    }

    /// The exact overlap of two ascending sets without repeats in contiguous storage.
    ///
    /// - Complexity: O(m + n): one merge.
    public init<Element: FixedWidthInteger>(
        _ a: UnsafeBufferPointer<Element>,
        _ b: UnsafeBufferPointer<Element>
    ) {
        var common = 0
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            let x = a[i]
            let y = b[j]
            if x == y { common += 1 }
            if x <= y { i += 1 }
            if y <= x { j += 1 }
        }
        self.init(intersection: common, firstCount: a.count, secondCount: b.count)
    }

    /// `|A ∩ B| / |A ∪ B|`; 0 when both sets are empty (two empty texts are not alike).
    public var jaccard: Double {
        let union = firstCount + secondCount - intersection
        return union == 0 ? 0 : Double(intersection) / Double(union)
    }

    /// `|A ∩ B| / min(|A|, |B|)`: how much of the smaller set the larger holds, 1 when a
    /// truncated copy is wholly inside its full version; 0 when either set is empty.
    public var containment: Double {
        let smaller = min(firstCount, secondCount)
        return smaller == 0 ? 0 : Double(intersection) / Double(smaller)
    }

    /// The overlap implied by a Jaccard estimate for sets of the given sizes:
    /// `|A ∩ B| = J · (|A| + |B|) / (1 + J)`, rounded and clamped to the smaller size.
    ///
    /// - Complexity: O(1).
    public static func estimated(jaccard: Double, firstCount: Int, secondCount: Int) -> SetOverlap {
        let raw = jaccard * Double(firstCount + secondCount) / (1 + jaccard)
        let common = min(min(firstCount, secondCount), max(0, Int(raw.rounded())))
        return SetOverlap(intersection: common, firstCount: firstCount, secondCount: secondCount)
    }
}
