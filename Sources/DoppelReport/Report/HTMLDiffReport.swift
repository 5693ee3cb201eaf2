import DoppelCompare
import DoppelDiff
import DoppelIO
import DoppelText

/// Renders a `Comparison` as a self-contained HTML page people read: both versions side by side
/// in their own layout (original lines as in the files), aligned passages in the same row, each
/// edit highlighted in both columns and linked to its twin, moved passages and one-sided text
/// marked, and a summary with a list of edits that jumps to each.
///
/// The page has an inline style sheet and no scripts or external resources, so it works offline
/// and in any browser. Ids: edit `n` (1-based, in row order) is `e<n>-a` in column A and
/// `e<n>-b` in column B, each linking to the other; every highlighted piece carries
/// `data-edit="n"`. In a section of a larger page every id starts with the section's anchor.
public enum HTMLDiffReport {
    /// The whole page.
    ///
    /// - Complexity: O(n + m + e log e) for texts of n and m code points with e edits.
    public static func page(_ c: Comparison) -> String {
        HTML.document(title: "doppel diff: \(c.sourceA.path) ↔ \(c.sourceB.path)") {
            section(c, anchor: "", heading: "doppel diff", into: &$0)
        }
    }

    /// The report as a `<section>` to place in a larger page (as the cluster report does). With a
    /// non-empty `anchor`, the section's id is `anchor` and every id in it starts with `anchor-`
    /// (`anchor-e12-a`).
    ///
    /// - Complexity: as `page(_:)`.
    public static func section(_ c: Comparison, anchor: String, heading: String) -> String {
        var out = ""
        section(c, anchor: anchor, heading: heading, into: &out)
        return out
    }

    /// Appends the section to `out`, as `section(_:anchor:heading:)` makes it.
    static func section(_ c: Comparison, anchor: String, heading: String, into out: inout String) {
        let layout = SideBySide(c)
        let numbers = editNumbers(c, layout)
        out +=
            anchor.isEmpty
            ? "<section class=\"diff\">\n" : "<section class=\"diff\" id=\"\(HTML.attribute(anchor))\">\n"
        let anchor = anchor.isEmpty ? "" : HTML.attribute(anchor) + "-"
        summary(c, layout, numbers, anchor: anchor, heading: heading, into: &out)
        table(c, layout, numbers, anchor: anchor, into: &out)
        out += "</section>\n"
    }

    // MARK: Numbering

    /// The number of the first edit of each pair; edits are numbered 1… in row order.
    private static func editNumbers(_ c: Comparison, _ layout: SideBySide) -> [Int] {
        var first = [Int](repeating: 0, count: c.pairs.count)
        var next = 1
        for row in layout.rows {
            if case let .pair(p) = row.content {
                first[p] = next
                next += c.pairs[p].edits.count
            }
        }
        return first
    }

    // MARK: Summary

    private static func summary(
        _ c: Comparison, _ layout: SideBySide, _ numbers: [Int], anchor: String,
        heading: String, into out: inout String
    ) {
        out += "<header class=\"summary\">\n<h1>\(HTML.escape(heading))</h1>\n<table class=\"files\">\n"
        for (label, source, text) in [("A", c.sourceA, c.textA), ("B", c.sourceB, c.textB)] {
            out += "<tr><th>\(label)</th><td class=\"path\">\(HTML.escape(source.path))</td>"
            out +=
                "<td>\(Plural.count(source.scalars.count, "character")), \(Plural.count(source.lineStarts.count, "line")), "
            out +=
                "\(source.encoding.rawValue), \(source.format.rawValue)\(text.isPrintLayout ? ", print layout" : "")</td></tr>\n"
        }
        out += "</table>\n"
        var kinds: [EditKind: Int] = [:]
        for pc in c.pairs { for e in pc.edits { kinds[e.kind, default: 0] += 1 } }
        let moved = c.pairs.filter(\.pair.moved).count
        out += "<ul class=\"stats\">\n"
        out += "<li><b>\(JSONWriter.format(c.similarity, digits: 3))</b> similarity</li>\n"
        out += "<li><b>\(c.editCount)</b> edits: \(kinds[.text] ?? 0) text, \(kinds[.number] ?? 0) number, "
        out +=
            "\(kinds[.punctuation] ?? 0) punctuation\(kinds[.control].map { ", \($0) control (bidirectional)" } ?? "")\(kinds[.paragraph].map { ", \($0) paragraph" } ?? "")</li>\n"
        out += "<li><b>\(c.pairs.count)</b> passages aligned, \(moved) moved</li>\n"
        out += "<li><b>\(c.onlyInA.count)</b> only in A, <b>\(c.onlyInB.count)</b> only in B</li>\n</ul>\n"
        let layoutEntries = c.ledger.entries.filter { $0.count > 0 }
            .map { "\($0.name.split(separator: "_").joined(separator: " ")) \($0.count)" }
        out += "<p class=\"ledger\"><b>Layout set aside</b> (not reported as edits): "
        out += layoutEntries.isEmpty ? "nothing" : layoutEntries.joined(separator: ", ")
        out += "</p>\n"
        if !c.exact {
            out +=
                "<p class=\"note\">Some passages exceeded the diff cost budget: their edits are valid but may not be minimal.</p>\n"
        }
        out += legend
        if c.editCount > 0 {
            let firstEdits = CheckReport.firstEdits(c)
            out +=
                "<details class=\"edit-list\"\(c.editCount <= 500 ? " open" : "")><summary>\(c.editCount) edits</summary>\n<ol>\n"
            for row in layout.rows {
                guard case let .pair(p) = row.content else { continue }
                for (k, edit) in c.pairs[p].edits.enumerated() {
                    let id = "\(anchor)e\(numbers[p] + k)"
                    let a = DiffReport.place(edit.a, c.textA, c.sourceA)
                    let b = DiffReport.place(edit.b, c.textB, c.sourceB)
                    out += "<li><a href=\"#\(id)-a\">A \(a.label)</a> <a href=\"#\(id)-b\">B \(b.label)</a> "
                    out += "<span class=\"kind\">\(edit.kind.rawValue)</span> "
                    if !edit.a.isEmpty { out += "<del>\(HTML.escape(DiffReport.original(c.sourceA, a.range)))</del>" }
                    if edit.operation == .replace { out += " → " }
                    if !edit.b.isEmpty { out += "<ins>\(HTML.escape(DiffReport.original(c.sourceB, b.range)))</ins>" }
                    out += CheckReport.htmlBadges(c, edit: firstEdits[p] + k, anchor: anchor)
                    out += "</li>\n"
                }
            }
            out += "</ol>\n</details>\n"
        }
        out += "</header>\n"
    }

    private static let legend = """
        <p class="legend"><span class="ed del">removed</span> in A, <span class="ed ins">added</span> in B, \
        <span class="ed at ins"></span> where B adds, <span class="ed at del"></span> where A had text; \
        <span class="badge moved">moved</span> passages are in another order; \
        <span class="badge only">only in A</span> / <span class="badge only">only in B</span> text is shaded. \
        Each highlight links to its twin in the other column.</p>

        """

    // MARK: Table

    private static func table(
        _ c: Comparison, _ layout: SideBySide, _ numbers: [Int], anchor: String,
        into out: inout String
    ) {
        out += "<table class=\"sbs\">\n<colgroup><col class=\"ca\"><col class=\"cb\"></colgroup>\n"
        out += "<thead><tr><th>A <span class=\"path\">\(HTML.escape(c.sourceA.path))</span></th>"
        out += "<th>B <span class=\"path\">\(HTML.escape(c.sourceB.path))</span></th></tr></thead>\n<tbody>\n"
        for row in layout.rows {
            switch row.content {
            case let .pair(p):
                let pc = c.pairs[p]
                let marksA = pc.edits.enumerated().map { k, e in
                    Mark(range: c.textA.originRange(of: e.a), number: numbers[p] + k, edit: e)
                }
                let marksB = pc.edits.enumerated().map { k, e in
                    Mark(range: c.textB.originRange(of: e.b), number: numbers[p] + k, edit: e)
                }
                let pa = DiffReport.place(pc.pair.a, c.textA, c.sourceA)
                let pb = DiffReport.place(pc.pair.b, c.textB, c.sourceB)
                var head = "A \(pa.label)–\(end(pa.range, c.sourceA)) · B \(pb.label)–\(end(pb.range, c.sourceB))"
                head += " · similarity \(JSONWriter.format(pc.similarity, digits: 3))"
                head += pc.edits.isEmpty ? " · no edits" : " · \(pc.edits.count) edit\(pc.edits.count == 1 ? "" : "s")"
                let badge = pc.pair.moved ? "<span class=\"badge moved\">moved</span> " : ""
                let rowClass = pc.pair.moved ? "pair moved" : "pair"
                out += "<tr class=\"hd \(rowClass)\"><td colspan=\"2\">\(badge)\(head)</td></tr>\n"
                out += "<tr class=\"\(rowClass)\"><td class=\"a\">"
                cell(row.a!, c.sourceA, marksA, side: .a, anchor: anchor, c: c, into: &out)
                out += "</td><td class=\"b\">"
                cell(row.b!, c.sourceB, marksB, side: .b, anchor: anchor, c: c, into: &out)
                out += "</td></tr>\n"
            case let .onlyInA(k):
                let p = DiffReport.place(c.onlyInA[k], c.textA, c.sourceA)
                out += "<tr class=\"hd only\"><td colspan=\"2\"><span class=\"badge only\">only in A</span> "
                out +=
                    "A \(p.label)–\(end(p.range, c.sourceA)) · \(Plural.count(c.onlyInA[k].count, "character"))</td></tr>\n"
                out += "<tr class=\"only only-a\"><td class=\"a\">"
                cell(row.a!, c.sourceA, [], side: .a, anchor: anchor, c: c, into: &out)
                out += "</td><td class=\"b absent\">not in B</td></tr>\n"
            case let .onlyInB(k):
                let p = DiffReport.place(c.onlyInB[k], c.textB, c.sourceB)
                out += "<tr class=\"hd only\"><td colspan=\"2\"><span class=\"badge only\">only in B</span> "
                out +=
                    "B \(p.label)–\(end(p.range, c.sourceB)) · \(Plural.count(c.onlyInB[k].count, "character"))</td></tr>\n"
                out += "<tr class=\"only only-b\"><td class=\"a absent\">not in A</td><td class=\"b\">"
                cell(row.b!, c.sourceB, [], side: .b, anchor: anchor, c: c, into: &out)
                out += "</td></tr>\n"
            }
        }
        out += "</tbody>\n</table>\n"
    }

    /// The gutter of a line (0-based, of the text): its number in the file (for HTML, the page's
    /// line it starts on), and for a PDF the page above it on the first line of a cell and on
    /// each line that starts a page (`p7` over `167`).
    private static func gutter(_ line: Int, _ source: SourceText, first: Bool) -> String {
        guard line < source.lineStarts.count else { return "\(line + 1)" }
        let start = source.lineStarts[line]
        guard source.format == .pdf else { return "\(source.location(of: start).line)" }
        let page = source.page(of: start)
        let startsPage = line == 0 || source.page(of: source.lineStarts[line - 1]) != page
        return first || startsPage ? "<span class=\"pg\">p\(page)</span>\(line + 1)" : "\(line + 1)"
    }

    /// `line:column` of the last code point of a non-empty range.
    private static func end(_ range: Range<Int>, _ source: SourceText) -> String {
        let (line, column) = source.location(of: max(range.lowerBound, range.upperBound - 1))
        return "\(line):\(column)"
    }

    // MARK: Cells

    private enum Side { case a, b }

    /// An edit's original range on one side of a row.
    private struct Mark {
        var range: Range<Int>
        var number: Int
        var edit: Edit
    }

    /// One line of a cell: `line` (0-based) shows `text`; `owned` runs to the next line's start.
    private struct Segment {
        var line: Int
        var text: Range<Int>
        var owned: Range<Int>
    }

    /// A highlighted piece of a mark within one segment; `first` carries the mark's id.
    private struct Piece {
        var segment: Int
        var range: Range<Int>
        var mark: Int
        var first: Bool
    }

    /// Writes the lines of `span` with the marks highlighted. Blank lines at either end are left
    /// out unless a mark falls in them; a mark with nothing visible (a joined line break) is
    /// shown as a point so its link target always exists.
    private static func cell(
        _ span: Range<Int>, _ source: SourceText, _ marks: [Mark], side: Side,
        anchor: String, c: Comparison, into out: inout String
    ) {
        let segments = lines(span, source)
        guard !segments.isEmpty else { return }
        var pieces: [Piece] = []
        var s = 0
        for (m, mark) in marks.enumerated() {
            // The segment owning the mark's start; marks are in ascending order.
            let start = min(max(mark.range.lowerBound, span.lowerBound), span.upperBound)
            while s + 1 < segments.count && segments[s].owned.upperBound <= start { s += 1 }
            var visible = false
            var t = s
            while t < segments.count && segments[t].owned.lowerBound < max(mark.range.upperBound, start + 1) {
                let lo = max(
                    mark.range.lowerBound, segments[t].text.lowerBound,
                    pieces.last?.segment == t ? pieces.last!.range.upperBound : 0)
                let hi = min(mark.range.upperBound, segments[t].text.upperBound)
                if lo < hi {
                    pieces.append(Piece(segment: t, range: lo..<hi, mark: m, first: !visible))
                    visible = true
                }
                t += 1
            }
            if !visible {
                var at = min(max(start, segments[s].text.lowerBound), segments[s].text.upperBound)
                if pieces.last?.segment == s { at = max(at, pieces.last!.range.upperBound) }
                pieces.append(Piece(segment: s, range: at..<at, mark: m, first: true))
            }
        }
        pieces.sort { ($0.segment, $0.range.lowerBound, $0.mark) < ($1.segment, $1.range.lowerBound, $1.mark) }

        func blank(_ k: Int) -> Bool {
            source.scalars[segments[k].text].allSatisfy { $0.properties.isWhitespace }
        }
        let used = Set(pieces.map(\.segment))
        var first = 0
        var last = segments.count - 1
        while first < last && blank(first) && !used.contains(first) { first += 1 }
        while last > first && blank(last) && !used.contains(last) { last -= 1 }

        // Runs of unchanged lines longer than `foldLines` keep `contextLines` at each end and
        // fold the rest; the run before the first highlighted line and after the last too.
        var p = pieces.startIndex
        var k = first
        while k <= last {
            if !used.contains(k) {
                var runEnd = k
                while runEnd < last && !used.contains(runEnd + 1) { runEnd += 1 }
                if runEnd - k + 1 > foldLines {
                    for line in k..<k + contextLines {
                        writeLine(
                            line, source, segments, isBlank: blank(line), first: line == first, side: side,
                            anchor: anchor, into: &out)
                    }
                    let folded = k + contextLines...runEnd - contextLines
                    out += "<details class=\"fold\"><summary>\(Plural.count(folded.count, "unchanged line"))</summary>"
                    for line in folded {
                        writeLine(
                            line, source, segments, isBlank: blank(line), first: false, side: side, anchor: anchor,
                            into: &out)
                    }
                    out += "</details>"
                    for line in runEnd - contextLines + 1...runEnd {
                        writeLine(
                            line, source, segments, isBlank: blank(line), first: false, side: side, anchor: anchor,
                            into: &out)
                    }
                    k = runEnd + 1
                    continue
                }
            }
            while p < pieces.count && pieces[p].segment < k { p += 1 }
            if blank(k) && !used.contains(k) {
                out += "<div class=\"ln bl\"></div>"
                k += 1
                continue
            }
            openLine(k, source, segments, first: k == first, side: side, anchor: anchor, into: &out)
            var i = segments[k].text.lowerBound
            while p < pieces.count && pieces[p].segment == k {
                // Pieces never overlap unless two marks share an original code point (one code
                // point folded into several units); then the later piece starts where the other ends.
                let piece = pieces[p]
                let lo = max(i, piece.range.lowerBound)
                let hi = max(lo, piece.range.upperBound)
                unchanged(source.scalars[i..<lo], into: &out)
                open(
                    marks[piece.mark], first: piece.first, empty: lo == hi, side: side, anchor: anchor, c: c, into: &out
                )
                HTML.escape(source.scalars[lo..<hi], into: &out)
                out += "</a>"
                i = hi
                p += 1
            }
            unchanged(source.scalars[i..<segments[k].text.upperBound], into: &out)
            out += "</div></div>"
            k += 1
        }
    }

    /// Unchanged runs of more lines than this are folded (`<details class="fold">`), keeping
    /// `contextLines` at each end in view.
    static let foldLines = 12
    /// Lines kept in view at each end of a folded run.
    static let contextLines = 3
    /// Unchanged text within a line longer than this many code points is folded, keeping
    /// `contextCharacters` at each end in view.
    static let foldCharacters = 1000
    /// Code points kept in view at each end of a folded stretch of a line.
    static let contextCharacters = 200

    /// A line of a cell with nothing highlighted (or blank).
    private static func writeLine(
        _ k: Int, _ source: SourceText, _ segments: [Segment], isBlank: Bool, first: Bool, side: Side,
        anchor: String, into out: inout String
    ) {
        if isBlank {
            out += "<div class=\"ln bl\"></div>"
            return
        }
        openLine(k, source, segments, first: first, side: side, anchor: anchor, into: &out)
        unchanged(source.scalars[segments[k].text], into: &out)
        out += "</div></div>"
    }

    /// The start of a line of a cell, up to its text. B's lines carry ids (`bl<line>`) for the
    /// links to kept places (`CheckReport`); a line split between two rows takes its id in the
    /// row holding its start.
    private static func openLine(
        _ k: Int, _ source: SourceText, _ segments: [Segment], first: Bool, side: Side, anchor: String,
        into out: inout String
    ) {
        let segment = segments[k]
        let lineID =
            side == .b && segment.text.lowerBound == source.lineStarts[segment.line]
            ? " id=\"\(HTML.escape(anchor))bl\(segment.line + 1)\"" : ""
        out +=
            "<div class=\"ln\"\(lineID)><span class=\"no\">\(gutter(segment.line, source, first: first))</span><div class=\"tx\">"
    }

    /// Unchanged text of one line, escaped; longer than `foldCharacters`, its middle folded into
    /// a `<details class="fold">` that opens in place.
    private static func unchanged(_ text: ArraySlice<Unicode.Scalar>, into out: inout String) {
        guard text.count > foldCharacters else {
            HTML.escape(text, into: &out)
            return
        }
        let middle = text.startIndex + contextCharacters..<text.endIndex - contextCharacters
        HTML.escape(text[..<middle.lowerBound], into: &out)
        out += "<details class=\"fold\"><summary>\(Plural.count(middle.count, "unchanged character"))</summary>"
        HTML.escape(text[middle], into: &out)
        out += "</details>"
        HTML.escape(text[middle.upperBound...], into: &out)
    }

    /// The opening tag of a highlighted piece: a link to the twin in the other column.
    private static func open(
        _ mark: Mark, first: Bool, empty: Bool, side: Side, anchor: String, c: Comparison,
        into out: inout String
    ) {
        let id = "\(anchor)e\(mark.number)"
        let (own, twin) = side == .a ? ("a", "b") : ("b", "a")
        let inserts = side == .a ? mark.edit.a.isEmpty : !mark.edit.b.isEmpty
        var classes = "ed \(inserts ? "ins" : "del") k-\(mark.edit.kind.rawValue)"
        if empty { classes += " at" }
        let before = DiffReport.original(c.sourceA, c.textA.originRange(of: mark.edit.a))
        let after = DiffReport.original(c.sourceB, c.textB.originRange(of: mark.edit.b))
        let title: String
        switch mark.edit.operation {
        case .replace: title = "\(mark.edit.kind.rawValue) edit \(mark.number): \(before) → \(after)"
        case .insert: title = "\(mark.edit.kind.rawValue) edit \(mark.number): B adds \(after)"
        case .delete: title = "\(mark.edit.kind.rawValue) edit \(mark.number): B drops \(before)"
        }
        out += "<a class=\"\(classes)\"\(first ? " id=\"\(id)-\(own)\"" : "") href=\"#\(id)-\(twin)\" "
        out += "data-edit=\"\(mark.number)\" title=\"\(HTML.attribute(title))\">"
    }

    /// The lines that `span` touches, each cut to the span and without its line terminator.
    private static func lines(_ span: Range<Int>, _ source: SourceText) -> [Segment] {
        guard !span.isEmpty else { return [] }
        let starts = source.lineStarts
        var line = source.textLine(of: span.lowerBound)
        var segments: [Segment] = []
        while line < starts.count && starts[line] < span.upperBound {
            let next = line + 1 < starts.count ? starts[line + 1] : source.scalars.count
            var contentEnd = next
            if contentEnd > starts[line] {
                let v = source.scalars[contentEnd - 1].value
                if v == 0x0A {
                    contentEnd -= 1
                    if contentEnd > starts[line] && source.scalars[contentEnd - 1].value == 0x0D { contentEnd -= 1 }
                } else if v == 0x0D || v == 0x0C {
                    contentEnd -= 1
                }
            }
            let lo = max(span.lowerBound, starts[line])
            let hi = max(lo, min(span.upperBound, contentEnd))
            segments.append(Segment(line: line, text: lo..<hi, owned: lo..<min(span.upperBound, next)))
            line += 1
        }
        return segments
    }
}
