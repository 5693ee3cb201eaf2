import Doppel

/// Chooses a report's format: `-f` when given, else the one `-o`'s extension names (`.html`,
/// `.json`, `.jsonl`, `.xml` for JUnit, `.csv`), else text. A `-f` that disagrees with one of
/// these extensions is written as asked, with a warning on standard error (any other extension,
/// `.txt` included, names no format and draws no warning).
enum OutputFormat {
    /// The format each extension names, lower-cased, without the dot.
    static let byExtension: [String: String] = [
        "html": "html", "htm": "html", "json": "json", "jsonl": "jsonl", "ndjson": "jsonl",
        "xml": "junit", "csv": "csv",
    ]

    /// The format named by `-o PATH`'s extension, if it is one the command writes.
    static func implied(by outputPath: String?, among formats: [String]) -> String? {
        guard let path = Console.file(outputPath), let dot = path.lastIndex(of: "."),
            !path[dot...].contains("/")
        else { return nil }
        let format = byExtension[path[path.index(after: dot)...].lowercased()]
        return format.flatMap { formats.contains($0) ? $0 : nil }
    }

    /// The format of this run, checked against `formats` (`formats[0]` the default).
    static func choose(_ arguments: ParsedArguments, formats: [String]) throws -> String {
        let implied = implied(by: arguments.value("output"), among: formats)
        guard let given = arguments.value("format") else { return implied ?? formats[0] }
        guard formats.contains(given) else {
            let list = formats.dropLast().joined(separator: ", ") + " or " + formats.last!
            throw UsageError("Invalid value '\(given)' for '--format <FORMAT>': use \(list)")
        }
        if let implied, implied != given {
            Console.writeStandardError(
                "doppel: warning: writing \(given) to '\(arguments.value("output")!)', whose extension suggests \(implied)\n"
            )
        }
        return given
    }
}
