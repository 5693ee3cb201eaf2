/// Splits a newspaper page into its articles, from the paragraph structure the normaliser kept:
/// the one article model of the project (`cluster --split articles`, and the aligner's test of
/// whether a gap lies inside one article).
///
/// Each paragraph is read as one of:
/// - a **byline**: starts with a newspaper's credit (`本报记者`, `本报讯`, `本报通讯员`, `本报…电`,
///   `记者`, `通讯员`, `新华社`, `By `) and is short (at most 60 units) or ends without a full stop;
/// - a **heading**: ends no sentence (`。！？!?.…`, or those followed by a closing quote) and has
///   at most 50 units (100 without ideographs: a Latin headline spends a unit on every letter),
///   such as headlines, kickers, column tags and picture titles;
/// - **body** otherwise.
///
/// After body text, a new article begins at a byline, at a body paragraph that starts with a
/// credit (`本报讯(记者…)`), and after a picture caption (a paragraph ending in `摄`). A run of
/// headings after body text **divides** two articles when it has two or more headings (kicker and
/// headline), is followed by a byline or a credited paragraph, or belongs to a picture (a caption
/// follows, or precedes it); a single heading that does not divide is a subheading.
///
/// On a web page (flowed layout) a dividing run opens the next article. On a print page
/// (hard-wrapped layout) headlines are mostly printed after their body, but not always, so each
/// run is divided by what its headings name (`HeadingAffinity`): the headings whose words are
/// in the body before them (more than in the body after) close that body's article, the others
/// open the next one. The split point maximises the headings' lean towards their side; a tie
/// (headings that name neither body) goes the page's way, after the body unless most runs that
/// lean lean the other way. On print, a single heading that names the body before it more than
/// the one after closes that body's article (a headline printed after it), and is a subheading
/// otherwise. The page's first paragraph opens the first article. An article's title is the
/// longest heading of the run that names it, or of the whole article when no run names it.
public enum ArticleSplitter {
    /// One article: a unit range of the page and the heading that names it, if it has one.
    public struct Article: Sendable, Equatable {
        public var range: Range<Int>
        /// The unit range of the title heading (a paragraph inside `range`), if any.
        public var titleRange: Range<Int>?

        /// The title as normalised text (a report shows the original through the text's map).
        ///
        /// - Complexity: O(title length).
        public func title(in text: NormalizedText) -> String? { titleRange.map { text.string($0) } }
    }

    enum Kind { case heading, byline, body }

    /// The articles of a page, in order, covering every paragraph.
    ///
    /// ```swift
    /// let text = Normalizer().normalize(try InputReader.read(path: "print.txt"))
    /// for article in ArticleSplitter.split(text) { print(article.title(in: text) ?? "-") }
    /// ```
    ///
    /// - Complexity: O(n) in the units of the page (each body is read for the headings on
    ///   either side of it).
    public static func split(_ text: NormalizedText) -> [Article] {
        let paragraphs = text.paragraphRanges
        guard !paragraphs.isEmpty else { return [] }
        let kinds = paragraphs.map { classify(text.units[$0]) }
        let credited = paragraphs.map { startsWithCredit(text.units[$0]) }
        let caption = paragraphs.map { text.units[$0].last == 0x6444 }  // ends with 摄: a picture credit
        // A run of headings divides two articles when it is kicker and headline, a byline or a
        // credited paragraph follows it, or it belongs to a picture (a caption before or after).
        func divides(_ run: Range<Int>) -> Bool {
            let end = run.upperBound
            if run.count >= 2 || caption[run.lowerBound - 1] { return true }
            if end < paragraphs.count && (kinds[end] == .byline || credited[end]) { return true }
            var next = end
            while next < paragraphs.count && kinds[next] == .body {
                if caption[next] { return true }
                next += 1
            }
            return false
        }
        let runs = HeadingRuns(
            text: text, paragraphs: paragraphs, kinds: kinds, print: text.isPrintLayout, divides: divides)
        var starts: [Int] = [0]  // paragraph indices where articles begin
        var titleRuns: [Int: Range<Int>] = [:]  // article start → the heading run that names it
        func open(_ p: Int) { if starts.last! < p { starts.append(p) } }
        var lead = 0
        while lead < paragraphs.count && kinds[lead] == .heading { lead += 1 }
        if lead > 0 && (!text.isPrintLayout || !runs.afterBody) {
            // A page whose headlines come first: its first article is named by the headings it opens with.
            titleRuns[0] = 0..<lead
        }
        var i = 1
        while i < paragraphs.count {
            guard kinds[i - 1] == .body else {
                i += 1
                continue
            }
            if kinds[i] == .byline || (credited[i] || caption[i - 1]) && kinds[i] == .body {
                open(i)
                i += 1
                continue
            }
            guard let run = runs.run(at: i) else {
                i += 1
                continue
            }
            let end = run.headings.upperBound
            if !text.isPrintLayout {
                if divides(run.headings) {
                    open(i)
                    titleRuns[i] = i..<end
                }
            } else if divides(run.headings) || run.closesBefore {
                // Headings that name the body before close its article; the rest open the next.
                let cut = runs.cut(run)
                if cut > i && titleRuns[starts.last!] == nil { titleRuns[starts.last!] = i..<cut }
                if cut < paragraphs.count { open(cut) }
                if cut < end { titleRuns[cut] = cut..<end }
            }
            i = end
        }
        var articles: [Article] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : paragraphs.count
            let range = paragraphs[start].lowerBound..<paragraphs[end - 1].upperBound
            let run = titleRuns[start] ?? (start..<end)
            let title = run.filter { kinds[$0] == .heading }.map { paragraphs[$0] }.max { $0.count < $1.count }
            articles.append(Article(range: range, titleRange: title))
        }
        return articles
    }

    static func classify(_ units: ArraySlice<UInt32>) -> Kind {
        if isByline(units) { return .byline }
        if !endsSentence(units) && (units.count <= 50 || units.count <= 100 && !hasIdeograph(units)) {
            return .heading
        }
        return .body
    }

    /// Whether a paragraph is body text: neither a byline nor a heading (see the type's rules).
    ///
    /// - Complexity: O(1) for most paragraphs (it looks at the first and last units; a Latin
    ///   paragraph of 51-100 units that ends no sentence is read whole).
    package static func isBody(_ paragraph: ArraySlice<UInt32>) -> Bool {
        classify(paragraph) == .body
    }

    /// Whether a paragraph is a heading: no byline, ends no sentence, and is short (see the
    /// type's rules).
    ///
    /// - Complexity: O(1) for most paragraphs, as `isBody`.
    package static func isHeading(_ paragraph: ArraySlice<UInt32>) -> Bool {
        classify(paragraph) == .heading
    }

    private static let creditPrefixes: [[UInt32]] = ["本报记者", "本报讯", "本报通讯员", "记者", "通讯员", "新华社", "By "]
        .map { $0.unicodeScalars.map(\.value) }

    private static func isByline(_ units: ArraySlice<UInt32>) -> Bool {
        startsWithCredit(units) && (units.count <= 60 || !endsSentence(units))
    }

    /// Whether a paragraph (or a line) begins with a newspaper's credit (see the type's rules).
    ///
    /// - Complexity: O(1).
    package static func startsWithCredit(_ units: ArraySlice<UInt32>) -> Bool {
        creditPrefixes.contains { units.starts(with: $0) } || isDatelineCredit(units)
    }

    /// Whether a paragraph (or a line) begins with a dispatch credit, `本报讯` or `本报北京4月7日电`,
    /// which opens an article's text and nothing else.
    ///
    /// - Complexity: O(1).
    static func startsWithDispatchCredit(_ units: ArraySlice<UInt32>) -> Bool {
        units.starts(with: [0x672C, 0x62A5, 0x8BAF]) || isDatelineCredit(units)  // 本报讯
    }

    /// `本报北京4月7日电`: 本报, then up to twelve units, then 电.
    private static func isDatelineCredit(_ units: ArraySlice<UInt32>) -> Bool {
        guard units.starts(with: [0x672C, 0x62A5]) else { return false }  // 本报
        return units.dropFirst(2).prefix(13).contains(0x7535)  // 电
    }

    private static func hasIdeograph(_ units: ArraySlice<UInt32>) -> Bool {
        units.contains { ScriptClass.of($0) == .ideograph }
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
