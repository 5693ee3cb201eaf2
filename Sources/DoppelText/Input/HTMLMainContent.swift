/// What of an HTML page is chrome rather than content, for `HTMLText.extract(_:mainContentOnly:)`:
/// the `head` (its `title` included), `nav`, `aside` and `form` elements, `header` and `footer`
/// outside `article` and `main` (inside them they hold an article's headline or byline), and any
/// element marked hidden: the `hidden` attribute, `aria-hidden="true"`, or an inline style with
/// `display: none` or `visibility: hidden`. A chrome element whose end tag is missing is kept,
/// so malformed markup never loses the rest of the page.
enum HTMLMainContent {
    private static let chrome: Set<String> = ["head", "title", "nav", "aside", "form"]
    private static let pageBands: Set<String> = ["header", "footer"]
    /// Elements without content: marked hidden, they have nothing to drop.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Whether the element `name` with these attributes (the text between the name and `>`) is
    /// chrome.
    ///
    /// - Complexity: O(length of the attributes).
    static func isChrome(_ name: String, attributes: ArraySlice<Unicode.Scalar>, insideContent: Bool) -> Bool {
        if chrome.contains(name) { return true }
        if pageBands.contains(name) && !insideContent { return true }
        return !void.contains(name) && isHidden(attributes)
    }

    /// Whether attributes mark an element hidden: `hidden`, `aria-hidden="true"`, or a style with
    /// `display:none` or `visibility:hidden` (spaces and case ignored).
    static func isHidden(_ attributes: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !attributes.isEmpty else { return false }
        var lower = ""
        lower.unicodeScalars.reserveCapacity(attributes.count)
        for c in attributes { lower.unicodeScalars.append(Unicode.Scalar(HTMLText.lowercased(c)) ?? c) }
        let compact = String(lower.unicodeScalars.filter { !HTMLTokenizer.isSpace($0) })
        if compact.contains("aria-hidden=\"true\"") || compact.contains("aria-hidden='true'")
            || compact.contains("aria-hidden=true") || compact.contains("display:none")
            || compact.contains("visibility:hidden")
        {
            return true
        }
        // `hidden` as an attribute name: not inside a value, bounded by space, `/`, `=` or the end.
        var inQuote: Unicode.Scalar?
        let scalars = Array(lower.unicodeScalars)
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            if let q = inQuote {
                if c == q { inQuote = nil }
            } else if c == "\"" || c == "'" {
                inQuote = c
            } else if c == "h", k == 0 || HTMLTokenizer.isSpace(scalars[k - 1]),
                k + 6 <= scalars.count, String(String.UnicodeScalarView(scalars[k..<k + 6])) == "hidden",
                k + 6 == scalars.count || [" ", "\t", "\n", "\r", "/", "="].contains(scalars[k + 6])
            {
                return true
            }
            k += 1
        }
        return false
    }
}

extension HTMLTokenizer {
    /// The offset after the end of the element `name` whose start tag ends at `start`, counting
    /// nested elements of the same name; `start` itself for a void element; nil when the end tag
    /// is missing. A `head` also ends where `<body` begins.
    ///
    /// - Complexity: O(length of the element); a search that failed is not repeated from a later
    ///   offset (`noEndFrom`), so the whole page costs O(n).
    mutating func afterElement(_ name: String, from start: Int) -> Int? {
        if HTMLMainContent.void.contains(name) { return start }
        if let failed = noEndFrom[name], start >= failed { return nil }
        let open = "<" + name
        let close = "</" + name
        let length = name.unicodeScalars.count
        func endsName(_ k: Int) -> Bool {
            k >= s.count || !(Self.isNameCharacter(s[k]))
        }
        var depth = 1
        var k = start
        while k < s.count {
            if s[k] == "<" {
                if HTMLText.matches(s, k, close), endsName(k + 2 + length) {
                    depth -= 1
                    if depth == 0 { return after(">", from: k + 2 + length) }
                } else if name == "head", HTMLText.matches(s, k, "<body"), endsName(k + 5) {
                    return k
                } else if HTMLText.matches(s, k, open), endsName(k + 1 + length) {
                    depth += 1
                }
            }
            k += 1
        }
        noEndFrom[name] = start
        return nil
    }

    /// A letter, digit, `-` or `:`, which continue a tag name.
    static func isNameCharacter(_ c: Unicode.Scalar) -> Bool {
        ((c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A) || (c >= "0" && c <= "9") || c == "-" || c == ":"
    }
}
