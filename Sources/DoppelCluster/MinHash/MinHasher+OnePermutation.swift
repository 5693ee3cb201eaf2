import DoppelIO

extension MinHasher {
    /// One-permutation hashing with optimal densification.
    ///
    /// Each shingle hash `x` becomes `h = SplitMix64.mix(x ^ binSeed)`; the bin is
    /// `(h >> 32) · k >> 32` (a multiply-shift range reduction) and the bin keeps the smallest
    /// `h`, reported as its lower 32 bits. An empty bin `i` then borrows the value of the first
    /// non-empty bin in the fixed probe sequence `j(i, t) = range(mix(densifySeed ^ (i << 32 | t)))`
    /// for t = 1, 2, … (Shrivastava 2017): because the sequence depends on `i` and `t` only, two
    /// sets with the same minimum in the donor bin agree on the borrowed bin too, which keeps the
    /// estimate unbiased with the lowest variance among densification schemes.
    ///
    /// Returns the number of bins that were empty and borrowed their value.
    ///
    /// - Complexity: O(n + k·k/f) for n hashes, k bins and f non-empty bins.
    func fillOnePermutation(
        _ output: UnsafeMutableBufferPointer<UInt32>,
        from hashes: UnsafeBufferPointer<UInt64>
    ) -> Int {
        let bins = permutations
        let binSeed = constants[0]
        let densifySeed = constants[1]
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: bins) { minima in
            minima.initialize(repeating: .max)
            let binCount = UInt64(bins)
            for x in hashes {
                let h = SplitMix64.mix(x ^ binSeed)
                let bin = Int(truncatingIfNeeded: ((h >> 32) &* binCount) >> 32)
                if h < minima[bin] { minima[bin] = h }
            }
            var borrowed = 0
            for i in 0..<bins {
                if minima[i] == .max { borrowed += 1 }
                var donor = i
                var probe: UInt64 = 1
                while minima[donor] == .max {
                    let r = SplitMix64.mix(densifySeed ^ (UInt64(i) << 32 | probe))
                    donor = Int(truncatingIfNeeded: ((r >> 32) &* binCount) >> 32)
                    probe += 1
                }
                output[i] = UInt32(truncatingIfNeeded: minima[donor])
            }
            return borrowed
        }
    }
}
