import DoppelText

/// Escaping and the page frame shared by the HTML reports. Every piece of input text reaches a
/// page through `escape`, so text from a file can never become markup.
enum HTML {
    /// Appends `scalars` as HTML text: `& < > " '` become character references; C0 and C1
    /// control characters other than tab (which HTML does not allow as text) become U+FFFD;
    /// bidirectional controls are shown by name (`<RLO>`, `BidiControl`), in a marked span,
    /// so that they cannot reorder the page.
    ///
    /// - Complexity: O(n).
    static func escape<S: Sequence<Unicode.Scalar>>(_ scalars: S, into out: inout String) {
        for scalar in scalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&#39;"
            case 0x09: out += "\t"
            case 0..<0x20, 0x7F..<0xA0: out += "\u{FFFD}"
            case 0x202A...0x202E, 0x2066...0x2069:
                out += "<span class=\"bidi\">&lt;\(BidiControl.name(scalar.value)!)&gt;</span>"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// `s` as HTML text.
    static func escape(_ s: String) -> String {
        var out = ""
        escape(s.unicodeScalars, into: &out)
        return out
    }

    /// `s` as the value of a quoted attribute: as `escape`, but bidirectional controls are
    /// named without markup (`&lt;RLO&gt;`).
    static func attribute(_ s: String) -> String { escape(BidiControl.visible(s)) }

    /// A complete, self-contained page: inline style sheet, no scripts, no external resources.
    ///
    /// - Parameters:
    ///   - title: plain text for the `<title>` (escaped here).
    ///   - body: markup already escaped by the caller.
    static func document(title: String, body: String) -> String {
        document(title: title) { $0 += body }
    }

    /// A page as `document(title:body:)` makes it, the body written by `writeBody` straight into
    /// the page: a long report is held once, not once as its body and again as the page.
    static func document(title: String, writeBody: (inout String) -> Void) -> String {
        var page = """
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="doppel">
            <title>\(escape(title))</title>
            <style>
            \(HTMLStyle.sheet)</style>
            </head>
            <body>

            """
        writeBody(&page)
        page += "</body>\n</html>\n"
        return page
    }
}
