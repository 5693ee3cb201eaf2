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
        arguments: [("a", "The first version (text, HTML or PDF; - for standard input), or a folder."),
                    ("b", "The second version, or a folder.")],
        options: SharedOptions.input + SharedOptions.normalization + [
            .flag("keep-furniture", "Report page furniture (section labels, editor credits, running dates) as text instead of setting it aside."),
            .value("format", short: "f", "FORMAT", "Output: text, json, jsonl, html, github or junit. (default: text)"),
            .value("context", "N", "Characters of context around each edit in the text report. (default: 8)"),
            .value("fail-on", "WHAT", "What makes the exit status 1: any (edits or one-sided text), edits, or only (one-sided text). (default: any)"),
            .value("max-edits", "N", "Edits count toward --fail-on only when a pair has more than N. (default: 0)"),
            .value("on-error", "POLICY", "Folders: stop at the first unreadable file (status 2), or skip it and report it. (default: stop)"),
            .value("include", "GLOB", "Folders: only files whose name matches GLOB (repeatable), e.g. '*.txt'."),
            .value("match-similarity", "S", "Folders: least similarity that pairs two files of different names. (default: 0.5)"),
            .value("output", short: "o", "PATH", "Write the report to PATH (atomically) instead of standard output."),
            SharedOptions.force,
        ])

    enum Format: String { case text, json, jsonl, html, github, junit }

    /// The validated settings of one run.
    struct Settings {
        var format: Format
        var style = DiffReport.TextStyle()
        var options = ComparisonOptions.standard
        var input: InputOptions
        var policy: FailurePolicy
        var console: Console
    }

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw UsageError(arguments.positionals.count < 2 ? "Missing expected argument '<\(arguments.positionals.isEmpty ? "a" : "b")>'"
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
            throw UsageError("Compare two files or two folders: '\(isFolder(pathA) ? pathA : pathB)' is a folder and '\(isFolder(pathA) ? pathB : pathA)' is not")
        case (false, false):
            break
        }
        let (a, b) = try InputReader.read(pathA, pathB, options: settings.input)
        let comparison = Comparer.compare(a, b, options: settings.options)
        let console = settings.console
        switch settings.format {
        case .text: try console.emit(DiffReport.text(comparison, style: settings.style))
        case .json: try console.emit(DiffReport.json(comparison))
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
        let formatName = arguments.value("format") ?? "text"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("Invalid value '\(formatName)' for '--format <FORMAT>': use text, json, jsonl, html, github or junit")
        }
        var style = DiffReport.TextStyle()
        if let raw = arguments.value("context") {
            guard let n = Int(raw), n >= 0, n <= 1000 else {
                throw UsageError("Invalid value '\(raw)' for '--context <N>': a whole number from 0 to 1000")
            }
            style.context = n
        }
        let failOnName = arguments.value("fail-on") ?? "any"
        guard let findings = FailurePolicy.Findings(rawValue: failOnName) else {
            throw UsageError("Invalid value '\(failOnName)' for '--fail-on <WHAT>': use any, edits or only")
        }
        var maxEdits = 0
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
        return Settings(format: format, style: style, options: options,
                        input: try SharedOptions.inputOptions(arguments),
                        policy: try FailurePolicy(findings: findings, maxEdits: maxEdits), console: console)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return path != "-" && FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
