import DoppelCompare
import DoppelIO
import DoppelText

/// A JUnit XML report, for CI systems that show test results: one `<testcase>` per compared pair
/// (named `A ↔ B`), failed when the pair fails the `FailurePolicy`, the failure listing every
/// edit and every passage on one side only; one per file without a counterpart (failed when the
/// policy counts one-sided text); one `<error>` per unreadable input.
///
/// Built up entry by entry; `xml` renders the `<testsuites>` document with the totals.
public struct JUnitReport: Sendable {
    /// The suite's name.
    public var name: String
    public let policy: FailurePolicy
    private var cases: [String] = []
    private var failures = 0
    private var errors = 0

    public init(name: String = "doppel diff", policy: FailurePolicy) {
        self.name = name
        self.policy = policy
    }

    /// Adds one entry of a comparison (`FolderDiff`, or a single pair as `.compared`).
    ///
    /// - Complexity: O(size of the entry's report).
    public mutating func add(_ entry: FolderDiffEntry) {
        switch entry {
        case let .compared(c, pairedBy):
            let reasons = policy.failures(c)
            // The case is anchored (`file`) on B, or on A when only B is a PDF: the side that
            // is a text file in the repository; details give PDF positions with their pages.
            let file = c.sourceB.format == .pdf && c.sourceA.format != .pdf ? c.sourceA.path : c.sourceB.path
            var xml =
                "    <testcase classname=\"doppel.diff\" name=\"\(Self.escape("\(c.sourceA.path) ↔ \(c.sourceB.path)"))\""
            xml += " file=\"\(Self.escape(file))\">\n"
            xml += "      <properties><property name=\"paired_by\" value=\"\(pairedBy.rawValue)\"/>"
            xml +=
                "<property name=\"similarity\" value=\"\(JSONWriter.format(c.similarity, digits: 4))\"/></properties>\n"
            if !reasons.isEmpty {
                failures += 1
                xml +=
                    "      <failure type=\"doppel.diff\" message=\"\(Self.escape(reasons.joined(separator: ", ")))\">"
                xml += Self.escape(details(c), attribute: false) + "</failure>\n"
            }
            xml += "      <system-out>\(Self.escape(DiffReport.summary(c)))</system-out>\n    </testcase>\n"
            cases.append(xml)
        case let .unmatched(path, side):
            let other = side == "a" ? "B" : "A"
            var xml = "    <testcase classname=\"doppel.diff\" name=\"\(Self.escape(path))\">"
            if policy.failsUnmatched {
                failures += 1
                xml +=
                    "\n      <failure type=\"doppel.unmatched\" message=\"\(Self.escape("no file in \(other) pairs with it"))\"/>\n    "
            } else {
                xml += "\n      <system-out>\(Self.escape("no file in \(other) pairs with it"))</system-out>\n    "
            }
            cases.append(xml + "</testcase>\n")
        case let .skipped(error):
            errors += 1
            cases.append(
                "    <testcase classname=\"doppel.diff\" name=\"\(Self.escape(error.description))\">\n"
                    + "      <error type=\"doppel.unreadable\" message=\"\(Self.escape(error.description))\"/>\n    </testcase>\n"
            )
        }
    }

    /// The document: `<testsuites>` holding one `<testsuite>` with every case added.
    public var xml: String {
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(Self.escape(name))\" \(counts)>\n"
        out += "  <testsuite name=\"\(Self.escape(name))\" \(counts) skipped=\"0\">\n"
        out += cases.joined()
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// One line per edit and per one-sided passage, as in the text report.
    private func details(_ c: Comparison) -> String {
        var lines: [String] = []
        for pc in c.pairs {
            for edit in pc.edits {
                let a = DiffReport.place(edit.a, c.textA, c.sourceA)
                let b = DiffReport.place(edit.b, c.textB, c.sourceB)
                let before = DiffReport.original(c.sourceA, a.range)
                let after = DiffReport.original(c.sourceB, b.range)
                let change =
                    edit.operation == .replace
                    ? "\(before) → \(after)"
                    : edit.operation == .insert ? "inserted \(after)" : "deleted \(before)"
                lines.append("A \(a.label)  B \(b.label)  \(edit.kind.rawValue)  \(change)")
            }
        }
        for (label, ranges, text, source) in [
            ("A", c.onlyInA, c.textA, c.sourceA), ("B", c.onlyInB, c.textB, c.sourceB),
        ] {
            for range in ranges {
                let p = DiffReport.place(range, text, source)
                lines.append(
                    "only in \(label) \(p.label) (\(Plural.count(range.count, "char"))): \(DiffReport.snippet(text, source, range, limit: 40))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Text as XML character data or a quoted attribute value. Characters XML 1.0 forbids (C0
    /// controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD;
    /// in attributes, tab, line feed and carriage return are written as references so they survive
    /// attribute-value normalisation.
    static func escape(_ s: String, attribute: Bool = true) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x27: out += "&apos;"
            case 0x09, 0x0A: out += attribute ? "&#\(scalar.value);" : String(scalar)
            case 0x0D: out += "&#13;"
            case 0..<0x20, 0xFFFE, 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
