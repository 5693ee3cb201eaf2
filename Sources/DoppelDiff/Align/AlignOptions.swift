import DoppelIO

/// The tunables of alignment, validated once when made; the defaults suit newspaper pages.
///
/// ```swift
/// let strict = try AlignOptions(maxGap: 100)   // AlignOptions.standard for the defaults
/// ```
public struct AlignOptions: Sendable, Equatable {
    /// The defaults: anchors of 8 or 12 units by script, gaps of up to 300 units inside a
    /// passage, one-sided gaps of 40 units splitting it, edges drawn in up to 40 units, one
    /// anchor candidate in 8 above 200,000 units.
    public static let standard = AlignOptions(
        validAnchorLength: nil, maxGap: 300, oneSidedGap: 40, edgeSlack: 40, samplingAbove: 200_000, sampling: 8)

    /// Length in units of the k-grams used as anchors; `nil` picks 8 for text written mostly in
    /// ideographs and 12 otherwise.
    public let anchorLength: Int?
    /// Largest gap (in units, on either side) that may separate two matches of one passage.
    public let maxGap: Int
    /// A one-sided gap at least this long (with the other side at most a quarter of it) splits a
    /// passage: the text there is reported as existing on one side only, not as an edit.
    public let oneSidedGap: Int
    /// Unmatched text at a passage's edge up to this long is drawn into the passage when it
    /// reaches a paragraph boundary (so an edit in a passage's first characters is an edit); in
    /// text not written mostly in ideographs, three times as long when both versions have text
    /// there (an English clause deleted before a paragraph's full stop).
    public let edgeSlack: Int
    /// Texts longer than this (A plus B, in units) sample anchors: about one k-gram in
    /// `sampling` is an anchor candidate, chosen by its hash, so both sides sample the same ones.
    public let samplingAbove: Int
    /// One k-gram in this many is an anchor candidate above `samplingAbove`.
    public let sampling: UInt64

    /// The largest anchor length accepted.
    public static let maximumAnchorLength = 64

    /// Validates and stores the settings; a setting not given is `standard`'s.
    ///
    /// - Throws: `DoppelError.invalidOption` naming the first setting out of range: an anchor
    ///   length outside `2...maximumAnchorLength`, a negative gap or slack, a one-sided gap
    ///   below 1, a sampling rate below 1.
    /// - Complexity: O(1).
    public init(
        anchorLength: Int? = standard.anchorLength, maxGap: Int = standard.maxGap,
        oneSidedGap: Int = standard.oneSidedGap, edgeSlack: Int = standard.edgeSlack,
        samplingAbove: Int = standard.samplingAbove, sampling: UInt64 = standard.sampling
    ) throws {
        func check(_ valid: Bool, _ name: String, _ reason: @autoclosure () -> String) throws {
            if !valid { throw DoppelError.invalidOption(name: name, reason: reason()) }
        }
        if let anchorLength {
            try check(
                (2...Self.maximumAnchorLength).contains(anchorLength), "anchorLength",
                "\(anchorLength) is not in 2...\(Self.maximumAnchorLength)")
        }
        try check(maxGap >= 0, "maxGap", "\(maxGap) is negative")
        try check(oneSidedGap >= 1, "oneSidedGap", "\(oneSidedGap) is below 1")
        try check(edgeSlack >= 0, "edgeSlack", "\(edgeSlack) is negative")
        try check(samplingAbove >= 0, "samplingAbove", "\(samplingAbove) is negative")
        try check(sampling >= 1, "sampling", "\(sampling) is below 1")
        self.init(
            validAnchorLength: anchorLength, maxGap: maxGap, oneSidedGap: oneSidedGap,
            edgeSlack: edgeSlack, samplingAbove: samplingAbove, sampling: sampling)
    }

    private init(
        validAnchorLength: Int?, maxGap: Int, oneSidedGap: Int, edgeSlack: Int, samplingAbove: Int,
        sampling: UInt64
    ) {
        self.anchorLength = validAnchorLength
        self.maxGap = maxGap
        self.oneSidedGap = oneSidedGap
        self.edgeSlack = edgeSlack
        self.samplingAbove = samplingAbove
        self.sampling = sampling
    }
}
