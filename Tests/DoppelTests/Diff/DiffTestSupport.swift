import Foundation

@testable import DoppelDiff
@testable import DoppelText

/// A text whose units are the code points of `paragraphs`, one paragraph each, no map kept.
func paragraphText(_ paragraphs: String...) -> NormalizedText {
    var units: [UInt32] = []
    var starts: [Int] = []
    for paragraph in paragraphs {
        starts.append(units.count)
        units.append(contentsOf: paragraph.unicodeScalars.map(\.value))
    }
    return NormalizedText(
        units: units, originStarts: [], originEnds: [], paragraphStarts: starts,
        originCount: units.count)
}

/// A sample page as a text: every non-empty line a paragraph, line breaks dropped.
func sampleText(_ name: String) throws -> NormalizedText {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let string = try String(
        contentsOf: root.appendingPathComponent("samples/\(name)"),
        encoding: .utf8)
    var units: [UInt32] = []
    var starts: [Int] = []
    for line in string.split(separator: "\n", omittingEmptySubsequences: true) {
        starts.append(units.count)
        units.append(contentsOf: line.unicodeScalars.map(\.value))
    }
    return NormalizedText(
        units: units, originStarts: [], originEnds: [], paragraphStarts: starts,
        originCount: units.count)
}

/// Diffs two whole single-paragraph strings.
func diffStrings(_ a: String, _ b: String, options: DiffOptions = .standard)
    -> (NormalizedText, NormalizedText, DiffResult)
{
    let ta = NormalizedText(identity: a)
    let tb = NormalizedText(identity: b)
    return (ta, tb, TextDiff.diff(ta, 0..<ta.count, tb, 0..<tb.count, options: options))
}

/// Each edit as `[-removed-]{+added+}`, for readable expectations.
func describe(_ result: DiffResult, _ a: NormalizedText, _ b: NormalizedText) -> [String] {
    result.edits.map { "[-\(a.string($0.a))-]{+\(b.string($0.b))+}" }
}

/// Both sides of a comparison of two strings, tokenised with one tokenizer.
func sides(_ a: String, _ b: String) -> (DiffSide, DiffSide) {
    let ta = NormalizedText(identity: a)
    let tb = NormalizedText(identity: b)
    var tokenizer = DiffTokenizer()
    let tokensA = tokenizer.tokenize(ta, 0..<ta.count)
    let tokensB = tokenizer.tokenize(tb, 0..<tb.count)
    return (DiffSide(tokens: tokensA, text: ta), DiffSide(tokens: tokensB, text: tb))
}

/// True when `script` is a valid script from `a` to `b`: spans contiguous from start to end,
/// alternating, equal runs non-empty and truly equal, changes non-empty.
func isValid(_ script: TokenScript, _ a: [Int32], _ b: [Int32]) -> Bool {
    var i = 0
    var j = 0
    var previousEqual: Bool?
    for span in script.spans {
        guard span.a.lowerBound == i, span.b.lowerBound == j, previousEqual != span.isEqual
        else { return false }
        if span.isEqual {
            guard span.a.count == span.b.count, !span.a.isEmpty,
                a[span.a] == b[span.b]
            else { return false }
        } else if span.a.isEmpty && span.b.isEmpty {
            return false
        }
        i = span.a.upperBound
        j = span.b.upperBound
        previousEqual = span.isEqual
    }
    return i == a.count && j == b.count
}

/// The units with space units left out.
func withoutSpaces(_ units: some Sequence<UInt32>) -> [UInt32] {
    units.filter { ScriptClass.of($0) != .space }
}
