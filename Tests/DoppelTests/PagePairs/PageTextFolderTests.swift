import Foundation
import PagePairs
import Testing

@testable import Doppel

/// `doppel diff` on page pairs built from text the rules were never fitted to: the articles of
/// `Tests/PagePairs/FreshText` (written for the tests, none of the samples' text), read by
/// `PageText(folder:)`. The floors pin the scores reached on the pinned seeds; they rise as
/// the aligner improves, never fall. `DoppelBench --pages --text Tests/PagePairs/FreshText`
/// prints the same tables.
@Suite struct PageTextFolderTests {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("PagePairs/FreshText").path
    }
    static let text = try! PageText(folder: folder)
    static let generator = PagePairGenerator(text: text)
    static let standard = PagePairScoresTests.score(generator.standardSet())
    static let widened = PagePairScoresTests.score(generator.widenedSet())

    @Test func readsEveryArticleInTheWebForm() {
        let t = Self.text
        #expect(t.chinese.count == 24 && t.english.count == 12)
        #expect(t.chinese.allSatisfy { !$0.english && $0.paragraphs.count >= 3 && !$0.headline.isEmpty })
        #expect(t.english.allSatisfy { $0.english && $0.paragraphs.count >= 3 && $0.byline?.hasPrefix("By ") == true })
        // Full-width punctuation is read into the web edition's forms; print restores it.
        let chinese = t.chinese.flatMap { [$0.headline] + $0.paragraphs }.joined()
        #expect(!chinese.contains("，") && !chinese.contains("：") && chinese.contains(","))
        #expect(t.chinese.contains { $0.kicker != nil } && t.chinese.contains { $0.subhead != nil })
        #expect(t.addedEnglish.count == 3)
    }

    @Test func madeTextRepeatsNoArticleSentence() {
        // The sentences the generator makes articles and added paragraphs of are no article's,
        // so a page made of both holds no sentence twice.
        let t = Self.text
        #expect(t.sentences.count >= 60)
        let bodies = (t.chinese.flatMap(\.paragraphs) + t.english.flatMap(\.paragraphs)).joined()
        #expect(t.sentences.allSatisfy { !bodies.contains($0) })
        #expect(t.addedEnglish.allSatisfy { !bodies.contains($0) })
    }

    @Test func aBadFolderIsAOneLineErrorNamingTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pagetext-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kicker: 关注\n\n正文一段。\n".write(
            to: dir.appendingPathComponent("zh-01.txt"), atomically: true, encoding: .utf8)
        let noHeadline = #expect(throws: PageText.FolderError.self) { try PageText(folder: dir.path) }
        #expect(noHeadline?.description == dir.path + "/zh-01.txt: an article needs a headline: line and a body")
        try "title: 关注\n\n正文一段。\n".write(to: dir.appendingPathComponent("zh-01.txt"), atomically: true, encoding: .utf8)
        let unknown = #expect(throws: PageText.FolderError.self) { try PageText(folder: dir.path) }
        #expect(unknown?.description == dir.path + "/zh-01.txt: not a header line: title: 关注")
        try "headline: 标题\n\n正文一段。\n".write(
            to: dir.appendingPathComponent("zh-01.txt"), atomically: true, encoding: .utf8)
        let incomplete = #expect(throws: PageText.FolderError.self) { try PageText(folder: dir.path) }
        #expect(
            incomplete?.description.hasSuffix("needs zh-*.txt and en-*.txt articles, sentences-zh.txt and added-en.txt")
                == true)
        #expect(throws: PageText.FolderError.self) { try PageText(folder: dir.path + "/missing") }
    }

    /// Recall and precision floors per class on the standard and the widened set (nil: not pinned).
    static let standardFloors: [(ScoreClass, recall: Double?, precision: Double?)] = [
        (.char, 1.0, 1.0), (.word, 1.0, 1.0), (.reorder, 1.0, 1.0), (.edge, 1.0, 1.0), (.headline, 1.0, 1.0),
        (.paragraph, 0.96, 1.0), (.article, 1.0, nil),
    ]
    static let widenedFloors: [(ScoreClass, recall: Double?, precision: Double?)] = [
        (.char, 1.0, 1.0), (.word, 1.0, 1.0), (.reorder, 1.0, 1.0), (.edge, 1.0, 1.0), (.headline, 1.0, 1.0),
        (.paragraph, 0.8, 1.0), (.number, 1.0, 1.0), (.multi, 1.0, 1.0), (.brief, 1.0, 1.0),
        (.bodyedge, 1.0, 1.0), (.article, 1.0, nil),
    ]

    @Test(arguments: standardFloors.indices)
    func standardSetClassesHoldTheirFloors(_ index: Int) {
        Self.expect(Self.standard, Self.standardFloors[index])
    }

    @Test(arguments: widenedFloors.indices)
    func widenedSetClassesHoldTheirFloors(_ index: Int) {
        Self.expect(Self.widened, Self.widenedFloors[index])
    }

    static func expect(_ s: PagePairScores, _ floor: (ScoreClass, recall: Double?, precision: Double?)) {
        let (c, recall, precision) = floor
        #expect((s.truth[c] ?? 0) > 0, "\(c) has no truth")
        if let recall { #expect((s.recall(c) ?? 0) >= recall, "\(c)\n\(s.table)\n\(s.notes.joined(separator: "\n"))") }
        if let precision {
            #expect((s.precision(c) ?? 0) >= precision, "\(c)\n\(s.table)\n\(s.notes.joined(separator: "\n"))")
        }
    }

    @Test func allEditsAndControlPagesHoldTheirFloors() {
        for (s, recall, precision, controls) in [
            (Self.standard, 0.995, 1.0, 8), (Self.widened, 0.985, 1.0, 6),
        ] {
            #expect(s.recall >= recall && s.precision >= precision, "\(s.table)\n\(s.notes.joined(separator: "\n"))")
            #expect(s.controls == controls)
            #expect(s.controlEdits == 0 && s.controlsWithDifferences == 0, "\(s.table)")
            // No false edit outside the regions the generator marks (layout noise).
            #expect((s.wrong[.layout] ?? 0) == 0, "\(s.notes.joined(separator: "\n"))")
        }
    }
}
