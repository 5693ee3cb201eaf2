import PagePairs
import Testing

@testable import Doppel

/// `doppel diff` on generated web/print page pairs it has never seen, scored against their truth
/// (`PagePairGenerator`, `PagePairScores`). The floors pin the scores reached; they rise as the
/// aligner improves, never fall. `make bench` prints the same table (DoppelBench --pages).
@Suite struct PagePairScoresTests {
    static let pairs = PagePairGenerator(text: PageText(samplesFolder: Samples.folder)).standardSet()
    static let scores: PagePairScores = {
        var scores = PagePairScores()
        for pair in pairs {
            scores.add(
                pair,
                Comparer.compare(
                    SourceText(path: pair.name + ".a", text: pair.a),
                    SourceText(path: pair.name + ".b", text: pair.b)))
        }
        return scores
    }()

    /// Recall floor per class.
    static let recallFloor: [ScoreClass: Double] = [
        .char: 1.0, .word: 1.0, .reorder: 1.0, .edge: 0.97, .headline: 1.0, .paragraph: 0.95, .article: 1.0,
    ]

    @Test func everyEditClassIsFound() {
        let s = Self.scores
        for (c, floor) in Self.recallFloor {
            #expect((s.recall(c) ?? 0) >= floor, "\(c)\n\(s.table)\n\(s.notes.joined(separator: "\n"))")
        }
        #expect(s.recall >= 0.98, "\(s.table)")
    }

    @Test func reportedEditsAreRealEdits() {
        let s = Self.scores
        #expect(s.precision >= 0.99, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        // A headline print placed elsewhere is aligned with its own article, not inserted.
        #expect((s.precision(.headline) ?? 0) >= 1.0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        #expect((s.precision(.paragraph) ?? 0) >= 1.0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
    }

    @Test func templatedSiblingsArePairedByTheirOwnNews() {
        // No edit of a sibling's shared dateline or opening: each report is paired with itself.
        let s = Self.scores
        #expect((s.truth[.sibling] ?? 0) == 0)
        #expect((s.wrong[.sibling] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
    }

    @Test func anEditSplittingAWordMatchesNoTruth() {
        let text = Array("met on Monday, 2024年".unicodeScalars)
        #expect(PagePairScores.splitsNoWord(7..<13, text))  // Monday
        #expect(!PagePairScores.splitsNoWord(7..<10, text))  // Mon|day
        #expect(!PagePairScores.splitsNoWord(8..<8, text))  // M|onday
        #expect(!PagePairScores.splitsNoWord(17..<18, text))  // 20|2|4
        #expect(PagePairScores.splitsNoWord(19..<20, text))  // 年, next to a digit
    }

    @Test func controlPagesReportNoEdit() {
        let s = Self.scores
        #expect(s.controls == 8)
        #expect(s.controlEdits == 0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        #expect(s.controlsWithDifferences == 0)
    }
}
