import DoppelCompare
import DoppelIO

/// Renders the entries of a folder comparison (`FolderDiff`) one at a time, so a long run can
/// stream its report: the text report, JSON Lines, or GitHub annotations, and a closing summary.
public enum FolderReport {
    /// The text report of one entry: a pair's `DiffReport.text` (after a line saying how it was
    /// paired when not by path; nothing for a pair without differences), `only in A: PATH`, or
    /// `skipped: MESSAGE`.
    ///
    /// - Complexity: O(size of the entry's report).
    public static func text(_ entry: FolderDiffEntry, style: DiffReport.TextStyle = DiffReport.TextStyle()) -> String {
        switch entry {
        case let .compared(c, pairedBy):
            let report = DiffReport.text(c, style: style)
            guard !report.isEmpty else { return "" }  // no differences: nothing, as for two files
            let note =
                pairedBy == .path ? "" : "paired by \(pairedBy.rawValue): \(c.sourceA.path) ↔ \(c.sourceB.path)\n"
            return note + report + "\n"
        case let .unmatched(path, side):
            return "only in \(side.uppercased()): \(path)\n"
        case let .skipped(error):
            return "skipped: \(error.description)\n"
        }
    }

    /// One JSON Lines record: a `doppel.diff/1` object for a pair;
    /// `{"schema": "doppel.unmatched/1", "side": "a"|"b", "path": str}` for a file without a pair;
    /// `{"schema": "doppel.skipped/1", "error": str}` for an unreadable input.
    public static func jsonLine(_ entry: FolderDiffEntry) -> String {
        var json = JSONWriter(pretty: false)
        switch entry {
        case let .compared(c, _):
            DiffReport.write(c, into: &json)
        case let .unmatched(path, side):
            json.beginObject()
            json.field("schema", "doppel.unmatched/1")
            json.field("side", side)
            json.field("path", path)
            json.endObject()
        case let .skipped(error):
            json.beginObject()
            json.field("schema", "doppel.skipped/1")
            json.field("error", error.description)
            json.endObject()
        }
        return json.output + "\n"
    }

    /// GitHub Actions annotations of one entry (see `GitHubAnnotations`); an unreadable input is
    /// an `::error`.
    public static func github(_ entry: FolderDiffEntry) -> String {
        switch entry {
        case let .compared(c, _):
            return GitHubAnnotations.annotations(c)
        case let .unmatched(path, side):
            return GitHubAnnotations.fileAnnotation(
                file: path, title: "doppel: only in \(side.uppercased())",
                message: "no file in \(side == "a" ? "B" : "A") pairs with this file")
        case let .skipped(error):
            return GitHubAnnotations.fileAnnotation(
                level: "error", file: nil, title: "doppel: unreadable",
                message: error.description)
        }
    }

    /// Counts of a folder comparison, for its closing summary line.
    public struct Tally: Sendable, Equatable {
        public var pairs: [FolderPairing.Method: Int] = [:]
        public var differing = 0
        public var failing = 0
        public var onlyInA = 0
        public var onlyInB = 0
        public var skipped = 0

        public init() {}

        /// Counts `entry`; `fails` says whether it fails the run's policy.
        public mutating func add(_ entry: FolderDiffEntry, fails: Bool) {
            switch entry {
            case let .compared(c, method):
                pairs[method, default: 0] += 1
                if c.hasDifferences { differing += 1 }
            case let .unmatched(_, side):
                if side == "a" { onlyInA += 1 } else { onlyInB += 1 }
            case .skipped:
                skipped += 1
            }
            if fails { failing += 1 }
        }

        /// `12 pairs (10 by path, 1 by name, 1 by similarity), 3 differ, 2 fail; 1 only in A, 0 only in B; 0 skipped`.
        public var summary: String {
            let total = pairs.values.reduce(0, +)
            let methods: [FolderPairing.Method] = [.path, .name, .similarity]
            let by = methods.map { "\(pairs[$0] ?? 0) by \($0.rawValue)" }.joined(separator: ", ")
            return "\(Plural.count(total, "pair")) (\(by)), \(differing) differ, \(failing) fail; "
                + "\(onlyInA) only in A, \(onlyInB) only in B; \(skipped) skipped\n"
        }
    }
}
