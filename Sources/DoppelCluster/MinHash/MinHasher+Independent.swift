extension MinHasher {
    /// k independent permutations by multiply-add-shift: for the upper 32 bits `y` of a shingle
    /// hash, permutation `j` gives `(a_j · y + b_j) mod 2⁶⁴ >> 32` with `a_j` odd; each value of
    /// the signature is the minimum over the shingles.
    ///
    /// - Complexity: O(n·k) for n hashes and k permutations.
    func fillIndependent(
        _ output: UnsafeMutableBufferPointer<UInt32>,
        from hashes: UnsafeBufferPointer<UInt64>
    ) {
        let k = permutations
        output.initialize(repeating: .max)
        constants.withUnsafeBufferPointer { constants in
            let multipliers = UnsafeBufferPointer(rebasing: constants[0..<k])
            let increments = UnsafeBufferPointer(rebasing: constants[k..<(2 * k)])
            // Two shingles per sweep: each multiplier, increment and minimum is loaded once for
            // two products.
            var index = 0
            while index + 1 < hashes.count {
                let y0 = hashes[index] >> 32
                let y1 = hashes[index + 1] >> 32
                for j in 0..<k {
                    let a = multipliers[j]
                    let b = increments[j]
                    let v0 = UInt32(truncatingIfNeeded: (a &* y0 &+ b) >> 32)
                    let v1 = UInt32(truncatingIfNeeded: (a &* y1 &+ b) >> 32)
                    output[j] = min(output[j], min(v0, v1))
                }
                index += 2
            }
            if index < hashes.count {
                let y = hashes[index] >> 32
                for j in 0..<k {
                    let value = UInt32(truncatingIfNeeded: (multipliers[j] &* y &+ increments[j]) >> 32)
                    output[j] = min(output[j], value)
                }
            }
        }
    }
}
