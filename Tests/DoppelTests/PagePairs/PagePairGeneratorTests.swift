import Foundation
import PagePairs
import Testing

@testable import Doppel

@Suite struct PagePairGeneratorTests {
    static let generator = PagePairGenerator(text: PageText(samplesFolder: Samples.folder))

    @Test func theSameSeedGivesTheSamePages() {
        let one = Self.generator.page(.chinese, control: false, seed: 42)
        let two = Self.generator.page(.chinese, control: false, seed: 42)
        #expect(one.a == two.a && one.b == two.b)
        #expect(one.truth.map(\.b) == two.truth.map(\.b))
        #expect(Self.generator.page(.chinese, control: false, seed: 43).b != one.b)
    }

    @Test func truthPositionsHoldTheTruthTexts() {
        // Compared without spaces: a slice across a printed line break is normalised alone.
        func plain(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            let raw = String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "-\n", with: "")
            return normalized(raw).filter { !$0.isWhitespace }
        }
        for kind in PagePairGenerator.Kind.allCases {
            for seed in 1...6 as ClosedRange<UInt64> {
                let pair = Self.generator.page(kind, control: false, seed: seed)
                let a = Array(pair.a.unicodeScalars)
                let b = Array(pair.b.unicodeScalars)
                for t in pair.truth {
                    #expect(plain(a[t.a]) == normalized(t.aText).filter { !$0.isWhitespace }, "\(pair.name) \(t)")
                    #expect(plain(b[t.b]) == normalized(t.bText).filter { !$0.isWhitespace }, "\(pair.name) \(t)")
                }
            }
        }
    }

    @Test func theWidenedSetMakesWhatTheStandardSetDoesNot() {
        let pages = Self.generator.widenedSet()
        #expect(pages.count == 28)
        #expect(Set(pages.map(\.b)).isDisjoint(with: Self.generator.standardSet().map(\.b)))
        #expect(pages.contains { $0.b.contains("（下转第") } && pages.contains { $0.b.contains("（上接第1版）") })
        #expect(pages.contains { $0.b.contains("Continued ") })
        #expect(pages.contains { $0.b.contains("摄") && $0.regionsB.contains { $0.regionClass == .caption } })
        #expect(pages.contains { $0.b.unicodeScalars.contains { (0xFF10...0xFF19).contains($0.value) } })
        #expect(pages.contains { $0.b.contains("「") })
        // A list: points on lines of their own on the web, run together in print.
        #expect(pages.contains { $0.a.contains("。\n\n二是") && $0.b.contains("。二是") })
        #expect(pages.contains { $0.b.unicodeScalars.contains("\u{00AD}") })
        // A small-caps headline: a forms region as long as a headline.
        #expect(pages.contains { $0.regionsB.contains { $0.regionClass == .forms && $0.range.count > 20 } })
        let classes = Set(pages.flatMap { $0.truth.map(\.editClass) })
        #expect(classes.isSuperset(of: [.number, .multi, .brief, .bodyedge]))
        #expect(
            pages.filter(\.isControl).allSatisfy { $0.truth.isEmpty && $0.oneSided.isEmpty && !$0.b.contains("版）") })
    }

    @Test func widenedTruthPositionsHoldTheTruthTexts() {
        func plain(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            let raw = String(String.UnicodeScalarView(scalars)).replacingOccurrences(of: "-\n", with: "")
            return normalized(raw).filter { !$0.isWhitespace }
        }
        for pair in Self.generator.widenedSet() {
            let a = Array(pair.a.unicodeScalars)
            let b = Array(pair.b.unicodeScalars)
            for t in pair.truth {
                #expect(plain(a[t.a]) == normalized(t.aText).filter { !$0.isWhitespace }, "\(pair.name) \(t)")
                #expect(plain(b[t.b]) == normalized(t.bText).filter { !$0.isWhitespace }, "\(pair.name) \(t)")
            }
        }
    }

    @Test func controlPagesHaveNoEditAndNoOneSidedArticle() {
        for kind in PagePairGenerator.Kind.allCases {
            let pair = Self.generator.page(kind, control: true, seed: 7)
            #expect(pair.truth.isEmpty && pair.oneSided.isEmpty)
            #expect(pair.a != pair.b)
        }
    }

    @Test func printPagesCarryTheLayoutOfPrint() {
        let pages = Self.generator.standardSet()
        let chinese = pages.filter { $0.kind == .chinese }
        #expect(chinese.allSatisfy { $0.b.contains("，") && !$0.a.contains("，") })
        #expect(chinese.contains { $0.regionsB.contains { $0.regionClass == .furniture } })
        let english = pages.filter { $0.kind == .english }
        #expect(english.contains { $0.b.contains("-\n") })
        #expect(
            english.contains { $0.b.unicodeScalars.contains("\u{FB01}") || $0.b.unicodeScalars.contains("\u{FB02}") })
        #expect(english.contains { $0.b.contains("\u{201C}") && !$0.a.contains("\u{201C}") })
        #expect(
            Set(pages.flatMap { $0.truth.map(\.editClass) }) == [.char, .word, .reorder, .edge, .headline, .paragraph])
    }
}
