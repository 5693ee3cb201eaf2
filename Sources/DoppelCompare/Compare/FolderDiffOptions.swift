import DoppelCluster
import DoppelIO
import DoppelText

/// The settings of `doppel diff DIR_A DIR_B`: how each pair is compared, how files are read and
/// found, and the thresholds that pair files of different names, validated here once when made.
///
/// ```swift
/// let options = try FolderDiffOptions(matchSimilarity: 0.7)   // .standard for the defaults
/// ```
public struct FolderDiffOptions: Sendable {
    /// The defaults: `ComparisonOptions.standard`, every file, stop at the first unreadable one,
    /// pair files of different names from similarity 0.5, compare them from overlap 0.2.
    public static let standard = FolderDiffOptions(
        comparison: .standard, input: InputOptions(), walk: FileWalkOptions(), onError: .stop,
        validMatchSimilarity: 0.5, candidateOverlap: 0.2)

    /// How each pair of files is compared.
    public var comparison: ComparisonOptions
    /// How files are read (encoding, format).
    public var input: InputOptions
    /// Which files of each folder take part (`--include`, hidden files).
    public var walk: FileWalkOptions
    /// Stop at the first unreadable file (the error is thrown), or report it and go on.
    public var onError: FileCorpus.OnError
    /// Least `Comparison.similarity` for two files of different names to be paired. In `0...1`.
    public let matchSimilarity: Double
    /// Least shingle Jaccard similarity or containment for two files of different names to be
    /// compared at all (a cheap filter before the full comparison). In `0...1`.
    public let candidateOverlap: Double

    /// Validates and stores the settings; a setting not given is `standard`'s.
    ///
    /// - Throws: `DoppelError.invalidOption` naming a threshold outside `0...1`.
    /// - Complexity: O(1).
    public init(
        comparison: ComparisonOptions = standard.comparison, input: InputOptions = standard.input,
        walk: FileWalkOptions = standard.walk, onError: FileCorpus.OnError = standard.onError,
        matchSimilarity: Double = standard.matchSimilarity,
        candidateOverlap: Double = standard.candidateOverlap
    ) throws {
        for (name, value) in [("matchSimilarity", matchSimilarity), ("candidateOverlap", candidateOverlap)]
        where !(0...1).contains(value) {
            throw DoppelError.invalidOption(name: name, reason: "\(value) is not in 0...1")
        }
        self.init(
            comparison: comparison, input: input, walk: walk, onError: onError,
            validMatchSimilarity: matchSimilarity, candidateOverlap: candidateOverlap)
    }

    private init(
        comparison: ComparisonOptions, input: InputOptions, walk: FileWalkOptions,
        onError: FileCorpus.OnError, validMatchSimilarity: Double, candidateOverlap: Double
    ) {
        self.comparison = comparison
        self.input = input
        self.walk = walk
        self.onError = onError
        self.matchSimilarity = validMatchSimilarity
        self.candidateOverlap = candidateOverlap
    }
}
