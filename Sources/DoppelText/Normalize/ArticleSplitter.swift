/// Splits a newspaper page into its articles, from the paragraph structure the normaliser kept.
///
/// Each paragraph is read as one of:
/// - a **byline**: starts with a newspaper's credit (`本报记者`, `本报讯`, `本报通讯员`, `本报…电`,
///   `记者`, `通讯员`, `新华社`) and is short (at most 60 units) or ends without a full stop;
/// - a **heading**: at most 50 units and not ending a sentence (`。！？!?`, or those followed by a
///   closing quote), such as headlines, kickers, column tags and picture titles;
/// - **body** otherwise.
///
/// After body text, a new article begins at a byline, at a body paragraph that starts with a
/// credit (`本报讯(记者…)`), after a picture caption (a paragraph ending in `摄`), and, in print,
/// at a caption paragraph itself (pictures are printed between articles). A run of
/// headings after body text is a headline (not a subheading) when it has two or more headings
/// (kicker and headline), is followed by a byline or a credited paragraph, belongs to a picture
/// (a caption follows, or precedes it). On a web page (flowed layout) a headline opens the next
/// article. On a print page (hard-wrapped layout) headlines are printed after their body: the
/// headline closes the article, and the next article begins after it. The page's first
/// paragraph opens the first article. An article's title is the longest heading of its headline
/// run, or of the whole article when no run names it.
public enum ArticleSplitter {
    /// One article: a unit range of the page and its title (normalised text), if it has one.
    public struct Article: Sendable, Equatable {
        public var range: Range<Int>
        public var title: String?
    }

    private enum Kind { case heading, byline, body }

    /// The articles of a page, in order, covering every paragraph.
    ///
    /// - Complexity: O(n) in the units of the page.
    public static func split(_ text: NormalizedText) -> [Article] {
        let paragraphs = text.paragraphRanges
        guard !paragraphs.isEmpty else { return [] }
        let kinds = paragraphs.map { classify(text, $0) }
        let credited = paragraphs.map { startsWithCredit(text.units[$0]) }
        let caption = paragraphs.map { text.units[$0].last == 0x6444 }  // ends with 摄: a picture credit
        var starts: [Int] = [0]  // paragraph indices where articles begin
        var titleRuns: [Int: Range<Int>] = [:]  // article start → the heading run that names it
        func open(_ p: Int) { if starts.last! < p { starts.append(p) } }
        if !text.isPrintLayout {
            // A web page's first article is named by the headings it opens with.
            var lead = 0
            while lead < paragraphs.count && kinds[lead] == .heading { lead += 1 }
            if lead > 0 { titleRuns[0] = 0..<lead }
        }
        var i = 1
        while i < paragraphs.count {
            guard kinds[i - 1] == .body else {
                i += 1
                continue
            }
            let printedCaption = text.isPrintLayout && caption[i]  // a picture block between articles
            if kinds[i] == .byline || (credited[i] || caption[i - 1] || printedCaption) && kinds[i] == .body {
                open(i)
                i += 1
                continue
            }
            guard kinds[i] == .heading else {
                i += 1
                continue
            }
            var end = i
            while end < paragraphs.count && kinds[end] == .heading { end += 1 }
            var next = end
            var captionFollows = false
            while next < paragraphs.count && kinds[next] == .body {
                if caption[next] { captionFollows = true }
                next += 1
            }
            let opensNext = end < paragraphs.count && (kinds[end] == .byline || credited[end])
            if end - i >= 2 || opensNext || captionFollows || caption[i - 1] {
                if text.isPrintLayout {
                    // Printed after its body: the headline closes this article.
                    titleRuns[starts.last!] = i..<end
                    if end < paragraphs.count { open(end) }
                } else {
                    open(i)
                    titleRuns[i] = i..<end
                }
            }
            i = end
        }
        var articles: [Article] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : paragraphs.count
            let range = paragraphs[start].lowerBound..<paragraphs[end - 1].upperBound
            let run = titleRuns[start] ?? (start..<end)
            let headings = run.filter { kinds[$0] == .heading }.map { text.string(paragraphs[$0]) }
            let title = headings.max { $0.unicodeScalars.count < $1.unicodeScalars.count }
            articles.append(Article(range: range, title: title))
        }
        return articles
    }

    private static func classify(_ text: NormalizedText, _ range: Range<Int>) -> Kind {
        classify(text.units[range])
    }

    private static func classify(_ units: ArraySlice<UInt32>) -> Kind {
        if isByline(units) { return .byline }
        if units.count <= 50 && !endsSentence(units) { return .heading }
        return .body
    }

    /// Whether a paragraph is body text: neither a byline nor a heading (see the type's rules).
    ///
    /// - Complexity: O(1) (it looks at the paragraph's first and last units).
    package static func isBody(_ paragraph: ArraySlice<UInt32>) -> Bool {
        classify(paragraph) == .body
    }

    private static let creditPrefixes: [[UInt32]] = ["本报记者", "本报讯", "本报通讯员", "记者", "通讯员", "新华社"]
        .map { $0.unicodeScalars.map(\.value) }

    private static func isByline(_ units: ArraySlice<UInt32>) -> Bool {
        startsWithCredit(units) && (units.count <= 60 || !endsSentence(units))
    }

    private static func startsWithCredit(_ units: ArraySlice<UInt32>) -> Bool {
        creditPrefixes.contains { units.starts(with: $0) } || isDatelineCredit(units)
    }

    /// `本报北京4月7日电`: 本报, then up to twelve units, then 电.
    private static func isDatelineCredit(_ units: ArraySlice<UInt32>) -> Bool {
        guard units.starts(with: [0x672C, 0x62A5]) else { return false }  // 本报
        return units.dropFirst(2).prefix(13).contains(0x7535)  // 电
    }

    private static func endsSentence(_ units: ArraySlice<UInt32>) -> Bool {
        var last = units.last
        if last == 0x22 || last == 0x27 || last == 0x29, units.count >= 2 {  // closing quote or bracket
            last = units[units.index(before: units.endIndex) - 1]
        }
        switch last {
        case 0x3002, 0x21, 0x3F, 0x2026, 0x2E: return true  // 。 ! ? … .
        default: return false
        }
    }
}
