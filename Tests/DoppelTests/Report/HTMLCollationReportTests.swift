import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct HTMLCollationReportTests {
    @Test func everyVariantTheBaseReadsIsMarkedAndListed() {
        let c = CollationFixture.collation
        let page = HTMLCollationReport.page(c, base: 0)
        for n in 1...c.variants.count {
            #expect(page.contains("id=\"v\(n)-l\""))
            #expect(page.contains("id=\"v\(n)\""))  // the web page reads every location of the shared text
        }
        #expect(page.contains("title=\"王 (w1) | 马 (w2) | 张 (w3)\">王</a>"))
        #expect(!page.contains("<script"))
    }

    @Test func theBaseIsTheWitnessChosen() {
        let c = CollationFixture.collation
        let page = HTMLCollationReport.page(c, base: 2)
        #expect(page.contains("Base text: w3"))
        #expect(page.contains("title=\"王 (w1) | 马 (w2) | 张 (w3)\">张</a>"))
    }

    @Test func textFromTheFilesIsEscaped() throws {
        let c = try Collator.collate([
            SourceText(path: "<a>.txt", text: "one <i>two</i> three four five six seven eight nine ten"),
            SourceText(path: "b.txt", text: "one <i>2</i> three four five six seven eight nine ten"),
        ])
        let page = HTMLCollationReport.page(c)
        #expect(!page.contains("<i>"))
        #expect(page.contains("&lt;a&gt;.txt"))
    }
}
