import DoppelText

/// The tokens of one range of a `NormalizedText`, as parallel arrays: token `i` covers units
/// `starts[i] ..< ends[i]` (absolute indices) and has id `ids[i]`. Positions are `Int32`, as
/// everywhere in a text (inputs stop at 1 GiB): 12 bytes a token, which for Han text is 12
/// bytes a character.
public struct DiffTokens: Sendable, Equatable {
    /// Interned ids: equal ids mean equal unit sequences (for tokens from the same tokenizer).
    public internal(set) var ids: [Int32] = []
    /// The unit index where each token begins.
    public internal(set) var starts: [Int32] = []
    /// The unit index just past each token.
    public internal(set) var ends: [Int32] = []
    /// The unit range that was tokenised.
    public internal(set) var range: Range<Int>

    init(range: Range<Int>) { self.range = range }

    /// The number of tokens.
    public var count: Int { ids.count }

    /// The units covered by tokens `tokens`, from the first one's start to the last one's end. An
    /// empty token range gives the empty unit range just before token `tokens.lowerBound` (or at
    /// the end of the last token, or at the start of `range` when there are no tokens).
    ///
    /// - Complexity: O(1).
    public func unitRange(of tokens: Range<Int>) -> Range<Int> {
        if !tokens.isEmpty { return Int(starts[tokens.lowerBound])..<Int(ends[tokens.upperBound - 1]) }
        let at: Int
        if tokens.lowerBound < count {
            at = Int(starts[tokens.lowerBound])
        } else if count > 0 {
            at = Int(ends[count - 1])
        } else {
            at = range.lowerBound
        }
        return at..<at
    }
}

/// Splits text into the units a diff compares, so that Han text is compared character by
/// character and alphabetic text word by word:
///
/// - every `.ideograph`, `.punctuation` and `.other` unit is a token of its own;
/// - a maximal run of `.letter` and `.digit` units is one word token, unless it is longer than
///   `maximumWordLength` (a hash, a base64 blob, `aaaa…`): such a run is compared unit by unit,
///   so one changed character in it is a one-character edit, not a replacement of the run;
/// - `.space` units are not tokens; they only separate words;
/// - no token spans a paragraph boundary (`NormalizedText.paragraphStarts`).
///
/// Tokenise both sides of a comparison with the same tokenizer so their ids agree. Ids are
/// dense, `0 ..< vocabularySize`, in order of first appearance, and do not depend on `Hasher`.
public struct DiffTokenizer: Sendable {
    private var interner = TokenInterner()

    /// Longest letter-and-digit run that is still one word token.
    public static let maximumWordLength = 64

    public init() {}

    /// The number of distinct tokens seen so far; every id is below it.
    public var vocabularySize: Int { interner.count }

    /// The tokens of `text.units[range]`.
    ///
    /// - Complexity: O(`range.count` + log paragraphs) expected.
    public mutating func tokenize(_ text: NormalizedText, _ range: Range<Int>) -> DiffTokens {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= text.count,
            "token range \(range) outside text of \(text.count) units")
        var ids: [Int32] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        ids.reserveCapacity(range.count)
        starts.reserveCapacity(range.count)
        ends.reserveCapacity(range.count)
        let paragraphStarts = text.paragraphStarts
        // The first paragraph start after the range's start, found by binary search: a long text
        // has thousands of paragraphs and thousands of short gaps to tokenise.
        var nextParagraph = paragraphStarts.isEmpty ? 0 : text.paragraphIndex(of: range.lowerBound)
        while nextParagraph < paragraphStarts.count
            && paragraphStarts[nextParagraph] <= range.lowerBound
        {
            nextParagraph += 1
        }
        var boundary =
            nextParagraph < paragraphStarts.count
            ? paragraphStarts[nextParagraph] : Int.max
        text.units.withUnsafeBufferPointer { units in
            var i = range.lowerBound
            while i < range.upperBound {
                while i >= boundary {
                    nextParagraph += 1
                    boundary =
                        nextParagraph < paragraphStarts.count
                        ? paragraphStarts[nextParagraph] : Int.max
                }
                let cls = ScriptClass.of(units[i])
                if cls == .space {
                    i += 1
                    continue
                }
                var end = i + 1
                if cls.isWordPart {
                    let limit = min(range.upperBound, boundary)
                    while end < limit && ScriptClass.of(units[end]).isWordPart { end += 1 }
                }
                if end - i > Self.maximumWordLength {
                    for unit in i..<end {
                        ids.append(interner.id(of: units, unit..<unit + 1))
                        starts.append(Int32(truncatingIfNeeded: unit))
                        ends.append(Int32(truncatingIfNeeded: unit + 1))
                    }
                } else {
                    ids.append(interner.id(of: units, i..<end))
                    starts.append(Int32(truncatingIfNeeded: i))
                    ends.append(Int32(truncatingIfNeeded: end))
                }
                i = end
            }
        }
        var tokens = DiffTokens(range: range)
        tokens.ids = ids
        tokens.starts = starts
        tokens.ends = ends
        return tokens
    }
}
