import Foundation
import Testing

@testable import DoppelText

/// A base and its combining marks fold as one cluster of at most 30 marks (UAX #15 stream-safe
/// text): a longer run is cut into pieces folded on their own, which keeps it linear.
@Suite struct NormalizerStreamSafeTests {
    /// The distinct origin ranges of a text's units in order, each with the units mapped to it.
    private static func pieces(_ text: NormalizedText) -> [(origin: Range<Int>, units: [UInt32])] {
        var result: [(origin: Range<Int>, units: [UInt32])] = []
        for k in 0..<text.count {
            let origin = text.origins.range(of: k)
            if result.last?.origin == origin {
                result[result.count - 1].units.append(text.units[k])
            } else {
                result.append((origin, [text.units[k]]))
            }
        }
        return result
    }

    /// What NFKC makes of some code points on their own.
    private static func nfkc(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt32] {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view).precomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
    }

    /// `a` followed by `count` marks alternating U+0301 (class 230) and U+0327 (class 202), which
    /// NFKC must reorder.
    private static func alternating(_ count: Int) -> [Unicode.Scalar] {
        ["a"] + (0..<count).map { $0 % 2 == 0 ? "\u{0301}" : "\u{0327}" }
    }

    @Test func aLongRunOfAlternatingMarksIsCutIntoPiecesOfThirtyEachFoldedOnItsOwn() {
        let scalars = Self.alternating(100_000)
        let text = Normalizer().normalize(scalars)
        let pieces = Self.pieces(text)
        // The map covers every original code point, in order, piece after piece: the base with the
        // first 30 marks, then 30 marks at a time (3,333 pieces after the first, the last of 10).
        #expect(pieces.first?.origin == 0..<31)
        #expect(pieces.last?.origin == 99_991..<100_001)
        #expect(pieces.count == 1 + 3_333)
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.origin.upperBound == $1.origin.lowerBound })
        #expect(pieces.dropFirst().allSatisfy { $0.origin.count <= Normalizer.maximumClusterMarks })
        // Each piece's units are what NFKC gives for that piece alone.
        for piece in pieces where piece.units != Self.nfkc(scalars[piece.origin]) {
            Issue.record("piece \(piece.origin) folds to \(piece.units.count) units, not its NFKC")
            break
        }
        #expect(text.ledger.compatibilityFolded == 1)
        #expect(text.paragraphStarts == [0])
    }

    @Test func aClusterOfThirtyMarksIsFoldedWholeAndOneOfThirtyOneIsCutAfterTheThirtieth() {
        let thirty = Self.alternating(30)
        let whole = Normalizer().normalize(thirty)
        // NFKC of the whole cluster: `á` (U+0301 composes past the lower-class U+0327), the
        // cedillas moved before the acutes, every unit mapped to the whole cluster.
        #expect(whole.units == Self.nfkc(thirty[...]))
        #expect(whole.units.first == 0xE1 && whole.count == 30)
        #expect(Self.pieces(whole).map(\.origin) == [0..<31])
        #expect(whole.ledger.compatibilityFolded == 1)

        let thirtyOne = Self.alternating(31)
        let cut = Normalizer().normalize(thirtyOne)
        #expect(Self.pieces(cut).map(\.origin) == [0..<31, 31..<32])
        #expect(cut.units == Self.nfkc(thirtyOne[0..<31]) + [0x0301])
        #expect(cut.ledger.compatibilityFolded == 1)
    }

    @Test func aRunOfMarksWithoutABaseIsCutAfterThirtyMarks() {
        let marks = Array(Self.alternating(61).dropFirst())  // 61 marks, the first an acute
        let text = Normalizer().normalize(marks)
        let pieces = Self.pieces(text)
        #expect(pieces.map(\.origin) == [0..<30, 30..<60, 60..<61])
        #expect(pieces.allSatisfy { $0.units == Self.nfkc(marks[$0.origin]) })
    }

    @Test func textAroundACutClusterKeepsItsUnitsAndMap() {
        let run = String(String.UnicodeScalarView(Self.alternating(45)))
        let text = Normalizer().normalize(SourceText(path: "t", text: "他说" + run + "好。"))
        let pieces = Self.pieces(text)
        #expect(pieces.map(\.origin) == [0..<1, 1..<2, 2..<33, 33..<48, 48..<49, 49..<50])
        #expect(pieces.first?.units == [0x4ED6] && pieces.last?.units == [0x3002])
        #expect(text.ledger.compatibilityFolded == 1)
    }
}
