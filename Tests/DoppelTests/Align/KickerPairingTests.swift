import Doppel
import Testing

@testable import DoppelDiff

/// A kicker replaced whole is paired by its place in front of its headline (`KickerPairing`):
/// the diff reports the replacement, not two one-sided lines.
@Suite struct KickerPairingTests {
    static let body = [
        "Eleven secondary schools will take part in a year-long trial of a compressed timetable for pupils in their final two years, the education department confirmed yesterday.",
        "Under the scheme, lessons will be concentrated into four longer days, leaving the fifth day for independent study, work placements and supervised revision in school libraries.",
    ]
    static let other = [
        "Hospital opens new emergency wing",
        "The general hospital has opened a new emergency wing designed to cut waiting times, with twice the number of treatment bays and a dedicated area for children.",
    ]
    static let headline = "Schools trial four-day timetable for older pupils"

    static func compare(_ a: [String], _ b: [String]) -> Comparison {
        Comparer.compare(
            SourceText(path: "a", text: a.joined(separator: "\n\n")),
            SourceText(path: "b", text: b.joined(separator: "\n\n")))
    }

    static func edits(_ c: Comparison) -> [(a: String, b: String)] {
        c.pairs.flatMap(\.edits).map { (c.textA.string($0.a), c.textB.string($0.b)) }
    }

    @Test func aKickerReplacedWholeIsAReplaceInFrontOfItsHeadline() {
        let c = Self.compare(
            Self.other + ["EDUCATION", Self.headline] + Self.body,
            Self.other + ["Board", Self.headline] + Self.body)
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(found.first.map { $0.a == "EDUCATION" && $0.b == "Board" } == true)
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func aChineseKickerReplacedWholeBeforeAHeadlinePrintedAfterItsBodyIsAReplace() {
        let body = [
            "连日来,江西省农业科学院组织30多名农技专家深入田间地头,为种粮大户和合作社社员讲解水稻育秧、病虫害防治等技术,受到农民群众欢迎。",
            "据统计,今年春耕以来,全省已累计开展农技培训1800余场次,培训农民12万人次,发放技术资料25万份。",
        ]
        let c = Self.compare(
            ["春耕时节", "农技专家把课堂搬到田间地头"] + body,
            body + ["田野课堂", "农技专家把课堂搬到田间地头"])
        let found = Self.edits(c)
        #expect(found.count == 1)
        #expect(found.first.map { $0.a == "春耕时节" && $0.b == "田野课堂" } == true)
    }

    @Test func aHeadingOnlyInOneVersionBeforeAHeadlineStaysOneSided() {
        // The other version has a body paragraph before the headline: no kicker to pair with.
        let c = Self.compare(
            Self.other + [Self.headline] + Self.body,
            Self.other + ["EDUCATION", Self.headline] + Self.body)
        #expect(Self.edits(c).isEmpty)
        #expect(c.onlyInB.count == 1)
    }

    @Test func aKickerBeforeABodyParagraphIsNotPaired() {
        // Unaligned headings before a passage that opens with body text are not a kicker pair.
        let c = Self.compare(
            Self.other + ["EDUCATION"] + Self.body,
            Self.other + ["Board"] + Self.body)
        #expect(Self.edits(c).isEmpty)
    }
}
