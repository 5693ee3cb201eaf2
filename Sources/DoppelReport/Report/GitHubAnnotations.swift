import DoppelText
import DoppelCompare

/// Renders findings as GitHub Actions workflow commands, which the Actions runner turns into
/// annotations on the files of a pull request:
/// `::warning file=PATH,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE`.
///
/// An edit is annotated on B's file (the new version) at the text B has, or at the place where
/// B dropped text; text only in A or only in B on its own file. Escaping follows the runner's
/// rules: in the message, `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in property values
/// `:` and `,` also become `%3A` and `%2C`.
public enum GitHubAnnotations {
    /// One `::warning` line per edit and per passage on one side only.
    ///
    /// - Complexity: O(size of the output).
    public static func annotations(_ c: Comparison) -> String {
        var out = ""
        for pc in c.pairs {
            for edit in pc.edits {
                let b = DiffReport.place(edit.b, c.textB, c.sourceB)
                let a = DiffReport.place(edit.a, c.textA, c.sourceA)
                let before = BidiControl.visible(c.textA.string(edit.a))
                let after = BidiControl.visible(c.textB.string(edit.b))
                var message: String
                switch edit.operation {
                case .replace: message = "\(before) → \(after)"
                case .insert: message = "inserted \(after)"
                case .delete: message = "deleted \(before)"
                }
                message += " (A \(c.sourceA.path):\(a.line):\(a.column))"
                out += line(file: c.sourceB.path, range: b.range, source: c.sourceB,
                            title: "doppel: \(edit.kind.rawValue) edit", message: message)
            }
        }
        for (label, ranges, text, source) in [("A", c.onlyInA, c.textA, c.sourceA), ("B", c.onlyInB, c.textB, c.sourceB)] {
            for range in ranges {
                let place = DiffReport.place(range, text, source)
                var snippet = BidiControl.visible(text.string(range.lowerBound..<min(range.upperBound, range.lowerBound + 40)))
                if range.count > 40 { snippet += "…" }
                out += line(file: source.path, range: place.range, source: source, title: "doppel: only in \(label)",
                            message: "\(range.count) characters only in \(label): \(snippet)")
            }
        }
        return out
    }

    /// A workflow command about a whole file (no counterpart), or about the run (`file` nil).
    public static func fileAnnotation(level: String = "warning", file: String?, title: String, message: String) -> String {
        let location = file.map { "file=\(escapeProperty($0))," } ?? ""
        return "::\(level) \(location)title=\(escapeProperty(title))::\(escapeData(message))\n"
    }

    private static func line(file: String, range: Range<Int>, source: SourceText, title: String, message: String) -> String {
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
