import DoppelDiff
import DoppelIO
import DoppelText

/// Renders a `Collation` as a self-contained synoptic page: one witness's text (the base, in
/// its own lines) with every variant location it reads marked, all readings shown on hover, and
/// a side list of the variant locations with every reading and its witnesses, each linking to
/// its mark and back; above them, the witnesses and who agrees with whom.
///
/// Like the diff page it has an inline style sheet and no scripts or external resources. Ids:
/// variant location `n` (1-based, as in the text and JSON reports) is `v<n>` in the base text
/// and `v<n>-l` in the list; marks carry `data-variant="n"` and the readings in `title`.
public enum HTMLCollationReport {
    /// The whole page, `base` (a witness index) shown in full.
    ///
    /// - Complexity: O(size of the base + size of the apparatus).
    public static func page(_ c: Collation, base: Int = 0) -> String {
        precondition(c.witnesses.indices.contains(base), "base must be a witness")
        var out = "<section class=\"collation\">\n"
        summary(c, base: base, into: &out)
        out += "<div class=\"synopsis\">\n<div class=\"base\">\n"
        let w = c.witnesses[base]
        out += "<h2>Base text: \(w.id) <span class=\"path\">\(HTML.escape(w.source.path))</span></h2>\n"
        baseText(c, base: base, into: &out)
        out += "</div>\n"
        sideList(c, base: base, into: &out)
        out += "</div>\n</section>\n"
        return HTML.document(
            title: "doppel collate: \(c.witnesses.map(\.source.path).joined(separator: " · "))", body: out)
    }

    /// `王 (w1) | 马 (w2, w3)`: the readings of location `n` on one line.
    static func readingsLine(_ c: Collation, _ n: Int) -> String {
        c.variants[n].readings.map { reading in
            let text = c.text(of: reading)
            return
                "\(text.isEmpty ? "∅" : text) (\(reading.witnesses.map { c.witnesses[$0].id }.joined(separator: ", ")))"
        }.joined(separator: " | ")
    }

    // MARK: Summary

    private static func summary(_ c: Collation, base: Int, into out: inout String) {
        out += "<header class=\"summary\">\n<h1>doppel collate</h1>\n<table class=\"files\">\n"
        for (i, w) in c.witnesses.enumerated() {
            var notes: [String] = []
            if i == base { notes.append("base") }
            if i == c.center { notes.append("center of the alignment") }
            out += "<tr><th>\(w.id)</th><td class=\"path\">\(HTML.escape(w.source.path))</td>"
            out +=
                "<td>\(w.source.scalars.count) characters, \(w.source.encoding.rawValue), \(w.source.format.rawValue)"
            out += notes.isEmpty ? "" : " · <b>\(notes.joined(separator: ", "))</b>"
            out += "</td></tr>\n"
        }
        out += "</table>\n<ul class=\"stats\">\n"
        out += "<li><b>\(c.witnesses.count)</b> witnesses</li>\n"
        out += "<li><b>\(c.variants.count)</b> variant locations</li>\n"
        out += "<li><b>\(c.onlyIn.count)</b> passages only in some witnesses</li>\n</ul>\n"
        out +=
            "<table class=\"agreement\">\n<caption>Share of text in common (places where the readings differ)</caption>\n<tr><th></th>"
        for w in c.witnesses { out += "<th>\(w.id)</th>" }
        out += "</tr>\n"
        for i in c.witnesses.indices {
            out += "<tr><th>\(c.witnesses[i].id)</th>"
            for j in c.witnesses.indices {
                if i == j {
                    out += "<td class=\"self\">–</td>"
                } else {
                    out +=
                        "<td>\(JSONWriter.format(c.agreement.shares[i][j], digits: 3)) <span class=\"n\">(\(c.agreement.differences[i][j]))</span></td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</table>\n<ul class=\"closest\">\n"
        for i in c.witnesses.indices {
            guard let j = c.agreement.closest(to: i) else { continue }
            let n = c.agreement.differences[i][j]
            out +=
                "<li>\(c.witnesses[i].id) follows \(c.witnesses[j].id) except at \(n) place\(n == 1 ? "" : "s")</li>\n"
        }
        out += "</ul>\n"
        if !c.exact {
            out +=
                "<p class=\"note\">Some passages exceeded the diff cost budget: their readings are valid but may not be minimal.</p>\n"
        }
        out += "</header>\n"
    }

    // MARK: Base text

    /// A variant location's original range in the base.
    private struct Mark {
        var range: Range<Int>
        var number: Int
    }

    private static func baseText(_ c: Collation, base: Int, into out: inout String) {
        let w = c.witnesses[base]
        var marks: [Mark] = []
        for (n, location) in c.variants.enumerated() {
            guard let r = location.reading(of: base), let units = location.readings[r].range(of: base) else { continue }
            marks.append(Mark(range: w.text.originRange(of: units), number: n))
        }
        marks.sort { ($0.range.lowerBound, $0.number) < ($1.range.lowerBound, $1.number) }
        let scalars = w.source.scalars
        let starts = w.source.lineStarts
        var m = 0
        var shown = Set<Int>()
        out += "<div class=\"text\">\n"
        for (k, start) in starts.enumerated() {
            let next = k + 1 < starts.count ? starts[k + 1] : scalars.count
            var end = next
            while end > start && [0x0A, 0x0D, 0x0C].contains(scalars[end - 1].value) { end -= 1 }
            out += "<div class=\"ln\"><span class=\"no\">\(k + 1)</span><div class=\"tx\">"
            var i = start
            // Marks starting on this line (or reaching into it from an earlier one).
            var j = m
            while j < marks.count && marks[j].range.lowerBound < max(next, start + 1) {
                let mark = marks[j]
                let lo = min(max(i, mark.range.lowerBound), end)
                let hi = min(max(lo, mark.range.upperBound), end)
                if mark.range.upperBound > start || mark.range.isEmpty && mark.range.lowerBound >= start {
                    HTML.escape(scalars[i..<lo], into: &out)
                    let first = shown.insert(mark.number).inserted
                    let title = HTML.escape(readingsLine(c, mark.number))
                    out += "<a class=\"var\(lo == hi ? " at" : "")\(c.variants[mark.number].moved ? " moved" : "")\""
                    out += first ? " id=\"v\(mark.number + 1)\"" : ""
                    out += " href=\"#v\(mark.number + 1)-l\" data-variant=\"\(mark.number + 1)\" title=\"\(title)\">"
                    HTML.escape(scalars[lo..<hi], into: &out)
                    out += "</a>"
                    i = hi
                }
                if mark.range.upperBound <= next { if j == m { m += 1 } }
                j += 1
            }
            HTML.escape(scalars[i..<end], into: &out)
            out += "</div></div>\n"
        }
        out += "</div>\n"
    }

    // MARK: Side list

    private static func sideList(_ c: Collation, base: Int, into out: inout String) {
        out += "<aside class=\"variants\">\n<h2>\(c.variants.count) variant locations</h2>\n<ol>\n"
        for (n, location) in c.variants.enumerated() {
            let baseReading = location.reading(of: base)
            out += "<li id=\"v\(n + 1)-l\">"
            if baseReading != nil {
                out += "<a class=\"to\" href=\"#v\(n + 1)\">"
                let r = location.readings[baseReading!].range(of: base)!
                let p = DiffReport.place(r, c.witnesses[base].text, c.witnesses[base].source)
                out += "\(c.witnesses[base].id) \(p.line):\(p.column)</a>"
            } else {
                out += "<span class=\"to\">not in \(c.witnesses[base].id)</span>"
            }
            if location.moved { out += " <span class=\"badge moved\">moved</span>" }
            out += "<ul>"
            for (k, reading) in location.readings.enumerated() {
                let text = c.text(of: reading)
                out +=
                    "<li class=\"rdg\(k == baseReading ? " base" : "")\"><span class=\"t\">\(text.isEmpty ? "∅" : HTML.escape(text))</span> "
                out +=
                    "<span class=\"wit\">\(reading.witnesses.map { c.witnesses[$0].id }.joined(separator: " "))</span></li>"
            }
            out += "</ul></li>\n"
        }
        out += "</ol>\n"
        if !c.onlyIn.isEmpty {
            out += "<h2>\(c.onlyIn.count) passages only in some witnesses</h2>\n<ol class=\"only\">\n"
            for only in c.onlyIn {
                let ids = only.witnesses.map { c.witnesses[$0].id }.joined(separator: " ")
                var text = c.text(of: only.witnesses[0], only.ranges[0].prefix(60))
                if only.ranges[0].count > 60 { text += "…" }
                out +=
                    "<li><span class=\"wit\">only in \(ids)</span> (\(only.ranges[0].count) characters) \(HTML.escape(text))</li>\n"
            }
            out += "</ol>\n"
        }
        out += "</aside>\n"
    }
}
