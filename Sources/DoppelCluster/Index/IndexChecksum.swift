import DoppelIO

/// The checksum of index files: a fixed 64-bit hash of a byte range, fast enough to check every
/// block a query reads (several GB/s), and fixed forever (format version 1 depends on it; tests
/// pin its values).
///
/// The bytes are read as little-endian 64-bit words in stripes of four, one word per lane. Each
/// lane starts as `seed &+ laneStart[i]` and takes in its word `w` as
/// `lane = rotl(lane ^ (w &* wordMultiplier), 29) &* laneMultiplier`. The words after the last
/// whole stripe (the last one zero-padded when the count is not a multiple of 8) go to lanes 0, 1,
/// 2, 3 in turn. The result is
/// `SplitMix64.mix(mix(lane0) ^ rotl(mix(lane1), 16) ^ rotl(mix(lane2), 32) ^ rotl(mix(lane3), 48)
/// ^ count)`, with `mix` = `SplitMix64.mix`.
///
/// Every step is a bijection of the lane for a fixed word and of the word for a fixed lane, so two
/// ranges of the same length that differ in a single word (any damaged byte, or any burst of up to
/// 8 bytes within one word) always hash differently; other damage escapes with probability 2⁻⁶⁴.
public enum IndexChecksum {
    /// Multiplies each word before it enters a lane (the 64-bit golden ratio, odd).
    public static let wordMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Multiplies a lane after each word (SplitMix64's first multiplier, odd).
    public static let laneMultiplier: UInt64 = 0xBF58_476D_1CE4_E5B9
    /// Added to the seed to start lanes 0 to 3: the ASCII bytes of "doppel c" "hecksum" "index fi"
    /// "le v1 ck".
    public static let laneStarts: [UInt64] = [
        0x646F_7070_656C_2063, 0x6865_636B_7375_6D00, 0x696E_6465_7820_6669, 0x6C65_2076_3120_636B,
    ]

    /// The checksum of `bytes`.
    ///
    /// - Complexity: O(n) for n bytes.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var v0 = seed &+ laneStarts[0]
        var v1 = seed &+ laneStarts[1]
        var v2 = seed &+ laneStarts[2]
        var v3 = seed &+ laneStarts[3]
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 32 <= count {
                v0 = round(v0, word(base, offset))
                v1 = round(v1, word(base, offset + 8))
                v2 = round(v2, word(base, offset + 16))
                v3 = round(v3, word(base, offset + 24))
                offset += 32
            }
            var lane = 0
            while offset < count {
                var w: UInt64 = 0
                if offset + 8 <= count {
                    w = word(base, offset)
                } else {
                    for i in 0..<(count - offset) {
                        w |= UInt64(base.load(fromByteOffset: offset + i, as: UInt8.self)) << (8 * i)
                    }
                }
                switch lane {
                case 0: v0 = round(v0, w)
                case 1: v1 = round(v1, w)
                case 2: v2 = round(v2, w)
                default: v3 = round(v3, w)
                }
                lane += 1
                offset += 8
            }
        }
        let mixed =
            SplitMix64.mix(v0) ^ rotl(SplitMix64.mix(v1), 16) ^ rotl(SplitMix64.mix(v2), 32)
            ^ rotl(SplitMix64.mix(v3), 48)
        return SplitMix64.mix(mixed ^ UInt64(count))
    }

    /// The checksum of `bytes`.
    ///
    /// - Complexity: O(n) for n bytes.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    @inline(__always)
    private static func word(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotl(lane ^ (word &* wordMultiplier), 29) &* laneMultiplier
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { x << r | x >> (64 - r) }
}
