import DoppelIO
import DoppelText

/// The settings of one collation (`doppel collate`), validated once when made. Each witness is
/// normalised and every pair is aligned and diffed exactly as `doppel diff` does it, so these are
/// the settings of a comparison.
public struct CollationOptions: Sendable, Equatable {
    /// How each witness is normalised. Default: `NormalizationOptions.standard`.
    public let normalization: NormalizationOptions
    /// How two witnesses are aligned. Default: `AlignOptions.standard`.
    public let align: AlignOptions
    /// How an aligned pair is diffed. Default: `DiffOptions.standard`.
    public let diff: DiffOptions
    /// Drop differences that change only punctuation. Default false.
    public let ignorePunctuation: Bool
    /// A passage pair whose similarity after diffing is below this is not a version of the
    /// other. Default `PassageDiffer.defaultMinimumPairSimilarity` (0.5), as `doppel diff`.
    public let minimumPairSimilarity: Double

    /// The defaults.
    public static let standard = try! CollationOptions()

    /// Validates and stores the settings.
    ///
    /// - Throws: `DoppelError.invalidOption` naming the first setting out of range.
    public init(
        normalization: NormalizationOptions = .standard, align: AlignOptions = .standard,
        diff: DiffOptions = .standard, ignorePunctuation: Bool = false,
        minimumPairSimilarity: Double = PassageDiffer.defaultMinimumPairSimilarity
    ) throws {
        guard (0...1).contains(minimumPairSimilarity) else {
            throw DoppelError.invalidOption(
                name: "minimumPairSimilarity",
                reason: "\(minimumPairSimilarity) is not in 0...1")
        }
        guard normalization.keepMap else {
            throw DoppelError.invalidOption(
                name: "normalization.keepMap",
                reason: "a collation maps readings back to the files: keepMap must be true")
        }
        self.normalization = normalization
        self.align = align
        self.diff = diff
        self.ignorePunctuation = ignorePunctuation
        self.minimumPairSimilarity = minimumPairSimilarity
    }
}
