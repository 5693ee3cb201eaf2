import DoppelIO

extension LSHParameters {
    /// Seed of every band key: the ASCII bytes of "bandkey1".
    public static let bandSeed: UInt64 = 0x6261_6E64_6B65_7931

    /// The key of each band of `signature`, band 0 first; none for an empty signature, which
    /// therefore never becomes a candidate.
    ///
    /// Band `i` covers values `i·rows ..< (i+1)·rows`; its key starts as
    /// `SplitMix64.mix(bandSeed ^ i)` and takes in each value `v` as `key = SplitMix64.mix(key ^ v)`,
    /// so equal rows in different bands give different keys and keys are the same on every run.
    ///
    /// - Precondition: a non-empty `signature` has at least `valuesUsed` values.
    /// - Complexity: O(bands × rows).
    public func bandKeys(of signature: Signature) -> [UInt64] {
        if signature.isEmpty { return [] }
        precondition(signature.values.count >= valuesUsed, "signature shorter than the banding")
        return signature.values.withUnsafeBufferPointer { values in
            (0..<bands).map { bandKey(of: values, band: $0) }
        }
    }

    /// The key of band `band` of the signature values `values`.
    @inline(__always)
    func bandKey(of values: UnsafeBufferPointer<UInt32>, band: Int) -> UInt64 {
        var key = SplitMix64.mix(Self.bandSeed ^ UInt64(band))
        for row in (band * rows)..<((band + 1) * rows) {
            key = SplitMix64.mix(key ^ UInt64(values[row]))
        }
        return key
    }
}
