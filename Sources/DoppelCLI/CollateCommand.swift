import Doppel

/// `doppel collate A B C…`: three or more versions of a text (two work too) aligned at once,
/// reported as variant locations with every reading and the witnesses carrying it.
enum CollateCommand: Command {
    static let spec = CommandSpec(
        name: "collate",
        abstract: "Align two or more versions of a text at once and report each variant location.",
        usage: "doppel collate [options] <path> <path> [<path> ...] | --jsonl FILE",
        discussion: """
            Every version (witness) is normalised as doppel diff does it, and every other witness is
            aligned and diffed against a central one chosen by content, so the result does not
            depend on the order of the files. Witness ids are w1, w2, … in the order given.
            Each variant location lists every distinct reading, the witnesses carrying it and its
            place in each file; text some witnesses lack entirely is listed as 'only in'.
            Exit status: 0 all witnesses agree, 1 they differ, 2 trouble.
            """,
        arguments: [
            ("path", "Versions: files (text, HTML or PDF; - for standard input) or folders (searched recursively).")
        ],
        options: SharedOptions.input + SharedOptions.normalization + [
            .value("jsonl", "FILE", "Read the versions from JSON Lines: one {\"id\": …, \"text\": …} per line."),
            .value("id-field", "NAME", "The id field of JSON Lines records. (default: id)"),
            .value("text-field", "NAME", "The text field of JSON Lines records. (default: text)"),
            .value("include", "GLOB", "Folders: only files whose name matches GLOB (repeatable), e.g. '*.txt'."),
            .value(
                "on-error", "POLICY", "stop at the first unreadable input, or skip it and report it. (default: stop)"),
            .value(
                "format", short: "f", "FORMAT",
                "Output: text, json, tei (TEI P5 parallel segmentation) or html. (default: text)"),
            .value(
                "context", "N",
                "Characters of context around each variant location in the text report. (default: \(CollationText.Style().context))"
            ),
            .value(
                "base", "WITNESS",
                "html: the witness whose text the page shows: an id (w2), a number (2) or a path. (default: w1)"),
            .value("output", short: "o", "PATH", "Write the report to PATH (atomically) instead of standard output."),
        ])

    enum Format: String { case text, json, tei, html }

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        let formatName = arguments.value("format") ?? "text"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("Invalid value '\(formatName)' for '--format <FORMAT>': use text, json, tei or html")
        }
        var style = CollationText.Style()
        if let raw = arguments.value("context") {
            guard let n = Int(raw), n >= 0, n <= 1000 else {
                throw UsageError("Invalid value '\(raw)' for '--context <N>': a whole number from 0 to 1000")
            }
            style.context = n
        }
        let onErrorName = arguments.value("on-error") ?? "stop"
        guard let onError = FileCorpus.OnError(rawValue: onErrorName) else {
            throw UsageError("Invalid value '\(onErrorName)' for '--on-error <POLICY>': use stop or skip")
        }
        if arguments.positionals.filter({ $0 == "-" }).count > 1 {
            throw UsageError("Standard input can be read once: give '-' once")
        }
        var normalization = try SharedOptions.normalizationOptions(arguments)
        let ignorePunctuation = normalization.ignorePunctuation
        normalization.ignorePunctuation = false
        let options = try CollationOptions(normalization: normalization, ignorePunctuation: ignorePunctuation)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        style.color = console.color && format == .text

        try OutputGuard.check(
            output: arguments.value("output"), inputs: arguments.all("jsonl") + arguments.positionals,
            walk: FileWalkOptions(include: arguments.all("include").map(Glob.init)))
        let (witnesses, skipped) = try load(arguments, options: options, onError: onError)
        guard witnesses.count >= 2 else {
            throw UsageError("A collation needs two or more versions; found \(witnesses.count)")
        }
        let base = try baseWitness(arguments.value("base"), witnesses)
        for error in skipped { Console.writeStandardError("doppel: skipped: \(error.description)\n") }
        let collation = try Collator.collate(witnesses, options: options)
        switch format {
        case .text: try console.emit(CollationText.text(collation, style: style))
        case .json: try console.emit(CollationJSON.json(collation))
        case .tei: try console.emit(CollationTEI.xml(collation))
        case .html: try console.emit(HTMLCollationReport.page(collation, base: base))
        }
        return collation.hasDifferences ? 1 : 0
    }

    /// The witnesses from files and folders (read as `doppel cluster` reads them, sources kept)
    /// or from `--jsonl`, and the inputs skipped under `--on-error skip`.
    private static func load(
        _ arguments: ParsedArguments, options: CollationOptions,
        onError: FileCorpus.OnError
    ) throws -> ([Witness], [DoppelError]) {
        if let jsonl = try SharedOptions.jsonLinesPath(arguments, paths: arguments.positionals) {
            let fields = JSONLinesFields(
                idField: arguments.value("id-field") ?? "id",
                textField: arguments.value("text-field") ?? "text")
            let corpus = try JSONLinesCorpus(
                path: jsonl, fields: fields, normalization: options.normalization,
                onError: onError)
            let normalizer = Normalizer(options: options.normalization)
            let witnesses = try (0..<corpus.count).map { i in
                let source = try corpus.source(at: i)
                return Witness(id: Witness.id(at: i), source: source, text: normalizer.normalize(source))
            }
            return (witnesses, corpus.skipped)
        }
        if arguments.positionals.isEmpty {
            throw UsageError("Missing input: give two or more files or folders, - for standard input, or --jsonl FILE")
        }
        let corpus = try FileCorpus.load(
            paths: arguments.positionals, walk: FileWalkOptions(include: arguments.all("include").map(Glob.init)),
            input: try SharedOptions.inputOptions(arguments), normalization: options.normalization,
            splitArticles: false, onError: onError, keepSources: true)
        let witnesses = corpus.documents.indices.map { i in
            Witness(id: Witness.id(at: i), source: corpus.source(of: i), text: corpus.documents[i].text)
        }
        return (witnesses, corpus.skipped)
    }

    /// The witness `--base` names: an id (`w2`), a 1-based number, or a path as read.
    private static func baseWitness(_ raw: String?, _ witnesses: [Witness]) throws -> Int {
        guard let raw else { return 0 }
        if let i = witnesses.firstIndex(where: { $0.id == raw || $0.source.path == raw }) { return i }
        if let n = Int(raw), n >= 1, n <= witnesses.count { return n - 1 }
        throw UsageError(
            "Invalid value '\(raw)' for '--base <WITNESS>': use an id (w1…w\(witnesses.count)), a number from 1 to \(witnesses.count) or a path given"
        )
    }
}
