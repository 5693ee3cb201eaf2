import Doppel
import Foundation

/// `doppel diff A B`: align two versions and report the real edits; with two folders, pair their
/// files and compare each pair (`DiffCommand+Folders.swift`).
enum DiffCommand: Command {
    static let spec = CommandSpec(
        name: "diff",
        abstract: "Align two versions of a text and report the real edits.",
        usage: "doppel diff [options] <a> <b>",
        discussion: """
            Both files are normalised (layout removed), aligned even when passages are reordered, and
            each aligned pair is diffed character by character (Han) or word by word (Latin).
            With two folders, files are paired by relative path, then by unique file name, then by
            similarity, and each pair is compared.
            Exit status: 0 nothing counted by --fail-on, 1 something counted, 2 trouble.
            """,
        arguments: [
            ("a", "The first version (text, HTML or PDF; - for standard input), or a folder."),
            ("b", "The second version, or a folder."),
        ],
        options: SharedOptions.input + SharedOptions.normalization + [
            .flag(
                "keep-furniture",
                "Report page furniture (section labels, editor credits, running dates) as text instead of setting it aside."
            ),
            .value(
                "format", short: "f", "FORMAT",
                "Output: text, json, jsonl, html, github or junit; without it, -o's extension decides (.html, .json, .jsonl, .xml for junit).",
                default: Format.text.rawValue, choices: Format.allCases.map(\.rawValue)),
            .value(
                "context", "N", "Characters of context around each edit in the text report.",
                default: OptionDefaults.context),
            .flag("all-passages", "Text report: list every aligned passage, not only those with edits."),
            .flag(
                "brief", short: "q", "Print only whether the inputs differ ('Files A and B differ'), as diff -q does."),
            .value(
                "fail-on", "WHAT",
                "What makes the exit status 1: any (edits or one-sided text), edits, only (one-sided text), or inconsistent (a change not made everywhere).",
                default: OptionDefaults.failOn, choices: FailurePolicy.Findings.allCases.map(\.rawValue)),
            .value(
                "max-edits", "N", "Edits count toward --fail-on only when a pair has more than N.",
                default: OptionDefaults.maxEdits),
            .value(
                "on-error", "POLICY",
                "Folders: stop at the first unreadable file (status 2), or skip it and report it.",
                default: OptionDefaults.onError, choices: FileCorpus.OnError.allCases.map(\.rawValue)),
            .value("include", "GLOB", "Folders: only files whose name matches GLOB (repeatable), e.g. '*.txt'."),
            .value(
                "match-similarity", "S", "Folders: least similarity that pairs two files of different names.",
                default: OptionDefaults.matchSimilarity),
            .value(
                "output", short: "o", "PATH", "Write the report to PATH (atomically) instead of standard output.",
                completion: .file),
            SharedOptions.force,
            .flag("no-check", "Do not check whether each change was made at every place of the edited word."),
            .value(
                "reference", "PATH",
                "Count each edit's two forms in PATH (file, folder or .jsonl; repeatable) and give a verdict."),
            .value(
                "index", "FILE", "Count each edit's two forms in the documents an index names (its ids that are files)."
            ),
        ])

    enum Format: String, CaseIterable { case text, json, jsonl, html, github, junit }

    /// The validated settings of one run.
    struct Settings {
        var format: Format
        var style = DiffReport.TextStyle()
        var options = ComparisonOptions.standard
        var input: InputOptions
        var policy: FailurePolicy
        var console: Console
        /// `-q`: one line per differing pair, nothing else.
        var brief = false
        var check: CheckOptions
        /// The archive the forms are looked up in (`--reference`, `--index`).
        var reference: ReferenceCorpus?

        /// The comparison of `a` and `b`, its edits checked unless neither consistency nor a
        /// reference asks for it.
        func compared(_ a: SourceText, _ b: SourceText) -> Comparison {
            guard check.consistency || reference != nil else { return Comparer.compare(a, b, options: options) }
            return Checker.compareAndCheck(a, b, comparison: options, options: check, reference: reference)
        }

        /// `c` with its edits checked, unless neither consistency nor a reference asks for it.
        func checked(_ c: Comparison) -> Comparison {
            guard check.consistency || reference != nil else { return c }
            var c = c
            c.check = Checker.check(c, options: check, reference: reference)
            return c
        }
    }

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw UsageError(
                arguments.positionals.count < 2
                    ? "Missing expected argument '<\(arguments.positionals.isEmpty ? "a" : "b")>'"
                    : "Unexpected argument '\(arguments.positionals[2])'")
        }
        let settings = try self.settings(arguments, environment: environment)
        let (pathA, pathB) = (arguments.positionals[0], arguments.positionals[1])
        if pathA == "-" && pathB == "-" {
            throw UsageError("Standard input can be read once: give '-' for one side only")
        }
        let folderOptions = try folderOptions(arguments, settings)
        try OutputGuard.check(output: arguments.value("output"), inputs: [pathA, pathB], walk: folderOptions.walk)
        switch (isFolder(pathA), isFolder(pathB)) {
        case (true, true):
            return try runFolders(pathA, pathB, settings, options: folderOptions)
        case (true, false), (false, true):
            throw UsageError(
                "Compare two files or two folders: '\(isFolder(pathA) ? pathA : pathB)' is a folder and '\(isFolder(pathA) ? pathB : pathA)' is not"
            )
        case (false, false):
            break
        }
        let (a, b) = try InputReader.read(pathA, pathB, options: settings.input)
        let comparison = settings.compared(a, b)
        let console = settings.console
        if settings.brief {
            if settings.policy.fails(comparison) { try console.emit(briefLine(comparison)) }
            return settings.policy.fails(comparison) ? 1 : 0
        }
        switch settings.format {
        case .text: try console.emit(DiffReport.text(comparison, style: settings.style))
        case .json: try console.emit(DiffReport.jsonUTF8(comparison))
        case .jsonl: try console.emit(FolderReport.jsonLine(.compared(comparison, pairedBy: .path)))
        case .html: try console.emit(HTMLDiffReport.page(comparison))
        case .github: try console.emit(GitHubAnnotations.annotations(comparison))
        case .junit:
            var junit = JUnitReport(policy: settings.policy)
            junit.add(.compared(comparison, pairedBy: .path))
            try console.emit(junit.xml)
        }
        return settings.policy.fails(comparison) ? 1 : 0
    }

    private static func settings(_ arguments: ParsedArguments, environment: [String: String]) throws -> Settings {
        let format = Format(rawValue: try OutputFormat.choose(arguments, formats: Format.allCases.map(\.rawValue)))!
        let brief = arguments.flag("brief")
        if brief && format != .text {
            throw UsageError("'--brief' prints one line per differing pair: it takes no '--format \(format.rawValue)'")
        }
        var style = OptionDefaults.style
        style.allPassages = arguments.flag("all-passages")
        if let raw = arguments.value("context") {
            guard let n = Int(raw), n >= 0, n <= 1000 else {
                throw UsageError("Invalid value '\(raw)' for '--context <N>': a whole number from 0 to 1000")
            }
            style.context = n
        }
        let failOnName = arguments.value("fail-on") ?? OptionDefaults.failOn
        guard let findings = FailurePolicy.Findings(rawValue: failOnName) else {
            throw UsageError(
                "Invalid value '\(failOnName)' for '--fail-on <WHAT>': use any, edits, only or inconsistent")
        }
        let check = try CheckOptions(consistency: !arguments.flag("no-check"))
        if findings == .inconsistent && !check.consistency {
            throw UsageError("'--fail-on inconsistent' needs the consistency check: drop '--no-check'")
        }
        var maxEdits = OptionDefaults.policy.maxEdits
        if let raw = arguments.value("max-edits") {
            guard let n = Int(raw), n >= 0 else {
                throw UsageError("Invalid value '\(raw)' for '--max-edits <N>': a whole number from 0 up")
            }
            maxEdits = n
        }
        var options = ComparisonOptions.standard
        options.normalization = try SharedOptions.normalizationOptions(arguments)
        options.ignorePunctuation = options.normalization.ignorePunctuation
        options.normalization.ignorePunctuation = false
        options.normalization.keepFurniture = arguments.flag("keep-furniture")
        let console = try Console(parsed: arguments, environment: environment, outputPath: arguments.value("output"))
        style.color = console.color && format == .text
        let input = try SharedOptions.inputOptions(arguments)
        let policy = try FailurePolicy(findings: findings, maxEdits: maxEdits)
        var reference: ReferenceCorpus?
        let referencePaths = arguments.all("reference")
        if !referencePaths.isEmpty || arguments.value("index") != nil {
            reference = try ReferenceCorpus.load(
                paths: referencePaths, index: arguments.value("index"), input: input,
                normalization: options.normalization)
            if let first = reference!.unreachable.first {
                let n = reference!.unreachable.count
                Console.writeStandardError(
                    "doppel: reference: \(n) document\(n == 1 ? "" : "s") of the index not searched (not a readable file), first '\(DisplayName.oneLine(first))'\n"
                )
            }
        }
        return Settings(
            format: format, style: style, options: options, input: input, policy: policy,
            console: console, brief: brief, check: check, reference: reference)
    }

    /// GNU diff's `-q` line: `Files A and B differ`.
    static func briefLine(_ c: Comparison) -> String {
        "Files \(DisplayName.oneLine(c.sourceA.path)) and \(DisplayName.oneLine(c.sourceB.path)) differ\n"
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }
}
