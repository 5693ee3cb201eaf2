import Testing

@testable import DoppelCompare
@testable import DoppelReport
@testable import DoppelText

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
        #expect(
            lines.contains(
                "::warning file=\(Samples.print),line=12,col=6,endLine=12,endColumn=6,title=doppel%3A text edit::王 → 马 (A \(Samples.web):99:45)"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("::warning file=\(Samples.print),line=14,col=5,")
                    && $0.hasSuffix("::inserted 短 (A \(Samples.web):99:63)")
            })
        #expect(lines.contains { $0.contains("title=doppel%3A paragraph edit::inserted 聚焦当地汽车装配制造") })
    }

    @Test func editsAgainstAPDFAreAnchoredOnTheTextFileWithThePageNamed() {
        let a = SourceText(path: "web.txt", text: "第一页的文字很长很长。\n今天天气很好我们去公园散步看花")
        let b = SourceText(path: "print.pdf", text: "第一页的文字很长很长。\n\u{0C}今天天气不错我们去公园散步看花", format: .pdf)
        let lines = GitHubAnnotations.annotations(Comparer.compare(a, b)).split(separator: "\n")
        #expect(
            lines == [
                "::warning file=web.txt,line=2,col=5,endLine=2,endColumn=6,title=doppel%3A text edit%2C B p2 3%3A5::很好 → 不错 (B print.pdf:3:5, page 2)"
            ])
    }

    @Test func textOnlyInAPDFIsANoteOnTheWholeFile() {
        let a = SourceText(path: "web.txt", text: "今天天气很好我们去公园散步看花。")
        let b = SourceText(path: "print.pdf", text: "今天天气很好我们去公园散步看花。\n\u{0C}完全不同的一段文字出现在这里了，和上一页没有关系。", format: .pdf)
        let out = GitHubAnnotations.annotations(Comparer.compare(a, b))
        #expect(out.hasPrefix("::warning file=print.pdf,title=doppel%3A only in B%2C B p2 3%3A1::"))
        #expect(!out.contains("line="))
    }

    @Test func hostilePathsCannotBreakTheCommand() {
        let a = SourceText(path: "a,line=1::x.txt", text: "今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b,line=9::\ny.txt", text: "今天天气不错我们去公园散步看花")
        let out = GitHubAnnotations.annotations(Comparer.compare(a, b))
        #expect(out.split(separator: "\n").count == 1)
        #expect(out.hasPrefix("::warning file=b%2Cline=9%3A%3A%0Ay.txt,line=1,"))
    }

    @Test func fileAnnotationWithoutAFileNamesNone() {
        #expect(
            GitHubAnnotations.fileAnnotation(level: "error", file: nil, title: "t: x", message: "m")
                == "::error title=t%3A x::m\n")
    }
}
