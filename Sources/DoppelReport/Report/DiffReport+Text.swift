import DoppelCompare
import DoppelDiff
import DoppelIO
import DoppelText

extension DiffReport {
    /// The inline report: `[-王-]{+马+}` edits with context and both files' positions
    /// (`B p7 167:14` on page 7 of a PDF). Every text shown is a slice of an original file, so it
    /// can be searched for there: the context and a passage's first words are B's (the version
    /// under review), deleted text A's, inserted text B's; a run of layout whitespace holding a
    /// line break is shown as one `⏎`, other spaces as they are. Only passages with edits are
    /// listed unless `style.allPassages`; one line counts the others (and how many of them
    /// moved). Two inputs without differences (no edit, no one-sided text, no moved passage) give
    /// the empty string.
    ///
    /// - Complexity: O(size of the report).
    public static func text(_ c: Comparison, style: TextStyle = TextStyle()) -> String {
        let moved = c.pairs.contains { $0.pair.moved }
        if !c.hasDifferences && !moved && !style.allPassages { return "" }
        let red = style.color ? "\u{1B}[31m" : ""
        let green = style.color ? "\u{1B}[32m" : ""
        let bold = style.color ? "\u{1B}[1m" : ""
        let dim = style.color ? "\u{1B}[2m" : ""
        let reset = style.color ? "\u{1B}[0m" : ""
        var out =
            "\(bold)--- A \(DisplayName.oneLine(c.sourceA.path))\n+++ B \(DisplayName.oneLine(c.sourceB.path))\(reset)\n"
        var unlisted = 0
        var unlistedMoved = 0
        let firstEdits = CheckReport.firstEdits(c)
        for (p, pc) in c.pairs.enumerated() {
            guard style.allPassages || !pc.edits.isEmpty else {
                unlisted += 1
                if pc.pair.moved { unlistedMoved += 1 }
                continue
            }
            let pa = place(pc.pair.a, c.textA, c.sourceA)
            let pb = place(pc.pair.b, c.textB, c.sourceB)
            var header = "@@ A \(pa.label)-\(end(pa, c.sourceA)) B \(pb.label)-\(end(pb, c.sourceB))"
            header += " similarity \(JSONWriter.format(pc.similarity, digits: 3))"
            if pc.pair.moved { header += " moved" }
            out += "\(bold)\(header) @@\(reset)  \(dim)\(snippet(c.textB, c.sourceB, pc.pair.b, limit: 24))\(reset)\n"
            for (k, edit) in pc.edits.enumerated() {
                let ea = place(edit.a, c.textA, c.sourceA)
                let eb = place(edit.b, c.textB, c.sourceB)
                // The context is B's original (the version under review), the deletion A's.
                let before = max(pc.pair.b.lowerBound, edit.b.lowerBound - style.context)
                let after = min(pc.pair.b.upperBound, edit.b.upperBound + style.context)
                let beforeText = original(
                    c.sourceB, c.textB.originRange(of: before..<edit.b.lowerBound).lowerBound..<eb.range.lowerBound)
                let afterText = original(
                    c.sourceB, eb.range.upperBound..<c.textB.originRange(of: edit.b.upperBound..<after).upperBound)
                var marked = ""
                if !edit.a.isEmpty { marked += "\(red)[-\(original(c.sourceA, ea.range))-]\(reset)" }
                if !edit.b.isEmpty { marked += "\(green){+\(original(c.sourceB, eb.range))+}\(reset)" }
                let kind = edit.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
                out += "  A \(ea.label)  B \(eb.label)  \(kind) \(beforeText)\(marked)\(afterText)\n"
                out += CheckReport.textLines(c, edit: firstEdits[p] + k, color: style.color)
            }
        }
        if unlisted > 0 {
            out +=
                "\(dim)\(Plural.count(unlisted, "other passage")) aligned without edits (\(unlistedMoved) moved), "
                + "not listed (--all-passages lists them)\(reset)\n"
        }
        for (label, ranges, text, source) in [
            ("A", c.onlyInA, c.textA, c.sourceA), ("B", c.onlyInB, c.textB, c.sourceB),
        ] {
            for range in ranges {
                let p = place(range, text, source)
                let color = label == "A" ? red : green
                out +=
                    "\(color)only in \(label) \(p.label) (\(Plural.count(range.count, "char"))): \(snippet(text, source, range, limit: 40))\(reset)\n"
            }
        }
        out += summary(c) + "\n"
        let layout = c.ledger.entries.filter { $0.count > 0 }.map { "\($0.name.replacingUnderscores) \($0.count)" }
        out += "\(dim)layout set aside: \(layout.isEmpty ? "nothing" : layout.joined(separator: ", "))\(reset)\n"
        if !c.exact {
            out +=
                "note: some passages exceeded the diff cost budget; their edit script is valid but may not be minimal\n"
        }
        return out
    }

    /// One line: similarity, passages, edits by kind, one-sided passages.
    public static func summary(_ c: Comparison) -> String {
        var kinds: [EditKind: Int] = [:]
        for pc in c.pairs { for e in pc.edits { kinds[e.kind, default: 0] += 1 } }
        let moved = c.pairs.filter(\.pair.moved).count
        return
            "similarity \(JSONWriter.format(c.similarity, digits: 3)); \(Plural.count(c.pairs.count, "passage")) aligned (\(moved) moved); "
            + "\(Plural.count(c.editCount, "edit")) (\(kinds[.number] ?? 0) number, \(kinds[.punctuation] ?? 0) punctuation, \(kinds[.text] ?? 0) text"
            + (kinds[.paragraph].map { ", \($0) paragraph" } ?? "")
            + (kinds[.control].map { ", \($0) control" } ?? "") + "); "
            + "\(c.onlyInA.count) only in A, \(c.onlyInB.count) only in B"
    }

    /// The original text of the first `limit` units of `range`, `…` after it when cut.
    static func snippet(_ text: NormalizedText, _ source: SourceText, _ range: Range<Int>, limit: Int) -> String {
        let shown = text.originRange(of: range.lowerBound..<min(range.upperBound, range.lowerBound + limit))
        return original(source, shown) + (range.count > limit ? "…" : "")
    }

    /// A slice of the original on one line: each run of whitespace that holds a line or page
    /// break becomes one `⏎`; spaces and tabs elsewhere stay as they are; a bidirectional
    /// control is written as its name (`<RLO>`, `BidiControl`), never raw.
    ///
    /// - Complexity: O(range.count).
    public static func original(_ source: SourceText, _ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<source.scalars.count)
        var out = String.UnicodeScalarView()
        var i = range.lowerBound
        while i < range.upperBound {
            let scalar = source.scalars[i]
            guard scalar.properties.isWhitespace else {
                if let name = BidiControl.name(scalar.value) {
                    out.append(contentsOf: "<\(name)>".unicodeScalars)
                } else {
                    out.append(scalar)
                }
                i += 1
                continue
            }
            var j = i
            var breaks = false
            while j < range.upperBound && source.scalars[j].properties.isWhitespace {
                if Self.isBreak(source.scalars[j]) { breaks = true }
                j += 1
            }
            if breaks { out.append("⏎") } else { out.append(contentsOf: source.scalars[i..<j]) }
            i = j
        }
        return String(out)
    }

    /// Line feed, carriage return, form feed, vertical tab, NEL, line and paragraph separators.
    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
