/// An open-addressing hash set of compact shingles (32-bit shingle hashes), reused from one set
/// to the next without allocating: pass 1 removes a document's repeated shingles with it, and
/// verification loads one document's set and counts how many of another's it holds.
///
/// Compact shingles are upper halves of mixed 64-bit hashes, uniform in every bit, so a value's
/// low bits are its slot; probing is linear, and the table is kept mostly empty (`reset`). Against
/// a merge of two sorted sets, whose every step waits on an unpredictable branch, lookups are
/// independent of each other, and no set needs sorting.
struct CompactSetTable {
    /// Slot contents; 0 marks an empty slot (the value 0 itself is tracked by `holdsZero`).
    private var slots: [UInt32] = []
    private var mask = 0
    private var holdsZero = false
    /// Distinct values inserted since the last `reset`.
    private(set) var count = 0

    /// Empties the table and sizes it for up to `capacity` values.
    ///
    /// - Complexity: O(capacity).
    mutating func reset(capacity: Int) {
        // At most an eighth full while the table is small (32K slots, 128 KB, at most): a
        // probe, for a value held or not, then mostly ends at its first slot. A run on the 100k
        // bench corpus took 5.1-5.3 s of CPU so, 5.6 at most a quarter full, 7.0-7.3 at most
        // half full (verification's lookups of values not held, most of them, probe longest).
        // At most half full beyond that, so a huge set takes no more than 8 bytes a value.
        var size = 64
        while size < 2 * capacity || (size < 8 * capacity && size < 1 << 15) { size *= 2 }
        if slots.count != size {
            slots = [UInt32](repeating: 0, count: size)
        } else {
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        mask = size - 1
        holdsZero = false
        count = 0
    }

    /// Adds the upper halves of `hashes` (their compact shingles), appending each value not
    /// yet held to `newValues` when `keepingNew`.
    ///
    /// - Precondition: at most `capacity` (of the last `reset`) distinct values in all.
    /// - Complexity: O(hashes.count) expected.
    mutating func insert(
        upperHalvesOf hashes: UnsafeBufferPointer<UInt64>,
        newValues: inout [UInt32], keepingNew: Bool
    ) {
        guard keepingNew else {
            insertUpperHalves(hashes, writingNewTo: nil)
            return
        }
        // Room for every hash, written through a pointer (no uniqueness check or growth per
        // value), then trimmed to the values that were new.
        let first = newValues.count
        newValues.append(contentsOf: repeatElement(0, count: hashes.count))
        let added = newValues.withUnsafeMutableBufferPointer {
            insertUpperHalves(hashes, writingNewTo: $0.baseAddress! + first)
        }
        newValues.removeLast(hashes.count - added)
    }

    /// Adds the upper halves of `hashes`, writing each value not yet held to `output` (when
    /// given) in order; returns how many were new.
    ///
    /// - Precondition: `output` has room for `hashes.count` values.
    @discardableResult
    private mutating func insertUpperHalves(
        _ hashes: UnsafeBufferPointer<UInt64>, writingNewTo output: UnsafeMutablePointer<UInt32>?
    ) -> Int {
        let mask = mask
        var added = 0
        var zero = holdsZero
        slots.withUnsafeMutableBufferPointer { slots in
            // Invariant: `mask + 1 == slots.count`, so every probed slot is in the table.
            let table = slots.baseAddress!
            for hash in hashes {
                let value = UInt32(truncatingIfNeeded: hash >> 32)
                if value == 0 {
                    if !zero {
                        zero = true
                        output?[added] = 0
                        added += 1
                    }
                    continue
                }
                var slot = Int(value) & mask
                while true {
                    let held = table[slot]
                    if held == value { break }
                    if held == 0 {
                        table[slot] = value
                        output?[added] = value
                        added += 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        holdsZero = zero
        count += added
        return added
    }

    /// Adds `values`.
    ///
    /// - Precondition: at most `capacity` (of the last `reset`) distinct values in all.
    /// - Complexity: O(values.count) expected.
    mutating func insert(_ values: UnsafeBufferPointer<UInt32>) {
        insert(values) { _ in }
    }

    @inline(__always)
    private mutating func insert(_ values: some Sequence<UInt32>, new: (UInt32) -> Void) {
        let mask = mask
        var added = 0
        var zero = holdsZero
        slots.withUnsafeMutableBufferPointer { slots in
            for value in values {
                if value == 0 {
                    if !zero {
                        zero = true
                        added += 1
                        new(value)
                    }
                    continue
                }
                var slot = Int(value) & mask
                while true {
                    let held = slots[slot]
                    if held == value { break }
                    if held == 0 {
                        slots[slot] = value
                        added += 1
                        new(value)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        holdsZero = zero
        count += added
    }

    /// Whether the table holds `value`.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value == 0 { return holdsZero }
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(value) & mask
            while true {
                let held = slots[slot]
                if held == value { return true }
                if held == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    /// How many of `values` (distinct, in any order) the table holds; nil as soon as fewer than
    /// `needed` is certain.
    ///
    /// - Complexity: O(values.count) expected.
    func commonCount(_ values: UnsafeBufferPointer<UInt32>, needed: Int) -> Int? {
        if needed > values.count { return nil }
        return slots.withUnsafeBufferPointer { slots in
            var common = 0
            var index = 0
            while index < values.count {
                // Check the bound every 64 values: the loop itself stays free of it.
                let end = min(values.count, index + 64)
                while index < end {
                    let value = values[index]
                    index += 1
                    if value == 0 {
                        if holdsZero { common += 1 }
                        continue
                    }
                    var slot = Int(value) & mask
                    while true {
                        let held = slots[slot]
                        if held == value {
                            common += 1
                            break
                        }
                        if held == 0 { break }
                        slot = (slot + 1) & mask
                    }
                }
                if common + (values.count - index) < needed { return nil }
            }
            return common
        }
    }

    /// Whether the table holds at least `needed` of `values` (distinct): stops at the first
    /// value that makes it impossible, so a set far from contained costs few lookups.
    ///
    /// - Complexity: O(values.count) expected at most.
    func holdsAtLeast(_ needed: Int, of values: UnsafeBufferPointer<UInt32>) -> Bool {
        var allowedMisses = values.count - needed
        if allowedMisses < 0 { return false }
        return slots.withUnsafeBufferPointer { slots in
            for value in values {
                var found = value == 0 && holdsZero
                if value != 0 {
                    var slot = Int(value) & mask
                    while true {
                        let held = slots[slot]
                        if held == value {
                            found = true
                            break
                        }
                        if held == 0 { break }
                        slot = (slot + 1) & mask
                    }
                }
                if !found {
                    allowedMisses -= 1
                    if allowedMisses < 0 { return false }
                }
            }
            return true
        }
    }
}
