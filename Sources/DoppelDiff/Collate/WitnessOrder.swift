import DoppelIO
import DoppelText

/// The order-independent choices of a collation: a canonical order of the witnesses by their
/// content, and the central witness every other is aligned to.
///
/// Neither looks at the order the witnesses were given (except to break a tie between texts
/// that are identical unit for unit, paragraph for paragraph, which the collation cannot tell
/// apart anyway), so the collation is the same for every order of its inputs.
enum WitnessOrder {
    /// Witness positions sorted by content: length, a fixed 64-bit hash of the units and
    /// paragraph starts (SplitMix64's mixer, never `Hasher`), then the units themselves.
    ///
    /// - Complexity: O(total units + w log w) for w witnesses.
    static func canonical(_ texts: [NormalizedText]) -> [Int] {
        let hashes = texts.map(contentHash)
        return texts.indices.sorted { i, j in
            if texts[i].count != texts[j].count { return texts[i].count < texts[j].count }
            if hashes[i] != hashes[j] { return hashes[i] < hashes[j] }
            if texts[i].units != texts[j].units { return texts[i].units.lexicographicallyPrecedes(texts[j].units) }
            if texts[i].paragraphStarts != texts[j].paragraphStarts {
                return texts[i].paragraphStarts.lexicographicallyPrecedes(texts[j].paragraphStarts)
            }
            return i < j
        }
    }

    /// The fixed hash of a text's units and paragraph starts.
    static func contentHash(_ text: NormalizedText) -> UInt64 {
        var h: UInt64 = 0x646F_7070_656C_2163
        for u in text.units { h = SplitMix64.mix(h ^ UInt64(u)) }
        for p in text.paragraphStarts { h = SplitMix64.mix(h ^ (UInt64(p) << 32)) }
        return h
    }

    /// The medoid: the witness whose text shares the most with all the others, measured by the
    /// Dice coefficient of their 4-gram multisets (hashed, one in 16 for long texts, as
    /// `Aligner.alike` samples), summed in canonical order; ties go to the first in `canonical`.
    /// Aligning every other witness to the medoid keeps each pairwise alignment short and
    /// makes text that most witnesses share the center's own.
    ///
    /// - Complexity: O(n log n) per witness of n units, O(n) per pair.
    static func medoid(_ texts: [NormalizedText], canonical: [Int]) -> Int {
        guard texts.count > 2 else { return canonical[0] }
        let grams = texts.map { gramProfile($0.units) }
        var best = canonical[0]
        var bestScore = -1.0
        for i in canonical {
            var score = 0.0
            for j in canonical where j != i { score += LeftoverPairing.dice(grams[i], grams[j]) }
            if score > bestScore {
                best = i
                bestScore = score
            }
        }
        return best
    }

    /// Hashed 4-grams, sorted (one in 16 by hash past `Aligner.alikeSampleAbove / 2` units).
    static func gramProfile(_ units: [UInt32]) -> [UInt64] {
        let n = Aligner.alikeGram
        guard units.count >= n else { return [] }
        let sampled = units.count > Aligner.alikeSampleAbove / 2
        var grams: [UInt64] = []
        grams.reserveCapacity(sampled ? units.count >> 3 : units.count - n + 1)
        for i in 0...(units.count - n) {
            var h: UInt64 = 0
            for u in units[i..<i + n] { h = (h ^ UInt64(u)) &* 0x0000_0100_0000_01B3 }
            let mixed = SplitMix64.mix(h)
            if !sampled || mixed & 15 == 0 { grams.append(mixed) }
        }
        grams.sort()
        return grams
    }
}
