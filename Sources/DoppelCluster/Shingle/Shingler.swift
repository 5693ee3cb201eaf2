import DoppelIO
import DoppelText

/// Cuts a `NormalizedText` into shingles and hashes each to 64 bits with a fixed hash, so a text
/// has the same shingle set on every run and machine.
///
/// Tokens: each `.ideograph` unit is a token of the character stream; each maximal run of
/// `.letter`/`.digit` units is a token of the word stream; everything else only ends a word.
/// Shingles are the `characterGram`-grams of the character stream and the `wordGram`-grams of the
/// word stream (see `ShingleOptions` for why the streams stay apart).
///
/// The hash, fixed forever (tests pin its values):
/// - an ideograph `u` is the token `SplitMix64.mix(u &+ ideographSeed)`;
/// - a word is FNV-1a over its code points taken as 64-bit values (offset basis
///   `0xCBF29CE484222325`, prime `0x100000001B3`), then the token `SplitMix64.mix(fnv ^ wordSeed)`;
/// - a gram of tokens `t0 … t(n-1)` is `SplitMix64.mix(t0·Bⁿ⁻¹ + … + t(n-1))` (mod 2⁶⁴,
///   `B = gramBase`), computed as a rolling polynomial so each gram costs two multiplications and
///   one mix whatever `n` is.
public struct Shingler: Sendable {
    /// Seed of ideograph tokens.
    public static let ideographSeed: UInt64 = 0x6964_656F_6772_6170  // "ideograp"
    /// Seed of word tokens.
    public static let wordSeed: UInt64 = 0x776F_7264_746F_6B6E  // "wordtokn"
    /// Odd multiplier of the rolling gram polynomial.
    public static let gramBase: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The gram lengths in use.
    public let options: ShingleOptions

    /// A shingler for `options`.
    ///
    /// - Complexity: O(1).
    public init(options: ShingleOptions = .standard) {
        self.options = options
    }

    /// Appends the hash of every shingle of `text`, in text order and with repeats, to `hashes`.
    /// MinHash needs no more than this (repeats do not change a minimum), so the hot path never
    /// sorts; `shingleSet(of:)` sorts and removes repeats for exact comparison.
    ///
    /// - Complexity: O(n) for n units.
    public func appendHashes(of text: NormalizedText, to hashes: inout [UInt64]) {
        _ = append(text, to: &hashes, separatingStreams: false)
    }

    /// Appends the same hashes as `appendHashes(of:to:)`, but the character stream's first (in
    /// text order, with repeats), then the word stream's (likewise), and returns how many are
    /// character shingles. Verification measures each stream's runs of unmatched shingles on
    /// its own (`AlignedShare`), and treats a changed word shingle (a number, a Latin word) in
    /// ideographic text as a changed fact.
    ///
    /// - Complexity: O(n) for n units.
    public func appendHashesByStream(of text: NormalizedText, to hashes: inout [UInt64]) -> Int {
        append(text, to: &hashes, separatingStreams: true)
    }

    /// Appends the shingle hashes of `text`; returns how many character shingles came first
    /// when `separatingStreams`, else how many hashes were appended.
    private func append(
        _ text: NormalizedText, to hashes: inout [UInt64],
        separatingStreams: Bool
    ) -> Int {
        // Each unit ends at most one gram, so `units.count` slots suffice; writing through a
        // pointer keeps uniqueness checks out of the loop.
        let first = hashes.count
        let capacity = text.units.count
        if capacity == 0 { return 0 }
        hashes.append(contentsOf: repeatElement(0, count: capacity))
        let (characters, words) = hashes.withUnsafeMutableBufferPointer { output in
            text.units.withUnsafeBufferPointer { units in
                Self.tokenKinds.withUnsafeBufferPointer { kinds in
                    if !separatingStreams {
                        return shingle(
                            units, kinds: kinds, into: output.baseAddress! + first,
                            words: nil)
                    }
                    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) {
                        let words = $0.baseAddress!
                        let counts = shingle(
                            units, kinds: kinds, into: output.baseAddress! + first,
                            words: words)
                        // Invariant: characters + words ≤ capacity, as each unit ends at most
                        // one gram of one stream.
                        (output.baseAddress! + first + counts.characters)
                            .update(from: words, count: counts.words)
                        return counts
                    }
                }
            }
        }
        hashes.removeLast(capacity - characters - words)
        return separatingStreams ? characters : characters + words
    }

    /// Writes the shingle hashes of `units` to `output`, the word stream's to `wordOutput` when
    /// given (else interleaved into `output`); returns how many each received.
    private func shingle(
        _ units: UnsafeBufferPointer<UInt32>, kinds: UnsafeBufferPointer<TokenKind>,
        into output: UnsafeMutablePointer<UInt64>,
        words wordOutput: UnsafeMutablePointer<UInt64>?
    )
        -> (characters: Int, words: Int)
    {
        let size = RollingGram.ringSize
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * size) { ring in
            // Plain locals and no closure capturing them: the loop's state stays in registers.
            var chars = RollingGram(length: options.characterGram, ring: ring.baseAddress!)
            var words = RollingGram(length: options.wordGram, ring: ring.baseAddress! + size)
            let wordTarget = wordOutput ?? output
            var produced = 0
            var wordsProduced = 0
            var fnv: UInt64 = 0
            var inWord = false
            for u in units {
                let kind = u < 0x10000 ? kinds[Int(u)] : TokenKind(ScriptClass.of(u))
                if kind == .wordPart {
                    if !inWord {
                        fnv = 0xCBF2_9CE4_8422_2325
                        inWord = true
                    }
                    fnv = (fnv ^ UInt64(u)) &* 0x100_0000_01B3
                    continue
                }
                if inWord {
                    inWord = false
                    let token = SplitMix64.mix(fnv ^ Self.wordSeed)
                    if wordOutput != nil {
                        words.push(token, wordTarget, &wordsProduced)
                    } else {
                        words.push(token, wordTarget, &produced)
                    }
                }
                if kind == .ideograph {
                    chars.push(SplitMix64.mix(UInt64(u) &+ Self.ideographSeed), output, &produced)
                }
            }
            if inWord {
                let token = SplitMix64.mix(fnv ^ Self.wordSeed)
                if wordOutput != nil {
                    words.push(token, wordTarget, &wordsProduced)
                } else {
                    words.push(token, wordTarget, &produced)
                }
            }
            return (produced, wordsProduced)
        }
    }

    /// The token kind of every BMP code point, from `ScriptClass.of`, built once per process so
    /// the hot loop does one byte lookup per unit.
    private static let tokenKinds: [TokenKind] = (0..<0x10000).map {
        TokenKind(ScriptClass.of(UInt32($0)))
    }

    /// The shingle set of `text`: every shingle hash once, ascending. Empty when the text has
    /// fewer ideographs than `characterGram` and fewer words than `wordGram`.
    ///
    /// - Complexity: O(n) expected for n units (`sortHashes`).
    public func shingleSet(of text: NormalizedText) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.units.count)
        appendHashes(of: text, to: &hashes)
        hashes.sortHashes()
        Self.removeRepeats(&hashes)
        return hashes
    }

    /// The compact shingle set of `text`: the upper 32 bits of each shingle hash, each once,
    /// ascending. Half the memory of `shingleSet(of:)`, for verifying many documents at once; two
    /// distinct shingles of a 2,000-shingle pair share their upper halves with probability about
    /// 2,000² / 2³³ ≈ 0.05 %, which moves a Jaccard value by one shingle at most.
    ///
    /// - Complexity: O(n) expected for n units (`sortHashes`).
    public func compactShingleSet(of text: NormalizedText) -> [UInt32] {
        var hashes: [UInt64] = []
        appendHashes(of: text, to: &hashes)
        return Self.compactSet(of: hashes)
    }

    /// The compact shingle set of shingle hashes given in any order, with repeats.
    ///
    /// - Complexity: O(n) for n hashes.
    static func compactSet(of hashes: [UInt64]) -> [UInt32] {
        var compact = hashes.map { UInt32(truncatingIfNeeded: $0 >> 32) }
        compact.sortHashes()
        removeRepeats(&compact)
        return compact
    }

    /// Removes adjacent repeats from an ascending array, in place.
    private static func removeRepeats<T: FixedWidthInteger>(_ sorted: inout [T]) {
        let kept = sorted.withUnsafeMutableBufferPointer { values -> Int in
            var kept = 0
            for index in values.indices where kept == 0 || values[index] != values[kept - 1] {
                values[kept] = values[index]
                kept += 1
            }
            return kept
        }
        sorted.removeLast(sorted.count - kept)
    }
}

/// The rolling polynomial over the last `length` tokens of one stream; `ring` holds them.
private struct RollingGram {
    /// Slots of the ring: a power of two, at least `ShingleOptions.maximumGram`.
    static let ringSize = 16

    let length: Int
    let ring: UnsafeMutablePointer<UInt64>
    /// `gramBase` to the power `length`: the weight a token has when it leaves the window.
    let outgoingWeight: UInt64
    var seen = 0
    var polynomial: UInt64 = 0

    init(length: Int, ring: UnsafeMutablePointer<UInt64>) {
        self.length = length
        self.ring = ring
        var weight: UInt64 = 1
        for _ in 0..<length { weight &*= Shingler.gramBase }
        outgoingWeight = weight
    }

    @inline(__always)
    mutating func push(_ token: UInt64, _ output: UnsafeMutablePointer<UInt64>, _ produced: inout Int) {
        // Wrapping arithmetic: `seen` and `produced` count units of one text, far from overflow.
        let slot = seen & (Self.ringSize - 1)
        let outgoing = seen >= length ? ring[(seen &- length) & (Self.ringSize - 1)] : 0
        ring[slot] = token
        seen &+= 1
        polynomial = polynomial &* Shingler.gramBase &+ token &- outgoing &* outgoingWeight
        if seen >= length {
            output[produced] = SplitMix64.mix(polynomial)
            produced &+= 1
        }
    }
}

/// What a code point is to the shingler.
private enum TokenKind: UInt8 {
    /// Part of a word: a letter or digit.
    case wordPart
    /// A token of its own.
    case ideograph
    /// Ends a word, nothing more: space, punctuation, other.
    case separator

    init(_ scriptClass: ScriptClass) {
        switch scriptClass {
        case .letter, .digit: self = .wordPart
        case .ideograph: self = .ideograph
        case .space, .punctuation, .other: self = .separator
        }
    }
}
