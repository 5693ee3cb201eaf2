import Testing
@testable import DoppelText
@testable import DoppelCompare
@testable import DoppelReport

@Suite struct GitHubAnnotationsTests {
    @Test func messagesEscapePercentAndLineBreaks() {
        #expect(GitHubAnnotations.escapeData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubAnnotations.escapeProperty("C:\\x,y%\n") == "C%3A\\x%2Cy%25%0A")
    }

    @Test func eachEditIsAWarningOnBsFileAtItsLineAndColumn() {
        let c = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
        let lines = GitHubAnnotations.annotations(c).split(separator: "\n")
        #expect(lines.count == c.editCount + c.onlyInA.count + c.onlyInB.count)
        #expect(lines.contains("::warning file=\(Samples.print),line=12,col=6,endLine=12,endColumn=6,title=doppel%3A text edit::王 → 马 (A \(Samples.web):99:45)"))
        #expect(lines.contains { $0.hasPrefix("::warning file=\(Samples.print),line=14,col=5,") && $0.hasSuffix("::inserted 短 (A \(Samples.web):99:63)") })
        #expect(lines.contains { $0.contains("title=doppel%3A paragraph edit::inserted 聚焦当地汽车装配制造") })
    }

    @Test func hostilePathsCannotBreakTheCommand() {
        let a = SourceText(path: "a,line=1::x.txt", text: "今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b,line=9::\ny.txt", text: "今天天气不错我们去公园散步看花")
        let out = GitHubAnnotations.annotations(Comparer.compare(a, b))
        #expect(out.split(separator: "\n").count == 1)
        #expect(out.hasPrefix("::warning file=b%2Cline=9%3A%3A%0Ay.txt,line=1,"))
    }

    @Test func fileAnnotationWithoutAFileNamesNone() {
        #expect(GitHubAnnotations.fileAnnotation(level: "error", file: nil, title: "t: x", message: "m")
            == "::error title=t%3A x::m\n")
    }
}
