import DoppelDiff
import DoppelIO
import DoppelText

/// The settings of one comparison (`doppel diff`): each stage's options, validated by their own
/// types, and the comparison's own thresholds, validated here once when made.
///
/// ```swift
/// var options = ComparisonOptions.standard
/// options.diff = try DiffOptions(costBudget: 1_000_000)
/// ```
public struct ComparisonOptions: Sendable {
    /// The defaults: every stage's `standard`, punctuation kept, pairs below similarity 0.5
    /// reported as text on one side only.
    public static let standard = ComparisonOptions(
        normalization: .standard, align: .standard, diff: .standard, ignorePunctuation: false,
        validMinimumPairSimilarity: PassageDiffer.defaultMinimumPairSimilarity)

    /// How both texts are normalised.
    public var normalization: NormalizationOptions
    /// How the two texts are aligned.
    public var align: AlignOptions
    /// How each aligned pair is diffed.
    public var diff: DiffOptions
    /// Drop edits whose two sides differ only in punctuation.
    public var ignorePunctuation: Bool
    /// A passage pair whose similarity after diffing is below this is not a version of the
    /// other: both sides are reported as text on one side only. In `0...1`.
    public let minimumPairSimilarity: Double

    /// Validates and stores the settings; a setting not given is `standard`'s.
    ///
    /// - Throws: `DoppelError.invalidOption` when `minimumPairSimilarity` is not in `0...1`.
    /// - Complexity: O(1).
    public init(
        normalization: NormalizationOptions = standard.normalization, align: AlignOptions = standard.align,
        diff: DiffOptions = standard.diff, ignorePunctuation: Bool = standard.ignorePunctuation,
        minimumPairSimilarity: Double = standard.minimumPairSimilarity
    ) throws {
        guard (0...1).contains(minimumPairSimilarity) else {
            throw DoppelError.invalidOption(
                name: "minimumPairSimilarity", reason: "\(minimumPairSimilarity) is not in 0...1")
        }
        self.init(
            normalization: normalization, align: align, diff: diff, ignorePunctuation: ignorePunctuation,
            validMinimumPairSimilarity: minimumPairSimilarity)
    }

    private init(
        normalization: NormalizationOptions, align: AlignOptions, diff: DiffOptions,
        ignorePunctuation: Bool, validMinimumPairSimilarity: Double
    ) {
        self.normalization = normalization
        self.align = align
        self.diff = diff
        self.ignorePunctuation = ignorePunctuation
        self.minimumPairSimilarity = validMinimumPairSimilarity
    }
}
