import Foundation
import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct CollationTEITests {
    /// What an XML parser sees: apps, readings, witnesses of the list, errors.
    final class Reader: NSObject, XMLParserDelegate {
        var apps = 0
        var readings: [[String: String]] = []
        var witnesses: [String: String] = [:]
        var text = ""
        private var witness: String?
        private var inReading = false
        var readingTexts: [String] = []

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            switch element {
            case "app": apps += 1
            case "rdg":
                readings.append(attributes)
                readingTexts.append("")
                inReading = true
            case "witness": witness = attributes["xml:id"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            if element == "witness" { witness = nil }
            if element == "rdg" { inReading = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let witness { witnesses[witness, default: ""] += string }
            if inReading { readingTexts[readingTexts.count - 1] += string }
        }
    }

    static func parse(_ xml: String) throws -> Reader {
        let parser = XMLParser(data: Data(xml.utf8))
        let reader = Reader()
        parser.delegate = reader
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        return reader
    }

    @Test func theOutputIsWellFormedWithOneAppPerVariantLocation() throws {
        let c = CollationFixture.collation
        let reader = try Self.parse(CollationTEI.xml(c))
        #expect(reader.apps == c.variants.count)
        #expect(reader.readings.count == c.variants.reduce(0) { $0 + $1.readings.count })
        #expect(
            reader.witnesses == [
                "w1": c.witnesses[0].source.path, "w2": c.witnesses[1].source.path,
                "w3": c.witnesses[2].source.path,
            ])
    }

    @Test func everyReadingNamesItsWitnessesAndTheirOffsets() throws {
        let c = CollationFixture.collation
        let reader = try Self.parse(CollationTEI.xml(c))
        let ids = Set(c.witnesses.map { "#" + $0.id })
        for attributes in reader.readings {
            let wit = try #require(attributes["wit"]).split(separator: " ").map(String.init)
            #expect(!wit.isEmpty && wit.allSatisfy(ids.contains))
            let offsets = try #require(attributes["dp:offsets"]).split(separator: " ")
            #expect(offsets.map { "#" + $0.split(separator: ":")[0] } == wit)
        }
        // The name: 王 in w1, 马 in w2, 张 in w3, each with its offsets in its file.
        let k = try #require(reader.readingTexts.firstIndex(of: "张"))
        #expect(reader.readings[k]["wit"] == "#w3")
        let offsets = try #require(reader.readings[k]["dp:offsets"])
        let range = offsets.dropFirst(3).split(separator: "-").map { Int($0)! }
        #expect(c.witnesses[2].source.text(in: range[0]..<range[1]) == "张")
    }

    @Test func textWithMarkupCharactersIsEscaped() throws {
        let sources = [
            SourceText(path: "a&b.txt", text: "The <b>quick</b> brown fox & the lazy dog jumped over the fence today."),
            SourceText(path: "c.txt", text: "The <b>slow</b> brown fox & the lazy dog jumped over the fence today."),
        ]
        let c = try Collator.collate(sources)
        let reader = try Self.parse(CollationTEI.xml(c))
        #expect(reader.apps == c.variants.count)
        #expect(reader.witnesses["w1"] == "a&b.txt")
    }

    @Test func paragraphStartsOfTheBaseTextAreLineBreaks() throws {
        let sources = [
            SourceText(
                path: "a",
                text:
                    "The quick brown fox jumps over the lazy dog.\n\nA second paragraph, with commas, here.\n\nAnd a third one to end the page."
            ),
            SourceText(
                path: "b",
                text:
                    "The quick red fox jumps over the lazy dog.\n\nA second paragraph, with commas here.\n\nAnd a third one to end the page."
            ),
        ]
        let c = try Collator.collate(sources)
        let xml = CollationTEI.xml(c)
        _ = try Self.parse(xml)
        #expect(xml.components(separatedBy: "<lb/>").count == 3)
        #expect(xml.contains("<lb/>And a third one"))
    }

    @Test func charactersXMLForbidsDoNotBreakTheDocument() throws {
        let sources = [
            SourceText(
                path: "a\u{FFFF}.txt", text: "The quick brown fox \u{FFFF} jumps over the lazy dog and runs far away."),
            SourceText(path: "b.txt", text: "The quick red fox \u{FFFE} jumps over the lazy dog and runs far away."),
        ]
        let c = try Collator.collate(sources)
        let reader = try Self.parse(CollationTEI.xml(c))
        #expect(reader.apps == c.variants.count && reader.apps > 0)
    }
}
