import PagePairs
import Testing

@testable import Doppel

/// `doppel diff` on generated web/print page pairs it has never seen, scored against their truth
/// (`PagePairGenerator`, `PagePairScores`). The floors pin the scores reached; they rise as the
/// aligner improves, never fall. `make bench` prints the same table (DoppelBench --pages).
@Suite struct PagePairScoresTests {
    static let generator = PagePairGenerator(text: PageText(samplesFolder: Samples.folder))
    static let scores = score(generator.standardSet())
    /// The widened set: held-out seeds, and what the standard set does not make.
    static let widened = score(generator.widenedSet())

    static func score(_ pairs: [PagePair]) -> PagePairScores {
        var scores = PagePairScores()
        for pair in pairs {
            scores.add(
                pair,
                Comparer.compare(
                    SourceText(path: pair.name + ".a", text: pair.a),
                    SourceText(path: pair.name + ".b", text: pair.b)))
        }
        return scores
    }

    /// Recall floor per class.
    static let recallFloor: [ScoreClass: Double] = [
        .char: 1.0, .word: 1.0, .reorder: 1.0, .edge: 1.0, .headline: 1.0, .paragraph: 0.95, .article: 1.0,
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
        #expect(s.precision >= 1.0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        // The first character of a templated sibling's text, edited where print lost the break
        // before it, is that sibling's edge edit, not an insertion at the end of the other.
        #expect((s.wrong[.layout] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
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

    /// Recall and precision floors per class on the widened set (nil: not pinned).
    static let widenedFloors: [(ScoreClass, recall: Double?, precision: Double?)] = [
        (.char, 1.0, 1.0), (.word, 1.0, 1.0), (.reorder, 1.0, 1.0), (.edge, 1.0, 1.0), (.headline, 1.0, 1.0),
        (.paragraph, 1.0, 1.0), (.number, 1.0, 1.0), (.multi, 1.0, 1.0), (.brief, 1.0, 1.0),
        (.bodyedge, 1.0, 1.0), (.article, 1.0, nil),
    ]

    @Test(arguments: widenedFloors.indices)
    func everyWidenedClassIsFoundAndRight(_ index: Int) {
        let (c, recall, precision) = Self.widenedFloors[index]
        let s = Self.widened
        #expect((s.truth[c] ?? 0) > 0, "\(c) has no truth in the widened set")
        if let recall { #expect((s.recall(c) ?? 0) >= recall, "\(c)\n\(s.table)\n\(s.notes.joined(separator: "\n"))") }
        if let precision {
            #expect((s.precision(c) ?? 0) >= precision, "\(c)\n\(s.table)\n\(s.notes.joined(separator: "\n"))")
        }
    }

    @Test func theWidenedSetMeetsTheIssuesBar() {
        let s = Self.widened
        #expect(s.recall >= 1.0 && s.precision >= 1.0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        #expect(s.controls == 6)
        #expect(s.controlEdits == 0, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
        // Not even one-sided text: a headline in small capitals is its web form.
        #expect(s.controlsWithDifferences == 0)
    }

    @Test func jumpLinesCaptionsAndPrintFormsAreNoEdits() {
        // An article continued on or from another page: the other version's text at the cut and
        // the jump line are one-sided, not edits; a caption or byline print placed after the
        // body is moved text; a print form (a list run together in print included) is layout.
        let s = Self.widened
        #expect((s.wrong[.jump] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
        #expect((s.wrong[.caption] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
        #expect((s.wrong[.forms] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
        #expect((s.wrong[.layout] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
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
