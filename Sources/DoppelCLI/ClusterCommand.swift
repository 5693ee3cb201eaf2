import Doppel
import Foundation

/// `doppel cluster`: group the versions of each document among files, folders or JSON Lines.
enum ClusterCommand: Command {
    static let spec = CommandSpec(
        name: "cluster",
        abstract: "Group the versions of each text among many files or records.",
        usage: "doppel cluster [options] [<path> ...] [--jsonl FILE]",
        discussion: """
            Texts are normalised, shingled (character 5-grams for Han, word 3-grams for Latin),
            signed with MinHash, bucketed with LSH, and every candidate pair is verified by exact
            Jaccard similarity (short items: the share of text that aligns) or containment. Versions
            merge clusters; a text contained in others joins the cluster of its best container
            only, and the report lists its other containers (docs/cluster-rules.md).
            Exit status: 0 no near-duplicates, 1 some, 2 trouble.
            """,
        arguments: [("path", "Files or folders (searched recursively); - for standard input.")],
        options: DocumentInputs.options + SharedOptions.input + SharedOptions.normalization
            + ClusterSettings.options + [
                .value(
                    "aligned-share", "A",
                    "Share of each short item (up to 300 shingles) that must align for a version with a few one-character edits; 'off' to disable.",
                    default: OptionDefaults.alignedShare),
                .value(
                    "verify", "MODE", "exact (shingle sets) or signature (MinHash estimate).",
                    default: OptionDefaults.verification,
                    choices: ClusterOptions.Verification.allCases.map(\.rawValue)),
                .value(
                    "format", short: "f", "FORMAT",
                    "Output: text, json, jsonl (one line per cluster), csv or html (a page with each member's diff against its representative); without it, -o's extension decides.",
                    default: Format.text.rawValue, choices: Format.allCases.map(\.rawValue)),
                .flag("csv-bom", "CSV: start with a UTF-8 byte order mark, so spreadsheets read the text as UTF-8."),
                .flag(
                    "csv-raw",
                    "CSV: write cells as they are, even those a spreadsheet would run as formulas (=, +, -, @ first), which are otherwise written with a leading '."
                ),
                .flag("diff", "Also show, for each member, its diff against the cluster's representative."),
                .value(
                    "output", short: "o", "PATH", "Write the report to PATH (atomically) instead of standard output.",
                    completion: .file),
                SharedOptions.force,
            ])

    enum Format: String, CaseIterable { case text, json, jsonl, csv, html }

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        let format = Format(rawValue: try OutputFormat.choose(arguments, formats: Format.allCases.map(\.rawValue)))!
        if arguments.flag("csv-bom") && format != .csv {
            throw UsageError("'--csv-bom' applies to '--format csv' only")
        }
        let jsonl = try SharedOptions.jsonLinesPath(arguments, paths: arguments.positionals)
        if jsonl == nil && arguments.positionals.isEmpty {
            throw UsageError("Missing input: give files or folders, - for standard input, or --jsonl FILE")
        }
        let split = arguments.value("split")
        if let split, split != "articles" {
            throw UsageError("Invalid value '\(split)' for '--split <UNIT>': use articles")
        }
        let onErrorName = arguments.value("on-error") ?? OptionDefaults.onError
        guard let onError = FileCorpus.OnError(rawValue: onErrorName) else {
            throw UsageError("Invalid value '\(onErrorName)' for '--on-error <POLICY>': use stop or skip")
        }
        let options = try clusterOptions(arguments)
        let normalization = try SharedOptions.normalizationOptions(arguments)
        let input = try SharedOptions.inputOptions(arguments)
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        let walk = FileWalkOptions(include: arguments.all("include").map(Glob.init))
        try OutputGuard.check(
            output: arguments.value("output"), inputs: jsonl.map { [$0] } ?? arguments.positionals,
            walk: walk)
        let engine = ClusterEngine(
            options: options,
            scratchDirectory: environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        let progress = Progress(enabled: Console.standardErrorIsTerminal)

        var skipped: [DoppelError] = []
        var result: ClusterResult
        var fileCorpus: FileCorpus?
        var jsonlCorpus: JSONLinesCorpus?
        if let jsonl {
            let fields = JSONLinesFields(
                idField: arguments.value("id-field") ?? OptionDefaults.idField,
                textField: arguments.value("text-field") ?? OptionDefaults.textField)
            let corpus = try JSONLinesCorpus(
                path: jsonl, fields: fields, normalization: normalization,
                onError: onError)
            skipped = corpus.skipped
            jsonlCorpus = corpus
            result = try engine.cluster(corpus, progress: progress.report)
        } else {
            let corpus = try FileCorpus.load(
                paths: arguments.positionals, walk: walk, input: input,
                normalization: normalization, splitArticles: split != nil,
                onError: onError,
                keepSources: arguments.flag("diff") || format == .html)
            skipped = corpus.skipped
            fileCorpus = corpus
            result = try engine.cluster(InMemoryDocumentCollection(corpus.documents), progress: progress.report)
        }
        progress.finish()
        var report: String
        switch format {
        case .text: report = ClusterReport.text(result, skipped: skipped)
        case .json: report = ClusterReport.json(result, skipped: skipped)
        case .csv, .jsonl:
            // A row (a line) per document (per cluster) and no room for skipped inputs: they go to
            // standard error.
            report =
                format == .csv
                ? ClusterReport.csv(result, raw: arguments.flag("csv-raw"), byteOrderMark: arguments.flag("csv-bom"))
                : ClusterReport.jsonLines(result)
            for error in skipped { Console.writeStandardError("doppel: skipped: \(error.description)\n") }
        case .html:
            let diffs = try memberComparisons(
                result, files: fileCorpus, jsonl: jsonlCorpus,
                normalization: normalization)
            report = HTMLClusterReport.page(result, diffs: diffs, skipped: skipped)
        }
        if arguments.flag("diff") && format == .text {
            let diffs = try memberComparisons(
                result, files: fileCorpus, jsonl: jsonlCorpus,
                normalization: normalization)
            for member in result.clusters.flatMap(\.members) {
                if let comparison = diffs[member] {
                    report += "\n" + DiffReport.text(comparison, style: DiffReport.TextStyle(color: console.color))
                }
            }
        }
        try console.emit(report)
        return result.clusters.isEmpty ? 0 : 1
    }

    /// The clustering settings: `--verify` here, the rest as `sign` and `index` read them, with
    /// `ClusterOptions.standard` for what is not given.
    private static func clusterOptions(_ arguments: ParsedArguments) throws -> ClusterOptions {
        let verifyName = arguments.value("verify") ?? OptionDefaults.verification
        guard let verification = ClusterOptions.Verification(rawValue: verifyName) else {
            throw UsageError("Invalid value '\(verifyName)' for '--verify <MODE>': use exact or signature")
        }
        let options = try ClusterSettings.cluster(arguments, verification: verification)
        guard let raw = arguments.value("aligned-share") else { return options }
        let aligned: Double?
        if raw == "off" {
            aligned = nil
        } else if let share = Double(raw) {
            aligned = share
        } else {
            throw UsageError("Invalid value '\(raw)' for '--aligned-share': a number from 0 to 1, or off")
        }
        return try ClusterOptions(
            threshold: options.threshold, containmentThreshold: options.containmentThreshold,
            minimumContainedShingles: options.minimumContainedShingles, alignedShare: aligned,
            shortItemShingles: options.shortItemShingles, permutations: options.permutations,
            scheme: options.scheme, shingle: options.shingle, verification: options.verification,
            bucketLimit: options.bucketLimit)
    }

    /// Every member's comparison against its cluster's representative (A the representative,
    /// B the member), by document index; representatives have none. Files are not read again:
    /// the corpus kept them (standard input cannot be read twice, a name that is not UTF-8 not
    /// by its display name).
    private static func memberComparisons(
        _ result: ClusterResult, files: FileCorpus?, jsonl: JSONLinesCorpus?,
        normalization: NormalizationOptions
    ) throws -> [Int: Comparison] {
        func source(_ index: Int) throws -> SourceText {
            if let jsonl { return try jsonl.source(at: index) }
            var source = files!.source(of: index)
            source.path = files!.documents[index].id
            return source
        }
        var options = ComparisonOptions.standard
        options.normalization = normalization
        var comparisons: [Int: Comparison] = [:]
        for cluster in result.clusters {
            let representative = try source(cluster.representative)
            for member in cluster.members where member != cluster.representative {
                if jsonl == nil {
                    // Articles of a page: compare the article's text within its page.
                    comparisons[member] = Comparer.compare(
                        representative, files!.documents[cluster.representative].text,
                        try source(member), files!.documents[member].text, options: options)
                } else {
                    comparisons[member] = Comparer.compare(representative, try source(member), options: options)
                }
            }
        }
        return comparisons
    }
}
