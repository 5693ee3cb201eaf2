import Doppel
import Foundation

/// `doppel index build|add|query|stats`: a persistent index of signatures (and shingle sets) in
/// one file, so new documents are checked against an archive without re-reading it.
enum IndexCommand: Command {
    static let spec = CommandSpec(
        name: "index",
        abstract: "Keep an archive's signatures in one file; find a new text's versions in it.",
        usage: """
            doppel index build [options] (<path> ... | --jsonl FILE) -o ARCHIVE
                   doppel index add [options] ARCHIVE (<path> ... | --jsonl FILE)
                   doppel index query [options] ARCHIVE (<path> ... | --jsonl FILE)
                   doppel index stats [options] ARCHIVE
            """,
        discussion: """
            build   writes a new index: per document its id, counts and compact shingle set in
                    text order (or, with --signatures-only, its signature), and one sorted table
                    of keys per band of both LSH bandings, and the containment samples of its
                    short documents (50-200 shingles). Parameters are recorded in the file.
            add     rewrites ARCHIVE atomically with more documents (ids already in it are
                    skipped); -o writes the extended index elsewhere instead.
                    build and add lock the index they write (.NAME.lock beside it): a second
                    writer waits for the first, up to --lock-timeout; readers never wait.
            query   prints the documents of ARCHIVE each input is a version of, contained in,
                    or contains, by the rules of doppel cluster (aligned share included), with
                    exact similarities (or signature estimates for a --signatures-only index).
                    An index of format version 1 or 2 is refused: rebuild it.
            stats   checks every checksum and summarises the index.
            A damaged index is refused: 'doppel: ARCHIVE: bad index (checksum mismatch)'.
            Exit status: query 0 no near-duplicates, 1 some; others 0 success; 2 trouble.
            """,
        arguments: [("path", "Files or folders (searched recursively); - for standard input.")],
        options: DocumentInputs.options + SharedOptions.input + SharedOptions.normalization
            + ClusterSettings.options + [
                .flag(
                    "signatures-only",
                    "build: keep signatures instead of shingle sets (smaller; similarities estimated)."),
                .value(
                    "format", short: "f", "FORMAT", "query, stats: text or json; without it, -o's extension decides.",
                    default: "text", choices: ["text", "json"]),
                .value(
                    "output", short: "o", "PATH",
                    "build: the index to write; add: write the extended index to PATH; query, stats: write the report to PATH.",
                    completion: .file),
                SharedOptions.force,
                SharedOptions.lockTimeout,
            ],
        actions: Action.allCases.map(\.rawValue))

    enum Action: String, CaseIterable { case build, add, query, stats }

    /// The options each action accepts, beyond `--help` and `--color`.
    static let accepted: [Action: Set<String>] = {
        let inputs = Set((DocumentInputs.options + SharedOptions.input + SharedOptions.normalization).map(\.name))
        let settings = Set(ClusterSettings.options.map(\.name))
        return [
            .build: inputs.union(settings).union(["signatures-only", "output", "force", "lock-timeout"]),
            .add: inputs.union(["output", "force", "lock-timeout"]),
            .query: inputs.union(settings).union(["format", "output", "force"]),
            .stats: ["format", "output", "force"],
        ]
    }()

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        guard let name = arguments.positionals.first else {
            throw UsageError("Missing action: use build, add, query or stats")
        }
        guard let action = Action(rawValue: name) else {
            throw UsageError("Unknown action '\(name)': use build, add, query or stats")
        }
        let allowed = accepted[action]!.union(CommandSpec.common.map(\.name))
        for option in Set(arguments.values.keys).union(arguments.flags).sorted() where !allowed.contains(option) {
            throw UsageError("Option '--\(option)' does not apply to 'doppel index \(name)'")
        }
        let rest = Array(arguments.positionals.dropFirst())
        switch action {
        case .build:
            try DocumentInputs.checkOutput(arguments.value("output"), arguments, paths: rest)
            return try build(arguments, paths: rest)
        case .add, .query, .stats:
            guard let archivePath = rest.first else { throw UsageError("Missing expected argument 'ARCHIVE'") }
            // add writes the archive itself unless -o names another file; then, as for query
            // and stats, the archive is one more input.
            let output = action == .add ? arguments.value("output") ?? archivePath : arguments.value("output")
            let inPlace =
                output.map { $0 == archivePath || FileIdentity.of($0) == FileIdentity.of(archivePath) } ?? false
            try DocumentInputs.checkOutput(
                output, arguments, paths: Array(rest.dropFirst()),
                others: action == .add && inPlace ? [] : [archivePath])
            // A writer holds the index's lock from before it reads the old index to the rename.
            let lock =
                action == .add
                ? try WriterLock(for: output!, timeout: SharedOptions.outputOptions(arguments).lockTimeout) : nil
            defer { lock?.release() }
            // The index is memory-mapped: a file cut short while it is read (copied over in
            // place) raises SIGBUS, which then ends the run with one line naming it.
            Signals.watchMappedFile(archivePath)
            let archive = try IndexArchive(path: archivePath)
            let paths = Array(rest.dropFirst())
            switch action {
            case .add: return try add(arguments, archive: archive, paths: paths)
            case .query: return try query(arguments, archive: archive, paths: paths, environment: environment)
            default:
                if let extra = paths.first { throw UsageError("Unexpected argument '\(extra)'") }
                return try stats(arguments, archive: archive, environment: environment)
            }
        }
    }

    private static func build(_ arguments: ParsedArguments, paths: [String]) throws -> Int32 {
        guard let output = arguments.value("output") else {
            throw UsageError("Missing '-o ARCHIVE': the index file to write")
        }
        let normalization = try SharedOptions.normalizationOptions(arguments)
        let verification: ClusterOptions.Verification = arguments.flag("signatures-only") ? .signature : .exact
        let cluster = try ClusterSettings.cluster(arguments, verification: verification)
        let parameters = IndexParameters(cluster: cluster, normalization: normalization)
        let options = try SharedOptions.outputOptions(arguments)
        let lock = try WriterLock(for: output, timeout: options.lockTimeout)
        defer { lock.release() }
        let (documents, skipped) = try DocumentInputs.load(arguments, paths: paths, normalization: normalization)
        let progress = Progress(enabled: Console.standardErrorIsTerminal)
        let summary = try IndexBuilder(parameters: parameters)
            .build(documents, to: output, options: options, onTemporary: Signals.track, progress: progress.report)
        progress.finish()
        try report(summary, verb: "built", path: output, skipped: skipped)
        return 0
    }

    private static func add(_ arguments: ParsedArguments, archive: IndexArchive, paths: [String]) throws -> Int32 {
        try requireNormalization(arguments, of: archive)
        let (documents, skipped) = try DocumentInputs.load(
            arguments, paths: paths,
            normalization: archive.parameters.normalization)
        let output = arguments.value("output") ?? archive.path
        let progress = Progress(enabled: Console.standardErrorIsTerminal)
        let summary = try IndexBuilder.add(
            documents, to: archive, writingTo: output,
            options: SharedOptions.outputOptions(arguments),
            onTemporary: Signals.track, progress: progress.report)
        progress.finish()
        try report(summary, verb: "added to", path: output, skipped: skipped)
        return 0
    }

    private static func query(
        _ arguments: ParsedArguments, archive: IndexArchive, paths: [String],
        environment: [String: String]
    ) throws -> Int32 {
        let format = try reportFormat(arguments)
        try requireNormalization(arguments, of: archive)
        let built = archive.parameters.cluster
        let verification = try ClusterSettings.cluster(
            arguments, verification: built.verification,
            defaults: built, keepingBanding: true)
        let search = try IndexQuery(archive: archive, verification: verification)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        let (documents, skipped) = try DocumentInputs.load(
            arguments, paths: paths,
            normalization: archive.parameters.normalization)
        let progress = Progress(enabled: Console.standardErrorIsTerminal)
        let result = try search.run(documents, progress: progress.report)
        progress.finish()
        try console.emit(
            format == "json"
                ? IndexReport.json(result, skipped: skipped)
                : IndexReport.text(result, skipped: skipped))
        return result.queries.contains { !$0.matches.isEmpty } ? 1 : 0
    }

    private static func stats(
        _ arguments: ParsedArguments, archive: IndexArchive,
        environment: [String: String]
    ) throws -> Int32 {
        let format = try reportFormat(arguments)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        let stats = try archive.stats()
        try console.emit(format == "json" ? IndexReport.json(stats) : IndexReport.text(stats))
        return 0
    }

    private static func reportFormat(_ arguments: ParsedArguments) throws -> String {
        try OutputFormat.choose(arguments, formats: ["text", "json"])
    }

    /// Refuses normalisation options that differ from the index's: its texts were normalised
    /// once, at build time, and new texts must be normalised the same way to be comparable.
    private static func requireNormalization(_ arguments: ParsedArguments, of archive: IndexArchive) throws {
        let built = archive.parameters.normalization
        let given = try SharedOptions.normalizationOptions(arguments)
        func refuse(_ name: String, _ value: String) -> DoppelError {
            .invalidOption(
                name: name,
                reason: "\(archive.path) was built \(value); "
                    + "an index keeps the normalisation it was built with")
        }
        if arguments.value("layout") != nil && given.layout != built.layout {
            throw refuse("--layout", "with --layout \(built.layout.rawValue)")
        }
        let flags: [(String, Bool, Bool)] = [
            ("ignore-case", given.ignoreCase, built.ignoreCase),
            ("ignore-punctuation", given.ignorePunctuation, built.ignorePunctuation),
            ("fold-variants", given.foldVariants, built.foldVariants),
        ]
        for (name, wanted, had) in flags where wanted && !had {
            throw refuse("--\(name)", "without --\(name)")
        }
    }

    private static func report(_ summary: IndexSummary, verb: String, path: String, skipped: [DoppelError]) throws {
        var line = "\(verb) \(path): \(Plural.count(summary.added, "document")) written"
        if !summary.skippedIDs.isEmpty {
            line +=
                " (\(summary.skippedIDs.count) skipped: id already in the index, first \"\(summary.skippedIDs[0])\")"
        }
        line +=
            "; the index holds \(Plural.count(summary.documentCount, "document")) in \(Plural.count(summary.fileLength, "byte"))\n"
        try Console.writeStandardOutput(line)
        for error in skipped { Console.writeStandardError("doppel: skipped: \(error.description)\n") }
    }
}
