import Doppel

/// The documents `doppel sign` and `doppel index` read: files and folders given as arguments, or
/// one JSON Lines file (`--jsonl`), as `doppel cluster` reads them.
enum DocumentInputs {
    static let options: [OptionSpec] = [
        .value(
            "jsonl", "FILE", "Read documents from JSON Lines: one {\"id\": …, \"text\": …} per line.",
            completion: .file),
        .value("id-field", "NAME", "The id field of JSON Lines records.", default: OptionDefaults.idField),
        .value("text-field", "NAME", "The text field of JSON Lines records.", default: OptionDefaults.textField),
        .value("include", "GLOB", "Only files whose name matches GLOB (repeatable), e.g. '*.txt'."),
        .value("split", "UNIT", "Split each file: articles (pages into articles, ids PATH#N).", choices: ["articles"]),
        .value(
            "on-error", "POLICY", "stop at the first unreadable input, or skip it and report it.",
            default: OptionDefaults.onError, choices: FileCorpus.OnError.allCases.map(\.rawValue)),
    ]

    /// Refuses an `output` that is one of the inputs, `paths` (or `--jsonl`) and `others`, before
    /// anything is read (`OutputGuard`).
    static func checkOutput(
        _ output: String?, _ arguments: ParsedArguments, paths: [String],
        others: [String] = []
    ) throws {
        try OutputGuard.check(
            output: output, inputs: arguments.all("jsonl") + paths + others,
            walk: FileWalkOptions(include: arguments.all("include").map(Glob.init)))
    }

    /// The documents of `paths` (files, folders, `-`) or of `--jsonl`, normalised with
    /// `normalization`, and the inputs skipped under `--on-error skip`.
    static func load(
        _ arguments: ParsedArguments, paths: [String],
        normalization: NormalizationOptions
    ) throws
        -> (documents: any DocumentCollection, skipped: [DoppelError])
    {
        let split = arguments.value("split")
        if let split, split != "articles" {
            throw UsageError("Invalid value '\(split)' for '--split <UNIT>': use articles")
        }
        let onErrorName = arguments.value("on-error") ?? OptionDefaults.onError
        guard let onError = FileCorpus.OnError(rawValue: onErrorName) else {
            throw UsageError("Invalid value '\(onErrorName)' for '--on-error <POLICY>': use stop or skip")
        }
        if let jsonl = try SharedOptions.jsonLinesPath(arguments, paths: paths) {
            let fields = JSONLinesFields(
                idField: arguments.value("id-field") ?? OptionDefaults.idField,
                textField: arguments.value("text-field") ?? OptionDefaults.textField)
            return (try JSONLinesCorpus(path: jsonl, fields: fields, normalization: normalization), [])
        }
        if paths.isEmpty {
            throw UsageError("Missing input: give files or folders, - for standard input, or --jsonl FILE")
        }
        let corpus = try FileCorpus.load(
            paths: paths, walk: FileWalkOptions(include: arguments.all("include").map(Glob.init)),
            input: try SharedOptions.inputOptions(arguments), normalization: normalization,
            splitArticles: split != nil, onError: onError)
        return (InMemoryDocumentCollection(corpus.documents), corpus.skipped)
    }
}
