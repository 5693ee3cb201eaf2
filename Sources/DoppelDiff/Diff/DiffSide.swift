import DoppelText

/// One side of a comparison as the semantic cleanup sees it: the tokens, the text they came from,
/// the number of units under any run of tokens, and how natural a place between two tokens is for
/// an edit to begin or end.
struct DiffSide {
    let tokens: DiffTokens
    let text: NormalizedText
    /// `unitPrefix[i]`: the units in tokens `0 ..< i` (spaces between tokens not counted);
    /// `Int32`, as a text's positions are.
    private let unitPrefix: [Int32]

    init(tokens: DiffTokens, text: NormalizedText) {
        self.tokens = tokens
        self.text = text
        var prefix = [Int32](repeating: 0, count: tokens.count + 1)
        for i in 0..<tokens.count { prefix[i + 1] = prefix[i] &+ tokens.ends[i] &- tokens.starts[i] }
        unitPrefix = prefix
    }

    /// The units in tokens `range`, without the spaces between them.
    ///
    /// - Complexity: O(1).
    func unitCount(_ range: Range<Int>) -> Int {
        Int(unitPrefix[range.upperBound] - unitPrefix[range.lowerBound])
    }

    /// How good a place the gap before token `position` is for an edit boundary, after Neil
    /// Fraser's `diff_cleanupSemanticScore` (diff-match-patch), on tokens:
    /// 6 at either end of the compared range, 5 between paragraphs, 4 after a sentence-ending
    /// mark, 3 at a space, 2 after other punctuation, 1 before punctuation or where the script
    /// changes (ideographs against letters or digits), 0 inside a run of one script.
    ///
    /// - Complexity: O(log paragraphs).
    func boundaryScore(at position: Int) -> Int {
        if position == 0 || position == tokens.count { return 6 }
        let previousEnd = Int(tokens.ends[position - 1])
        let nextStart = Int(tokens.starts[position])
        if text.paragraphIndex(of: previousEnd - 1) != text.paragraphIndex(of: nextStart) {
            return 5
        }
        let previous = text.units[previousEnd - 1]
        let previousClass = ScriptClass.of(previous)
        if previousClass == .punctuation && Self.endsSentence(previous) { return 4 }
        if nextStart > previousEnd { return 3 }
        if previousClass == .punctuation { return 2 }
        let nextClass = ScriptClass.of(text.units[nextStart])
        if nextClass == .punctuation { return 1 }
        if (previousClass == .ideograph) != (nextClass == .ideograph) { return 1 }
        return 0
    }

    /// Full stops, question and exclamation marks, semicolons and ellipses, ASCII and CJK.
    private static func endsSentence(_ u: UInt32) -> Bool {
        switch u {
        case 0x21, 0x2E, 0x3B, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF0E, 0xFF1B, 0xFF1F: return true
        default: return false
        }
    }
}
