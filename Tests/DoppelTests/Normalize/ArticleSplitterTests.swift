import Testing

@testable import DoppelText

@Suite struct ArticleSplitterTests {
    private func articles(_ name: String) -> (NormalizedText, [ArticleSplitter.Article]) {
        let text = Normalizer().normalize(Samples.source(name))
        return (text, ArticleSplitter.split(text))
    }

    @Test(arguments: Samples.all)
    func articlesCoverThePageInOrderWithoutOverlap(_ name: String) {
        let (text, split) = articles(name)
        #expect(!split.isEmpty)
        #expect(split.first?.range.lowerBound == 0)
        #expect(split.last?.range.upperBound == text.count)
        for (previous, next) in zip(split, split.dropFirst()) {
            #expect(previous.range.upperBound == next.range.lowerBound)
            #expect(!next.range.isEmpty)
        }
    }

    @Test func theWebPageHasItsNineArticlesTitledByTheirHeadlines() {
        let (_, split) = articles(Samples.web)
        #expect(split.count == 9)
        let titles = split.compactMap(\.title)
        #expect(titles.contains("《全国工会重点工作创新案例》出版发行"))
        #expect(titles.contains("职工子女的快乐\"云上\"时光"))
        #expect(titles.contains("劳模助农服务进农场"))
    }

    @Test func thePrintPageClosesEachArticleWithTheHeadlinePrintedAfterIt() {
        let (text, split) = articles(Samples.print)
        // The article about the children's online tutoring ends with its headline.
        let tutoring = split.first { text.string($0.range).hasPrefix("本报记者裴龙翔") }
        #expect(tutoring?.title == "职工子女的快乐\"云上\"时光")
        #expect(tutoring.map { text.string($0.range).hasSuffix("职工子女的快乐\"云上\"时光") } == true)
        // The print-only article is an article of its own.
        #expect(split.contains { $0.title == "油纸伞下,爱意绽放" })
    }

    @Test func aSubheadingStaysInsideItsArticle() {
        let page = """
            标题一号新闻

            本报讯(记者张三)第一段正文很长很长,讲了很多事情,一直讲到结束为止。

            小标题在这里

            第二段正文也很长很长,继续讲了很多事情,一直讲到结束为止。

            另一篇的标题

            本报讯(记者李四)另一篇文章的正文开始了,讲的是另一件完全不同的事情。
            """
        let text = Normalizer(options: NormalizationOptions(layout: .flowed)).normalize(
            SourceText(path: "page", text: page))
        let split = ArticleSplitter.split(text)
        #expect(split.count == 2)
        #expect(split.map(\.title) == ["标题一号新闻", "另一篇的标题"])
    }
}
