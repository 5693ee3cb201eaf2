import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelReport
@testable import DoppelText

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses a JUnit document and keeps what the tests look at.
private final class JUnitReader: NSObject, XMLParserDelegate {
    var counts: [String: String] = [:]
    var cases: [String] = []
    var failures: [(message: String, body: String)] = []
    var errors: [String] = []
    private var inFailure = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "testsuites": counts = attributes
        case "testcase": cases.append(attributes["name"] ?? "")
        case "failure":
            failures.append((attributes["message"] ?? "", ""))
            inFailure = true
        case "error": errors.append(attributes["message"] ?? "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failures[failures.count - 1].body += string }
    }

    static func read(_ xml: String) throws -> JUnitReader {
        let reader = JUnitReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }
}

@Suite struct JUnitReportTests {
    static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))

    @Test func reportIsWellFormedWithOneTestcasePerPairAndTotals() throws {
        var junit = JUnitReport(policy: try FailurePolicy())
        junit.add(.compared(Self.samples, pairedBy: .path))
        junit.add(.unmatched(path: "b/extra.txt", side: "b"))
        junit.add(.skipped(.notText(path: "a/image.txt", reason: "binary data")))
        let reader = try JUnitReader.read(junit.xml)
        #expect(reader.counts["tests"] == "3" && reader.counts["failures"] == "2" && reader.counts["errors"] == "1")
        #expect(reader.cases.first == "\(Samples.web) ↔ \(Samples.print)")
        #expect(reader.failures.first?.message == "35 edits, 4 passages only in B")
        #expect(reader.failures.first?.body.contains("A 99:45  B 12:6  text  王 → 马") == true)
        #expect(reader.errors == ["a/image.txt: not text (binary data)"])
    }

    @Test func aPairWithAPDFIsFiledUnderTheTextFileWithPagesInItsDetails() throws {
        let a = SourceText(path: "web.txt", text: "第一页的文字很长很长。\n今天天气很好我们去公园散步看花")
        let b = SourceText(path: "print.pdf", text: "第一页的文字很长很长。\n\u{0C}今天天气不错我们去公园散步看花", format: .pdf)
        var junit = JUnitReport(policy: try FailurePolicy())
        junit.add(.compared(Comparer.compare(a, b), pairedBy: .path))
        #expect(junit.xml.contains("name=\"web.txt ↔ print.pdf\" file=\"web.txt\""))
        #expect(try JUnitReader.read(junit.xml).failures.first?.body == "A 2:5  B p2 3:5  text  很好 → 不错")
    }

    @Test func aPairWithinThePolicyPasses() throws {
        var junit = JUnitReport(policy: try FailurePolicy(findings: .edits, maxEdits: 40))
        junit.add(.compared(Self.samples, pairedBy: .path))
        let reader = try JUnitReader.read(junit.xml)
        #expect(reader.counts["failures"] == "0" && reader.failures.isEmpty)
    }

    @Test func markupAndForbiddenCharactersInInputStayWellFormed() throws {
        let a = SourceText(path: "<a>&\"'\u{1}.txt", text: "今天天气很好<b>&</b>我们去公园散步看花\u{B}朵")
        let b = SourceText(path: "b.txt", text: "今天天气不错<b>&</b>我们去公园散步看花\u{B}朵")
        var junit = JUnitReport(policy: try FailurePolicy())
        junit.add(.compared(Comparer.compare(a, b), pairedBy: .similarity))
        let reader = try JUnitReader.read(junit.xml)
        #expect(reader.cases == ["<a>&\"'\u{FFFD}.txt ↔ b.txt"])
        #expect(reader.failures.count == 1)
    }

    @Test func unmatchedFilesPassWhenOnlyEditsCount() throws {
        var junit = JUnitReport(policy: try FailurePolicy(findings: .edits))
        junit.add(.unmatched(path: "a/x.txt", side: "a"))
        #expect(try JUnitReader.read(junit.xml).counts["failures"] == "0")
    }
}
