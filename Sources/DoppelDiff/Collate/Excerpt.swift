import DoppelIO
import DoppelText

/// Some ranges of a witness's text, joined into a text of their own so they can be collated
/// again (the text the central witness lacks), with the way back to the witness's units.
struct Excerpt: Sendable {
    /// The joined units; each range, and each paragraph inside one, starts a paragraph.
    let text: NormalizedText
    /// Where each range begins in `text` (ascending) and in the witness.
    private let starts: [Int]
    private let originals: [Int]

    /// - Complexity: O(total length of `ranges`).
    init(_ text: NormalizedText, ranges: [Range<Int>]) {
        var units: [UInt32] = []
        var paragraphs: [Int] = []
        var starts: [Int] = []
        var originals: [Int] = []
        for range in ranges where !range.isEmpty {
            starts.append(units.count)
            originals.append(range.lowerBound)
            for piece in text.paragraphRanges(in: range) {
                paragraphs.append(units.count + piece.lowerBound - range.lowerBound)
            }
            units.append(contentsOf: text.units[range])
        }
        self.text = NormalizedText(
            units: units, origins: OriginMap(), paragraphStarts: paragraphs,
            originCount: text.originCount)
        self.starts = starts
        self.originals = originals
    }

    /// A range of the excerpt as a range of the witness. A range reaching across the end of one
    /// joined range into the next spans the witness's text between them.
    ///
    /// - Complexity: O(log ranges).
    func original(_ range: Range<Int>) -> Range<Int> {
        let lower = position(range.lowerBound, end: false)
        return lower..<max(lower, position(range.upperBound, end: true))
    }

    private func position(_ p: Int, end: Bool) -> Int {
        let after = starts.partitioningIndex { end ? $0 >= p : $0 > p }
        let k = max(0, after - 1)
        return starts.isEmpty ? 0 : originals[k] + p - starts[k]
    }
}
