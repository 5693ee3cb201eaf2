import DoppelIO

/// How a text is cut into shingles: character n-grams over its ideographs and word n-grams over
/// its words, both taken from the same text and pooled into one set.
///
/// Ideographic scripts (Han, kana, hangul) are written without spaces, so each ideograph is a
/// token and shingles are `characterGram` consecutive ideographs; alphabetic scripts are compared
/// word by word, so shingles are `wordGram` consecutive words (maximal runs of letters and digits).
/// The two streams are kept apart rather than mixed into one token stream: a number inside Chinese
/// text (`2024年`) then changes only the word grams around it, and a document never switches gram
/// length because its mix of scripts tipped over a boundary. Punctuation, spaces and other code
/// points are skipped, so a change of punctuation changes no shingle.
///
/// Measured on the 40 articles of the sample pages against one stream of 5-grams over both kinds
/// of token: three numbers changed leave Jaccard 0.98 (one stream: 0.94), five Han characters
/// changed 0.91 (the same), and the most similar unrelated pair stays at 0.05 (one stream: 0.04).
public struct ShingleOptions: Sendable, Equatable, CustomStringConvertible {
    /// Ideographs per character shingle.
    public let characterGram: Int
    /// Words per word shingle.
    public let wordGram: Int

    /// The defaults: 5 ideographs (a Chinese word is mostly 1-3 characters, so a 5-gram spans two
    /// or three words and rarely recurs by chance) and 3 words (the usual choice for Latin text,
    /// where words carry more information each).
    public static let standard = ShingleOptions(validCharacterGram: 5, wordGram: 3)

    /// The largest gram length accepted for either stream.
    public static let maximumGram = 16

    /// Validates and stores both gram lengths.
    ///
    /// - Throws: `DoppelError.invalidOption` when a length is outside `1...maximumGram`.
    /// - Complexity: O(1).
    public init(characterGram: Int = 5, wordGram: Int = 3) throws {
        for (name, value) in [("characterGram", characterGram), ("wordGram", wordGram)]
        where !(1...Self.maximumGram).contains(value) {
            throw DoppelError.invalidOption(
                name: name, reason: "\(value) is not in 1...\(Self.maximumGram)")
        }
        self.init(validCharacterGram: characterGram, wordGram: wordGram)
    }

    private init(validCharacterGram: Int, wordGram: Int) {
        self.characterGram = validCharacterGram
        self.wordGram = wordGram
    }

    /// A short label for reports, such as `char5+word3`.
    public var description: String { "char\(characterGram)+word\(wordGram)" }
}
