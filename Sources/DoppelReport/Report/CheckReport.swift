import DoppelCompare
import DoppelIO
import DoppelText

/// Renders what the Check stage found (`Comparison.check`) in each report format: lines under
/// an edit in the text report, the `consistency` and `evidence` fields of `doppel.diff/1`,
/// badges and kept places in HTML, warnings for `--format github`. The diff reports call these
/// where an edit or the document ends; without a check each renders nothing.
public enum CheckReport {
    /// The global (document-order) index of the first edit of each pair.
    ///
    /// - Complexity: O(pairs).
    public static func firstEdits(_ c: Comparison) -> [Int] {
        var first: [Int] = []
        first.reserveCapacity(c.pairs.count)
        var next = 0
        for pc in c.pairs {
            first.append(next)
            next += pc.edits.count
        }
        return first
    }

    // MARK: Text

    /// The finding lines of edit `k` (document order), each indented and ending in a newline:
    /// `王女士 → 马女士: kept at 1 place: B 22:6 (made at 2)`, and when a reference leaves one
    /// form unattested `田国垒: not in the reference; 田国全: 1 (samples/002….txt:122:5)`.
    ///
    /// - Complexity: O(places and examples of the edit's findings).
    public static func textLines(_ c: Comparison, edit k: Int, color: Bool = false) -> String {
        guard let check = c.check else { return "" }
        let yellow = color ? "\u{1B}[33m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        var out = ""
        if let finding = check.consistency(ofEdit: k) {
            let change = "\(formA(c, finding.made[0].a)) → \(formB(c, finding.made[0].b))"
            if finding.consistent {
                if finding.made.count > 1 { out += "      \(change): made at all \(finding.made.count) places\n" }
            } else {
                let places = finding.kept.map { kept -> String in
                    let p = DiffReport.place(kept.range, c.textB, c.sourceB)
                    return "B \(p.line):\(p.column)"
                }
                out += "      \(yellow)\(change): kept at \(count(finding.kept.count, "place")): "
                out += "\(places.joined(separator: ", ")) (made at \(finding.made.count))\(reset)\n"
            }
        }
        if let evidence = check.evidence(ofEdit: k), let reference = check.reference {
            switch evidence.verdict {
            case .bUnattested, .aUnattested:
                let unattested =
                    evidence.verdict == .bUnattested ? formB(c, evidence.form.b) : formA(c, evidence.form.a)
                let attested: CheckSide = evidence.verdict == .bUnattested ? .a : .b
                let form = attested == .a ? formA(c, evidence.form.a) : formB(c, evidence.form.b)
                let n = attested == .a ? evidence.aCount : evidence.bCount
                let examples = evidence.examples.filter { $0.form == attested }.map { example -> String in
                    let p = place(example, reference)
                    return "\(DisplayName.oneLine(p.path)):\(p.line):\(p.column)"
                }
                out +=
                    "      \(yellow)\(unattested): not in the reference; \(form): \(n) (\(examples.joined(separator: ", ")))\(reset)\n"
            case .both, .neither:
                break
            }
        }
        return out
    }

    // MARK: JSON

    /// Writes `consistency` (when the check ran it) and `evidence` (with a reference) into the
    /// open `doppel.diff/1` object.
    ///
    /// - Complexity: O(findings, places and examples).
    public static func writeJSON(_ c: Comparison, into json: inout JSONWriter) {
        guard let check = c.check else { return }
        if check.consistencyChecked {
            json.key("consistency")
            json.beginArray()
            for finding in check.consistency {
                json.beginObject()
                json.field("a_form", formA(c, finding.made[0].a))
                json.field("b_form", formB(c, finding.made[0].b))
                json.key("made")
                json.beginArray()
                for made in finding.made {
                    json.beginObject()
                    json.field("edit", made.edit)
                    json.key("a")
                    writeRange(made.a, c.textA, c.sourceA, into: &json)
                    json.key("b")
                    writeRange(made.b, c.textB, c.sourceB, into: &json)
                    json.endObject()
                }
                json.endArray()
                json.key("kept")
                json.beginArray()
                for kept in finding.kept {
                    json.beginObject()
                    json.field("side", kept.side.rawValue)
                    json.key("range")
                    writeRange(kept.range, c.textB, c.sourceB, into: &json)
                    json.field("text", c.textB.string(kept.range))
                    json.key("counterpart")
                    writeRange(kept.counterpart, c.textA, c.sourceA, into: &json)
                    json.endObject()
                }
                json.endArray()
                json.field("consistent", finding.consistent)
                json.endObject()
            }
            json.endArray()
        }
        guard let evidence = check.evidence, let reference = check.reference else { return }
        json.key("evidence")
        json.beginArray()
        for item in evidence {
            json.beginObject()
            json.field("edit", item.edit)
            json.field("a_form", formA(c, item.form.a))
            json.field("b_form", formB(c, item.form.b))
            json.field("a_count", item.aCount)
            json.field("b_count", item.bCount)
            json.field("verdict", item.verdict.rawValue)
            json.key("examples")
            json.beginArray()
            for example in item.examples {
                let p = place(example, reference)
                json.beginObject()
                json.field("form", example.form.rawValue)
                json.field("path", p.path)
                json.field("line", p.line)
                json.field("column", p.column)
                json.field("context", p.context)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }

    // MARK: HTML

    /// The badges of edit `k` for the HTML report: `kept at N` (linked to each kept place in
    /// B's column, `#<anchor>bl<line>`), `made at all N`, and the verdict of the evidence.
    ///
    /// - Complexity: O(places and examples of the edit's findings).
    public static func htmlBadges(_ c: Comparison, edit k: Int, anchor: String) -> String {
        guard let check = c.check else { return "" }
        var out = ""
        if let finding = check.consistency(ofEdit: k) {
            if finding.consistent {
                if finding.made.count > 1 {
                    out += " <span class=\"badge check-ok\">made at all \(finding.made.count)</span>"
                }
            } else {
                out +=
                    " <span class=\"badge check-warn\" title=\"\(HTML.escape(formA(c, finding.made[0].a))) left standing\">kept at \(finding.kept.count)</span>"
                for kept in finding.kept {
                    let p = DiffReport.place(kept.range, c.textB, c.sourceB)
                    out += " <a class=\"kept\" href=\"#\(HTML.escape(anchor))bl\(p.line)\">B \(p.line):\(p.column)</a>"
                }
            }
        }
        if let evidence = check.evidence(ofEdit: k), let reference = check.reference {
            let warn = evidence.verdict == .bUnattested || evidence.verdict == .aUnattested
            let title = evidence.examples.map { example -> String in
                let p = place(example, reference)
                return
                    "\(example.form == .a ? formA(c, evidence.form.a) : formB(c, evidence.form.b)): \(p.path):\(p.line):\(p.column) \(p.context)"
            }.joined(separator: "\n")
            out += " <span class=\"badge \(warn ? "check-warn" : "check-ok")\" title=\"\(HTML.escape(title))\">"
            out +=
                "\(evidence.verdict.rawValue.replacingOccurrences(of: "_", with: " ")) (\(evidence.aCount)/\(evidence.bCount))</span>"
        }
        return out
    }

    // MARK: GitHub

    /// Warnings for `--format github`: one at each place where an old form was kept, one at
    /// each edit whose B form the reference never has while it has A's.
    ///
    /// - Complexity: O(findings, places and examples).
    public static func annotations(_ c: Comparison) -> String {
        guard let check = c.check else { return "" }
        var out = ""
        for finding in check.consistency where !finding.consistent {
            let change = "\(formA(c, finding.made[0].a)) → \(formB(c, finding.made[0].b))"
            for kept in finding.kept {
                let range = c.textB.originRange(of: kept.range)
                out += GitHubAnnotations.line(
                    file: c.sourceB.path, range: range, source: c.sourceB,
                    title: "doppel: change not made everywhere",
                    message:
                        "\(change) was made at \(count(finding.made.count, "place")); here \(formA(c, finding.made[0].a)) was kept"
                )
            }
        }
        if let evidence = check.evidence {
            for item in evidence where item.verdict == .bUnattested {
                let range = c.textB.originRange(of: item.form.b)
                out += GitHubAnnotations.line(
                    file: c.sourceB.path, range: range, source: c.sourceB,
                    title: "doppel: form not in the reference",
                    message:
                        "\(formB(c, item.form.b)) is not in the reference; \(formA(c, item.form.a)) is (\(item.aCount))"
                )
            }
        }
        return out
    }

    // MARK: Places

    /// Where an example stands: its document's path, line and column, and a few characters of
    /// normalised context around the form.
    public static func place(_ example: EditEvidence.Example, _ reference: ReferenceCorpus)
        -> (path: String, line: Int, column: Int, context: String)
    {
        let document = reference.documents[example.document]
        let p = DiffReport.place(example.range, document.text, document.source)
        let around =
            max(
                0, example.range.lowerBound - contextUnits)..<min(
                document.text.count, example.range.upperBound + contextUnits)
        return (document.source.path, p.line, p.column, document.text.string(around))
    }

    /// Normalised characters of context on each side of an example.
    static let contextUnits = 8

    private static func formA(_ c: Comparison, _ range: Range<Int>) -> String { c.textA.string(range) }
    private static func formB(_ c: Comparison, _ range: Range<Int>) -> String { c.textB.string(range) }

    private static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    private static func writeRange(
        _ units: Range<Int>, _ text: NormalizedText, _ source: SourceText,
        into json: inout JSONWriter
    ) {
        let p = DiffReport.place(units, text, source)
        json.beginObject()
        json.field("start", p.range.lowerBound)
        json.field("end", p.range.upperBound)
        json.field("line", p.line)
        json.field("column", p.column)
        if source.format == .pdf { json.field("page", source.page(of: p.range.lowerBound)) }
        json.endObject()
    }
}
