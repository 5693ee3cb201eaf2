extension RandomAccessCollection {
    /// The index of the first element for which `belongsToSecondPart` holds, in a collection
    /// partitioned by it (every element for which it is false comes before every element for
    /// which it is true); `endIndex` when it holds for none. A binary search.
    ///
    /// ```swift
    /// [1, 3, 3, 7].partitioningIndex { $0 > 3 }  // 3
    /// [1, 3, 3, 7].partitioningIndex { $0 >= 3 }  // 1
    /// ```
    ///
    /// - Complexity: O(log n) calls of `belongsToSecondPart`.
    package func partitioningIndex(where belongsToSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsToSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
