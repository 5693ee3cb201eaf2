import Doppel

/// `doppel diff A B`: align two versions and report the real edits.
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Align two versions of a text and report the real edits.",
        usage: "doppel diff [options] <a> <b>",
        discussion: """
            Both files are normalised (layout removed), aligned even when passages are reordered, and
            each aligned pair is diffed character by character (Han) or word by word (Latin).
            Exit status: 0 no differences, 1 differences, 2 trouble.
            """,
        arguments: [("a", "The first version (text, HTML or PDF; - for standard input)."),
                    ("b", "The second version.")],
        options: SharedOptions.input + SharedOptions.normalization + [
            .value("format", short: "f", "FORMAT", "Output: text or json. (default: text)"),
            .value("context", "N", "Characters of context around each edit in the text report. (default: 8)"),
            .value("output", short: "o", "PATH", "Write the report to PATH (atomically) instead of standard output."),
        ])

    enum Format: String { case text, json }

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw UsageError(arguments.positionals.count < 2 ? "Missing expected argument '<\(arguments.positionals.isEmpty ? "a" : "b")>'"
                                                              : "Unexpected argument '\(arguments.positionals[2])'")
        }
        let formatName = arguments.value("format") ?? "text"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("Invalid value '\(formatName)' for '--format <FORMAT>': use text or json")
        }
        var style = DiffReport.TextStyle()
        if let raw = arguments.value("context") {
            guard let n = Int(raw), n >= 0, n <= 1000 else {
                throw UsageError("Invalid value '\(raw)' for '--context <N>': a whole number from 0 to 1000")
            }
            style.context = n
        }
        var options = ComparisonOptions()
        options.normalization = try SharedOptions.normalizationOptions(arguments)
        options.ignorePunctuation = options.normalization.ignorePunctuation
        options.normalization.ignorePunctuation = false
        let input = try SharedOptions.inputOptions(arguments)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        style.color = console.color
        let a = try InputReader.read(path: arguments.positionals[0], options: input)
        let b = try InputReader.read(path: arguments.positionals[1], options: input)
        let comparison = Comparer.compare(a, b, options: options)
        switch format {
        case .text: try console.emit(DiffReport.text(comparison, style: style))
        case .json: try console.emit(DiffReport.json(comparison))
        }
        return comparison.hasDifferences ? 1 : 0
    }
}
