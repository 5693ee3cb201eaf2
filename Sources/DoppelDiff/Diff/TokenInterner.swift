import DoppelIO

/// Gives every distinct unit sequence a small integer id, the first sequence seen getting 0, the
/// next new one 1, and so on. Identical sequences get the same id, so the diff compares tokens as
/// integers.
///
/// An open-addressing table keyed by a fixed hash of the units (FNV-style multiply, SplitMix64
/// finaliser); `Hasher` is not used, so the ids depend only on the order in which sequences are
/// first seen.
struct TokenInterner {
    /// The units of every interned sequence, back to back.
    private var arena: [UInt32] = []
    /// For id `i`, its units are `arena[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slots hold `id + 1`; 0 marks an empty slot. The capacity is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    /// A direct-mapped cache of single-unit tokens, the common case: slot `u % 4096` holds
    /// `u << 32 | (id + 1)` for the last such unit looked up, 0 when empty.
    private var singles: [UInt64] = Array(repeating: 0, count: 4096)

    /// The number of distinct sequences interned so far; ids are `0 ..< count`.
    var count: Int { hashes.count }

    /// The id of `units[range]`, interning it when new.
    ///
    /// - Complexity: O(`range.count`) expected.
    mutating func id(of units: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int32 {
        guard range.count == 1 else { return lookUp(units, range) }
        let u = units[range.lowerBound]
        let slot = Int(u & 4095)
        let cached = singles[slot]
        if cached >> 32 == UInt64(u) && cached & 0xFFFF_FFFF != 0 {
            return Int32(truncatingIfNeeded: cached & 0xFFFF_FFFF) - 1
        }
        let id = lookUp(units, range)
        singles[slot] = UInt64(u) << 32 | UInt64(id + 1)
        return id
    }

    private mutating func lookUp(_ units: UnsafeBufferPointer<UInt32>, _ range: Range<Int>)
        -> Int32
    {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in range { h = (h ^ UInt64(units[i])) &* 0x0000_0100_0000_01B3 }
        h = SplitMix64.mix(h ^ UInt64(range.count))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry) - 1
            if hashes[id] == h && matches(id, units, range) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(h)
        for i in range { arena.append(units[i]) }
        starts.append(arena.count)
        slots[slot] = Int32(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    private func matches(_ id: Int, _ units: UnsafeBufferPointer<UInt32>, _ range: Range<Int>)
        -> Bool
    {
        let start = starts[id]
        guard starts[id + 1] - start == range.count else { return false }
        var j = start
        for i in range {
            if arena[j] != units[i] { return false }
            j += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (id, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }
}
