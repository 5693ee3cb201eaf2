import Testing

@testable import DoppelIO
@testable import DoppelText

private func extract(_ html: String) -> String {
    String(String.UnicodeScalarView(HTMLText.extractText(InputFixtures.scalars(html))))
}

@Test func blockElementsBecomeParagraphsAndInlineSpaceCollapses() {
    let html =
        "<html><head><title>标题</title></head><body><h1>头条</h1>\n<p>第一段  <b>加粗</b>\n 文字</p><div>第二段<br>第三段</div></body></html>"
    #expect(extract(html) == "标题\n\n头条\n\n第一段 加粗 文字\n\n第二段\n\n第三段")
}

@Test func scriptsStylesCommentsAndTemplatesAreDropped() {
    let html =
        "<p>a<script>if (x < 1) { document.write('</p>') }</script>b<style>p{}</style>c<!-- d <p> -->e<noscript>f</noscript>g<template><p>h</p></template>i</p>"
    #expect(extract(html) == "abcegi")
}

@Test func characterReferencesAreDecoded() {
    let html =
        "&ldquo;A&rdquo; &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos; &hellip;&mdash;&ndash;&middot;&times;&#20013;&#x6587;&#x1F600;&nbsp;&amp &bogus; &#150;"
    #expect(extract(html) == "“A” & <b> \"c\" 'd' …—–·×中文😀\u{A0}& &bogus; –")
}

@Test func preKeepsWhitespace() {
    #expect(extract("<p>x</p><pre>a  b\n  c</pre>y") == "x\n\na  b\n  c\n\ny")
    #expect(extract("<pre>\r\n  code\n</pre>") == "  code\n")
}

@Test func tableCellsAreSeparatedBySpaces() {
    #expect(extract("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\n\nc")
}

@Test func malformedMarkupIsTolerated() {
    #expect(extract("a < b and c<d") == "a < b and c")
    #expect(extract("x<p title=\"unclosed>y") == "x\n\ny")
    #expect(extract("1 <!-- never closed") == "1")
    #expect(extract("<p>ok</p><script>never closed") == "ok")
    #expect(extract("</>z</ p>w") == "zw")
    #expect(extract("<div class='a>b'>t</div>") == "t")
}

@Test func pathologicalInputStaysLinear() {
    let html = String(repeating: "<a x=\"", count: 20_000) + String(repeating: "<!", count: 20_000)
    #expect(extract(html).isEmpty)
}

@Test func htmlIsRecognisedByExtensionOrContent() {
    #expect(HTMLText.hasHTMLExtension("dir.v1/page.HTM"))
    #expect(!HTMLText.hasHTMLExtension("page.html/notes"))
    #expect(HTMLText.looksLikeHTML(InputFixtures.scalars("\u{FEFF}  <!DOCTYPE html><html>")))
    #expect(HTMLText.looksLikeHTML(InputFixtures.scalars("<?xml version=\"1.0\"?>\n<html xmlns=\"x\">")))
    #expect(!HTMLText.looksLikeHTML(InputFixtures.scalars("<p>fragment</p>")))
}

@Test func randomMarkupSoupNeverFails() {
    let pieces = [
        "<", ">", "</", "<!--", "-->", "<!", "<?", "&", "&#", "&#x", ";", "\"", "'", "=", " ", "\n",
        "p", "script", "pre", "td", "amp", "9", "字", "<p>", "</pre>", "<script>", "</script>",
    ]
    var random = SplitMix64(seed: 7)
    for _ in 0..<200 {
        var html = ""
        for _ in 0..<200 { html += pieces[Int(random.next() % UInt64(pieces.count))] }
        let text = HTMLText.extractText(InputFixtures.scalars(html))
        #expect(text.count <= html.unicodeScalars.count * 2)
    }
}

// MARK: Main content

private func main(_ html: String) -> String {
    String(String.UnicodeScalarView(HTMLText.extractText(InputFixtures.scalars(html), mainContentOnly: true)))
}

@Test func mainContentDropsThePagesChrome() {
    let html = """
        <html><head><title>站名</title><meta charset="utf-8"></head><body>
        <header><nav><a href="/">首页</a></nav></header>
        <main><article><header><h1>标题</h1></header><p>正文第一段</p><footer>作者</footer></article></main>
        <aside>相关链接</aside><form><label>搜索</label></form><footer>版权所有</footer></body></html>
        """
    #expect(main(html) == "标题\n\n正文第一段\n\n作者")
    #expect(extract(html).contains("站名") && extract(html).contains("版权所有"))
}

@Test func elementsMarkedHiddenAreDropped() {
    let html =
        "<p>看得见</p><div hidden><div>藏</div>起</div><p aria-hidden=\"true\">藏</p><span style=\"DISPLAY: none\">藏</span><p style='visibility:hidden'>藏</p><p data-x=\"hidden\">也看得见</p><img hidden src=x>尾"
    #expect(main(html) == "看得见\n\n也看得见\n\n尾")
}

@Test func aChromeElementLeftOpenKeepsTheRestOfThePage() {
    #expect(main("<p>开头</p><nav>导航<p>正文</p>") == "开头\n\n导航\n\n正文")
    #expect(main("<head><title>题</title><body><p>正文</p>") == "正文")
}

@Test func extractedTextMapsBackToThePage() {
    let html = InputFixtures.scalars("<p>\n  <b>甲</b>乙&amp;丙</p>")
    let (text, offsets) = HTMLText.extract(html)
    #expect(String(String.UnicodeScalarView(text)) == "甲乙&丙")
    #expect(offsets == [9, 14, 15, 20])
}
