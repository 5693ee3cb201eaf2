import Testing

@testable import DoppelCluster
@testable import DoppelIO

/// The checksum is part of format version 1: its values must never change (they were computed
/// independently from the documented algorithm).
@Test func checksumValuesArePinned() {
    #expect(IndexChecksum.hash([]) == IndexChecksum.hash([UInt8]()))
    let pinned: [(String, UInt64)] = [
        ("", 0x924C_0038_F4E4_0C61),
        ("doppel", 0x012E_0225_41D6_D4B7),
        (String(repeating: "版本", count: 40), 0x54B4_870F_9364_44C4),
    ]
    for (text, value) in pinned {
        #expect(IndexChecksum.hash(Array(text.utf8)) == value, "\(text)")
    }
}

@Test func everySingleByteChangeChangesTheChecksum() {
    var generator = SplitMix64(seed: 7)
    for length in [1, 7, 8, 9, 31, 32, 33, 95, 4096] {
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let original = IndexChecksum.hash(bytes)
        for position in 0..<length {
            var damaged = bytes
            damaged[position] ^= UInt8(1 << (position % 8))
            #expect(IndexChecksum.hash(damaged) != original, "length \(length), byte \(position)")
        }
    }
}

@Test func trailingZerosAndSeedsGiveOtherChecksums() {
    let bytes: [UInt8] = [1, 2, 3]
    #expect(IndexChecksum.hash(bytes) != IndexChecksum.hash(bytes + [0]))
    #expect(IndexChecksum.hash(bytes) != IndexChecksum.hash(bytes + [0, 0, 0, 0, 0]))
    #expect(IndexChecksum.hash(bytes, seed: 1) != IndexChecksum.hash(bytes))
}
