/// The readable text of an HTML page, as a small tolerant tokenizer sees it.
///
/// What comes out:
/// - text between tags, with character references decoded (named, `&#NNN;`, `&#xHH;`);
/// - runs of white space (space, tab, line feed, carriage return, form feed) collapsed to one
///   space, none at the start of the text or of a paragraph; inside `pre` white space is kept
///   (but for a line break right after `<pre>`);
/// - a paragraph break (a blank line, `\n\n`) at the start and end of every block element (`p`,
///   `div`, `br`, `h1`-`h6`, `li`, `tr`, `table`, `section`, `title`, ...), never two in a row,
///   none at the start or end of the text; a space between table cells;
/// - nothing of comments, of `<!...>`, `<?...>` and `</...>` without a letter after `</`, of
///   `script`, `style`, `noscript`, `template` and `iframe` elements, or of tags themselves;
/// - with `mainContentOnly`, nothing of the page's chrome either (`HTMLMainContent`): `head`
///   (with its `title`), `nav`, `aside`, `form`, `header` and `footer` outside `article` and
///   `main`, and elements marked hidden.
///
/// Malformed markup never fails: a `<` that does not start a tag is text, a tag or comment left
/// open runs to the end of the input, an attribute quote left open ends at the tag's next `>`.
/// Every scan only moves forward, so the time is linear in the input.
///
/// Offsets in a `SourceText` made from an HTML file refer to this extracted text; `extract`
/// also gives, for each extracted code point, its offset in the page, so that lines and columns
/// are the page's (`SourceText.location(of:)`).
public enum HTMLText {
    /// Whether a path names an HTML file by its extension (`.html`, `.htm`, `.xhtml`, any case).
    ///
    /// - Complexity: O(length of the path).
    public static func hasHTMLExtension(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return ["html", "htm", "xhtml"].contains(path[path.index(after: dot)...].lowercased())
    }

    /// Whether a decoded text starts like an HTML page: after white space, a byte order mark and
    /// an optional `<?xml ...?>` declaration, `<!doctype html` or `<html` (any case).
    ///
    /// - Complexity: O(length of the leading white space and declaration).
    public static func looksLikeHTML(_ scalars: [Unicode.Scalar]) -> Bool {
        var i = skipSpace(scalars, 0)
        if matches(scalars, i, "<?xml") {
            while i + 1 < scalars.count, !(scalars[i] == "?" && scalars[i + 1] == ">") { i += 1 }
            i = skipSpace(scalars, i + 2)
        }
        return matches(scalars, i, "<!doctype html") || matches(scalars, i, "<html")
    }

    /// The text of an HTML page, as described for the type.
    ///
    /// - Complexity: O(n) in the number of code points.
    public static func extractText(_ html: [Unicode.Scalar], mainContentOnly: Bool = false) -> [Unicode.Scalar] {
        extract(html, mainContentOnly: mainContentOnly).text
    }

    /// The text of an HTML page and, for each of its code points, the offset in `html` of the
    /// code point it came from (for a space or paragraph break, of the text that follows it).
    ///
    /// - Complexity: O(n) in the number of code points.
    public static func extract(_ html: [Unicode.Scalar], mainContentOnly: Bool = false)
        -> (text: [Unicode.Scalar], offsets: [Int32])
    {
        var tokenizer = HTMLTokenizer(html, mainContentOnly: mainContentOnly)
        tokenizer.run()
        return (tokenizer.sink.output, tokenizer.sink.offsets)
    }

    private static func skipSpace(_ s: [Unicode.Scalar], _ start: Int) -> Int {
        var i = start
        while i < s.count, s[i] == "\u{FEFF}" || HTMLTokenizer.isSpace(s[i]) { i += 1 }
        return i
    }

    /// Whether `s` holds `ascii` (lower case) at `i`, ignoring ASCII case.
    static func matches(_ s: [Unicode.Scalar], _ i: Int, _ ascii: String) -> Bool {
        var k = i
        for expected in ascii.unicodeScalars {
            guard k < s.count, lowercased(s[k]) == expected.value else { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    static func lowercased(_ c: Unicode.Scalar) -> UInt32 {
        c.value >= 0x41 && c.value <= 0x5A ? c.value + 0x20 : c.value
    }
}

/// Collects extracted text, collapsing white space and paragraph breaks.
struct HTMLTextSink {
    private(set) var output: [Unicode.Scalar] = []
    /// For each code point of `output`, its offset in the page.
    private(set) var offsets: [Int32] = []
    private var pendingSpace = false
    private var pendingBreak = false

    /// A white-space character outside `pre`: at most one space is kept.
    mutating func space() { pendingSpace = true }

    /// A block boundary: a blank line before the next text.
    mutating func paragraphBreak() { pendingBreak = true }

    /// A character that is written as it is (text, or white space inside `pre`), found at
    /// `offset` in the page.
    mutating func append(_ c: Unicode.Scalar, at offset: Int) {
        let at = Int32(truncatingIfNeeded: offset)
        if !output.isEmpty {
            if pendingBreak {
                while let last = output.last, last == " " || last == "\n" {
                    output.removeLast()
                    offsets.removeLast()
                }
                output.append(contentsOf: ["\n", "\n"])
                offsets.append(contentsOf: [at, at])
            } else if pendingSpace, output.last != "\n", output.last != " " {
                output.append(" ")
                offsets.append(at)
            }
        }
        pendingBreak = false
        pendingSpace = false
        output.append(c)
        offsets.append(at)
    }
}

/// The state of one pass over an HTML page; see `HTMLText`.
struct HTMLTokenizer {
    let s: [Unicode.Scalar]
    private var i = 0
    private var preDepth = 0
    /// Drop the page's chrome (`HTMLMainContent`).
    private let mainContentOnly: Bool
    /// Open `article` and `main` elements: `header` and `footer` inside them are content.
    private var contentDepth = 0
    /// Element names whose end tag was searched for from an offset and not found: no end from
    /// there on is looked for again (an unclosed `<nav>` then keeps its text).
    var noEndFrom: [String: Int] = [:]
    /// Where a search for a closing `"` or `'` already failed: no such quote from there on.
    private var noDoubleQuoteFrom = Int.max
    private var noSingleQuoteFrom = Int.max
    var sink = HTMLTextSink()

    init(_ html: [Unicode.Scalar], mainContentOnly: Bool = false) {
        s = html
        self.mainContentOnly = mainContentOnly
    }

    private static let blocks: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
        "header", "footer", "blockquote", "pre", "table", "ul", "ol", "title", "hr", "dl", "dt", "dd",
        "nav", "aside", "main", "figure", "figcaption", "caption", "address", "form", "fieldset",
        "center", "body", "thead", "tbody", "tfoot", "option", "details", "summary",
    ]
    private static let cells: Set<String> = ["td", "th"]
    private static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe"]

    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}"
    }

    @inline(__always)
    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A
    }

    mutating func run() {
        while i < s.count {
            let c = s[i]
            if c == "<" {
                tag()
            } else if c == "&" {
                let at = i
                text(entity(), at: at)
            } else {
                text(c, at: i)
                i += 1
            }
        }
    }

    private mutating func text(_ c: Unicode.Scalar, at offset: Int) {
        if preDepth == 0, Self.isSpace(c) { sink.space() } else { sink.append(c, at: offset) }
    }

    /// At a `<`: a comment, a declaration, an end tag, a start tag, or a literal `<`.
    private mutating func tag() {
        let next = i + 1 < s.count ? s[i + 1] : " "
        if next == "!" {
            if HTMLText.matches(s, i, "<!--") {
                i = after("-->", from: i + 4)
            } else {
                i = after(">", from: i + 2)
            }
        } else if next == "?" {
            i = after(">", from: i + 2)
        } else if next == "/", i + 2 < s.count, Self.isASCIILetter(s[i + 2]) {
            let name = tagName(from: i + 2)
            i = after(">", from: i + 2 + name.count)
            if name == "pre" { preDepth = max(0, preDepth - 1) }
            if name == "article" || name == "main" { contentDepth = max(0, contentDepth - 1) }
            if Self.blocks.contains(name) {
                sink.paragraphBreak()
            } else if Self.cells.contains(name) {
                sink.space()
            }
        } else if next == "/" {
            i = after(">", from: i + 2)
        } else if Self.isASCIILetter(next) {
            let name = tagName(from: i + 1)
            let attributes = i + 1 + name.count
            i = endOfStartTag(from: attributes)
            if mainContentOnly,
                HTMLMainContent.isChrome(
                    name, attributes: s[attributes..<max(attributes, i - 1)],
                    insideContent: contentDepth > 0),
                let end = afterElement(name, from: i)
            {
                i = end
                sink.paragraphBreak()
                return
            }
            if name == "article" || name == "main" { contentDepth += 1 }
            if Self.skipped.contains(name) {
                i = afterEndTag(name, from: i)
            } else if Self.blocks.contains(name) {
                sink.paragraphBreak()
                if name == "pre" {
                    preDepth += 1
                    // As in browsers, a line break right after `<pre>` is not content.
                    if i < s.count, s[i] == "\r" { i += 1 }
                    if i < s.count, s[i] == "\n" { i += 1 }
                }
            } else if Self.cells.contains(name) {
                sink.space()
            }
        } else {
            text("<", at: i)
            i += 1
        }
    }

    /// The lower-cased tag name starting at `start`: letters, digits, `-`, `:`.
    func tagName(from start: Int) -> String {
        var name = String.UnicodeScalarView()
        var k = start
        while k < s.count {
            let c = s[k]
            guard Self.isASCIILetter(c) || (c >= "0" && c <= "9") || c == "-" || c == ":" else { break }
            name.append(Unicode.Scalar(HTMLText.lowercased(c))!)
            k += 1
        }
        return String(name)
    }

    /// The offset after the `>` closing a start tag whose attributes begin at `start`, honouring
    /// quoted attribute values.
    private mutating func endOfStartTag(from start: Int) -> Int {
        var k = start
        while k < s.count {
            let c = s[k]
            if c == ">" { return k + 1 }
            if c == "=" {
                k += 1
                while k < s.count, Self.isSpace(s[k]) { k += 1 }
                if k < s.count, s[k] == "\"" || s[k] == "'" {
                    k = closingQuote(s[k], from: k + 1) ?? k + 1
                }
                continue
            }
            k += 1
        }
        return s.count
    }

    /// The offset after the `quote` closing a value that starts at `start`, or `nil` when there
    /// is none (the value then ends with the tag's next `>`).
    private mutating func closingQuote(_ quote: Unicode.Scalar, from start: Int) -> Int? {
        let failedFrom = quote == "\"" ? noDoubleQuoteFrom : noSingleQuoteFrom
        if start >= failedFrom { return nil }
        var k = start
        while k < s.count {
            if s[k] == quote { return k + 1 }
            k += 1
        }
        if quote == "\"" { noDoubleQuoteFrom = start } else { noSingleQuoteFrom = start }
        return nil
    }

    /// The offset after the first `needle` at or after `start`, or the end of the input.
    func after(_ needle: String, from start: Int) -> Int {
        let pattern = Array(needle.unicodeScalars)
        var k = start
        search: while k + pattern.count <= s.count {
            for j in 0..<pattern.count where s[k + j] != pattern[j] {
                k += 1
                continue search
            }
            return k + pattern.count
        }
        return s.count
    }

    /// The offset after the end tag `</name ...>` that closes a skipped element, or the end.
    private func afterEndTag(_ name: String, from start: Int) -> Int {
        var k = start
        while k < s.count {
            if s[k] == "<", HTMLText.matches(s, k, "</" + name) {
                let end = k + 2 + name.unicodeScalars.count
                if end >= s.count || !(Self.isASCIILetter(s[end]) || (s[end] >= "0" && s[end] <= "9")) {
                    return after(">", from: end)
                }
            }
            k += 1
        }
        return s.count
    }

    /// Decodes the character reference at `i` (an `&`) and moves past it; a `&` that starts no
    /// known reference is itself.
    private mutating func entity() -> Unicode.Scalar {
        var k = i + 1
        if k < s.count, s[k] == "#" {
            k += 1
            let hex = k < s.count && (s[k] == "x" || s[k] == "X")
            if hex { k += 1 }
            var value: UInt32 = 0
            let digitsStart = k
            while k < s.count, let digit = Self.digitValue(s[k], hex: hex) {
                value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                k += 1
            }
            guard k > digitsStart else {
                i += 1
                return "&"
            }
            if k < s.count, s[k] == ";" { k += 1 }
            i = k
            return HTMLEntities.numeric(value)
        }
        var name = String.UnicodeScalarView()
        while k < s.count, name.count <= HTMLEntities.longestName,
            Self.isASCIILetter(s[k]) || (s[k] >= "0" && s[k] <= "9")
        {
            name.append(s[k])
            k += 1
        }
        let key = String(name)
        if k < s.count, s[k] == ";", let value = HTMLEntities.named(key) {
            i = k + 1
            return Unicode.Scalar(value)!
        }
        if HTMLEntities.legacyWithoutSemicolon.contains(key), let value = HTMLEntities.named(key) {
            i = k
            return Unicode.Scalar(value)!
        }
        i += 1
        return "&"
    }

    private static func digitValue(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x61...0x66 where hex: return c.value - 0x61 + 10
        case 0x41...0x46 where hex: return c.value - 0x41 + 10
        default: return nil
        }
    }
}
