import DoppelCompare
import DoppelText

/// Renders findings as GitHub Actions workflow commands, which the Actions runner turns into
/// annotations on the files of a pull request:
/// `::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE`.
///
/// An edit is annotated on B's file (the new version) at the text B has, or at the place where
/// B dropped text; on A's file when B is a PDF and A is not, since line numbers of text extracted
/// from a PDF mean nothing in a repository. The message names the other side's place, with its
/// page when it is a PDF (`(B print.pdf:12:4, page 3)`), and the title names the page of a PDF
/// side (`doppel: text edit, B p3 12:4`). Text only in
/// A or only in B is annotated on its own file; on a PDF, as a note on the whole file with the
/// page in the title. Escaping follows the runner's
/// rules: in the message, `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in property values
/// `:` and `,` also become `%3A` and `%2C`.
public enum GitHubAnnotations {
    /// One `::warning` line per edit and per passage on one side only.
    ///
    /// - Complexity: O(size of the output).
    public static func annotations(_ c: Comparison) -> String {
        var out = ""
        let onA = c.sourceB.format == .pdf && c.sourceA.format != .pdf
        for pc in c.pairs {
            for edit in pc.edits {
                let b = DiffReport.place(edit.b, c.textB, c.sourceB)
                let a = DiffReport.place(edit.a, c.textA, c.sourceA)
                let before = DiffReport.original(c.sourceA, a.range)
                let after = DiffReport.original(c.sourceB, b.range)
                var message: String
                switch edit.operation {
                case .replace: message = "\(before) → \(after)"
                case .insert: message = "inserted \(after)"
                case .delete: message = "deleted \(before)"
                }
                let (here, hereSource, otherLabel, other, otherSource) =
                    onA
                    ? (a, c.sourceA, "B", b, c.sourceB) : (b, c.sourceB, "A", a, c.sourceA)
                message += " (\(otherLabel) \(otherSource.path):\(other.line):\(other.column)"
                message += other.page.map { ", page \($0))" } ?? ")"
                var title = "doppel: \(edit.kind.rawValue) edit"
                for (label, place) in [("A", a), ("B", b)] where place.page != nil {
                    title += ", \(label) \(place.label)"
                }
                out += annotation(
                    file: hereSource.path, place: here, source: hereSource, title: title, message: message)
            }
        }
        out += CheckReport.annotations(c)
        for (label, ranges, text, source) in [
            ("A", c.onlyInA, c.textA, c.sourceA), ("B", c.onlyInB, c.textB, c.sourceB),
        ] {
            for range in ranges {
                let place = DiffReport.place(range, text, source)
                let snippet = DiffReport.snippet(text, source, range, limit: 40)
                var title = "doppel: only in \(label)"
                if place.page != nil { title += ", \(label) \(place.label)" }
                out += annotation(
                    file: source.path, place: place, source: source, title: title,
                    message: "\(range.count) characters only in \(label): \(snippet)")
            }
        }
        return out
    }

    /// A line-anchored annotation; on a PDF, a note on the whole file (its lines are those of
    /// the extracted text, not of the file).
    private static func annotation(
        file: String, place: DiffReport.Place, source: SourceText, title: String,
        message: String
    ) -> String {
        if source.format == .pdf { return fileAnnotation(file: file, title: title, message: message) }
        return line(file: file, range: place.range, source: source, title: title, message: message)
    }

    /// A workflow command about a whole file (no counterpart), or about the run (`file` nil).
    public static func fileAnnotation(level: String = "warning", file: String?, title: String, message: String)
        -> String
    {
        let location = file.map { "file=\(escapeProperty($0))," } ?? ""
        return "::\(level) \(location)title=\(escapeProperty(title))::\(escapeData(message))\n"
    }

    static func line(file: String, range: Range<Int>, source: SourceText, title: String, message: String) -> String {
        let start = source.location(of: range.lowerBound)
        let end = source.location(of: max(range.lowerBound, range.upperBound - 1))
        var properties = "file=\(escapeProperty(file)),line=\(start.line),col=\(start.column)"
        properties += ",endLine=\(end.line),endColumn=\(end.column),title=\(escapeProperty(title))"
        return "::warning \(properties)::\(escapeData(message))\n"
    }

    /// The message of a workflow command: `%`, `\r`, `\n` percent-encoded.
    public static func escapeData(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value of a workflow command: as `escapeData`, and `:` and `,` percent-encoded.
    public static func escapeProperty(_ s: String) -> String {
        var out = ""
        for scalar in escapeData(s).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
