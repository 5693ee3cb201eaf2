import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct StarAlignmentTests {
    /// Paragraphs of the web sample, long enough to anchor.
    static let paragraphs: [String] = {
        let web = Samples.source(Samples.web)
        let text = String(web.scalars.map(Character.init))
        return text.components(separatedBy: "\n").filter { $0.count > 80 }.map { String($0.prefix(120)) }
    }()

    static func page(_ name: String, _ parts: [String]) -> SourceText {
        SourceText(path: name, text: parts.joined(separator: "\n\n"))
    }

    @Test func aPassageTheCenterLacksIsOneOnlyInOfTheWitnessesThatShareIt() throws {
        let p = Self.paragraphs
        let extra = p[6]
        let edited = extra.replacingFirst(String(Array(extra)[40...41]), with: "甲乙")
        let sources = [
            Self.page("a", [p[0], p[1], p[2], p[3]]),
            Self.page("b", [p[0], p[1].replacingFirst(String(Array(p[1])[30]), with: "丙"), p[2], p[3]]),
            Self.page("c", [p[0], p[1], extra, p[2], p[3]]),
            Self.page("d", [p[0], p[1], edited, p[2], p[3]]),
            Self.page("e", [p[0], p[1], p[2], p[3].replacingFirst(String(Array(p[3])[50]), with: "丁")]),
        ]
        let c = try Collator.collate(sources)
        #expect([0, 1, 4].contains(c.center))  // the passage is aligned as text the center lacks
        let shared = try #require(c.onlyIn.first { $0.witnesses == [2, 3] })
        #expect(c.text(of: 2, shared.ranges[0]) == extra)
        #expect(c.text(of: 3, shared.ranges[1]) == edited)
        // Its one edit is a variant location of c and d only.
        let inside = try #require(c.variants.first { $0.witnesses == [2, 3] })
        #expect(inside.readings.map { c.text(of: $0) } == [String(Array(extra)[40...41]), "甲乙"])
        // The edits of b and e are variant locations of all five.
        #expect(c.variants.filter { $0.witnesses == [0, 1, 2, 3, 4] }.count == 2)
        #expect(c.variants.count == 3)
    }

    @Test func editsThatOverlapInTheCenterAreOneLocationWithEveryReading() throws {
        let p = Self.paragraphs
        let line = Array(p[0])
        let sources = [
            Self.page("center", [p[0], p[1], p[2]]),
            Self.page("x", [p[0].replacingFirst(String(line[20...22]), with: "甲乙丙"), p[1], p[2]]),
            Self.page("y", [p[0].replacingFirst(String(line[21...24]), with: "丁"), p[1], p[2]]),
            Self.page("z", [p[0], p[1], p[2]]),
        ]
        let c = try Collator.collate(sources)
        #expect(c.variants.count == 1)
        let location = try #require(c.variants.first)
        // One extent, units 20…24 of the center: each witness reads its own version of it.
        #expect(
            Set(location.readings.map { c.text(of: $0) })
                == [String(line[20...24]), "甲乙丙" + String(line[23...24]), String(line[20]) + "丁"])
        #expect(location.readings.first { $0.witnesses == [0, 3] } != nil)
    }

    @Test func insertionsAtOnePlaceAreOneLocation() throws {
        let p = Self.paragraphs
        let line = Array(p[0])
        let at = String(line[0..<30])
        let sources = [
            Self.page("a", [p[0], p[1]]),
            Self.page("b", [p[0].replacingFirst(at, with: at + "甲乙"), p[1]]),
            Self.page("c", [p[0].replacingFirst(at, with: at + "丙"), p[1]]),
        ]
        let c = try Collator.collate(sources)
        #expect(c.variants.count == 1)
        #expect(c.variants.first.map { $0.readings.map { c.text(of: $0) } } == ["", "甲乙", "丙"])
        #expect(c.variants.first?.readings[0].ranges[0].isEmpty == true)
    }
}
