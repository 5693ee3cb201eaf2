import Doppel

/// `doppel normalize FILE`: the normalised text, one paragraph per line, or with `--map` the
/// paragraphs as JSON with the original range, line and column each came from.
enum NormalizeCommand: Command {
    static let spec = CommandSpec(
        name: "normalize",
        abstract: "Print a file's normalised text, one paragraph per line.",
        usage: "doppel normalize [--map] [options] <file>",
        arguments: [("file", "A text, HTML or PDF file, or - for standard input.")],
        options: SharedOptions.input + SharedOptions.normalization + [
            .flag("map", "Print JSON: each paragraph with the original range, line and column it came from."),
            .value(
                "output", short: "o", "PATH", "Write to PATH (atomically) instead of standard output.",
                completion: .file),
            SharedOptions.force,
        ])

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        guard arguments.positionals.count == 1 else {
            throw UsageError(
                arguments.positionals.isEmpty
                    ? "Missing expected argument '<file>'"
                    : "Unexpected argument '\(arguments.positionals[1])'")
        }
        let input = try SharedOptions.inputOptions(arguments)
        var normalization = try SharedOptions.normalizationOptions(arguments)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        try OutputGuard.check(output: arguments.value("output"), inputs: arguments.positionals)
        if arguments.flag("map") {
            let source = try InputReader.read(path: arguments.positionals[0], options: input)
            let text = Normalizer(options: normalization).normalize(source)
            try console.emit(NormalizationReport.json(text, source: source))
            return 0
        }
        // The plain text needs no map back and no original once normalised: neither is kept
        // while the output is written (docs/safety.md, memory per command).
        normalization.keepMap = false
        let text = try Normalizer(options: normalization).normalize(
            InputReader.read(path: arguments.positionals[0], options: input))
        try console.emit(NormalizationReport.plain(text))
        return 0
    }
}
