import Doppel
import Foundation

/// Options shared by the commands that read and normalise files, and their validation into the
/// library's configuration values.
enum SharedOptions {
    static let input: [OptionSpec] = [
        .value(
            "encoding", "NAME", "Read files as NAME (UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5) instead of detecting.",
            choices: TextEncoding.allCases.map(\.rawValue)),
        .value(
            "input-format", "FORMAT", "Read files as text, html or pdf instead of detecting from the name and content.",
            choices: SourceFormat.allCases.map(\.rawValue)),
        .flag(
            "html-all",
            "HTML: keep all the text; by default the head, navigation, header, footer, aside, forms and hidden elements are dropped."
        ),
    ]

    static let normalization: [OptionSpec] = [
        .value(
            "layout", "LAYOUT", "Line breaks: auto, flowed (lines are paragraphs) or print (hard-wrapped).",
            default: OptionDefaults.layout, choices: NormalizationOptions.Layout.allCases.map(\.rawValue)),
        .flag("ignore-case", "Fold letter case."),
        .flag("ignore-punctuation", "Drop punctuation: punctuation-only edits are not reported."),
        .flag("fold-variants", "Fold traditional Chinese characters to simplified before comparing."),
    ]

    /// `--force`, for every command that writes a file.
    static let force: OptionSpec = .flag(
        "force", "Replace the output file even when it is read-only (no write permission for its owner).")

    /// `--lock-timeout`, for the commands that rewrite an index.
    static let lockTimeout: OptionSpec = .value(
        "lock-timeout", "SECONDS",
        "Wait at most SECONDS for another writer of the index, then give up. (default: \(Int(OutputOptions.standard.lockTimeout)))"
    )

    static func outputOptions(_ arguments: ParsedArguments) throws -> OutputOptions {
        var timeout = OutputOptions.standard.lockTimeout
        if let raw = arguments.value("lock-timeout") {
            guard let seconds = Double(raw) else {
                throw UsageError("Invalid value '\(raw)' for '--lock-timeout <SECONDS>': a number of seconds")
            }
            timeout = seconds
        }
        return try OutputOptions(force: arguments.flag("force"), lockTimeout: timeout)
    }

    static func inputOptions(_ arguments: ParsedArguments) throws -> InputOptions {
        var options = InputOptions()
        // The executable, not the library, reads the environment: pdftotext is looked up on PATH.
        if let path = ProcessInfo.processInfo.environment["PATH"], !path.isEmpty { options.searchPath = path }
        options.htmlMainContentOnly = !arguments.flag("html-all")
        if let name = arguments.value("encoding") {
            guard let encoding = TextEncoding(name: name) else {
                throw UsageError(
                    "Invalid value '\(name)' for '--encoding <NAME>': use UTF-8, UTF-16LE, UTF-16BE, GB18030 or Big5")
            }
            options.encoding = encoding
        }
        if let name = arguments.value("input-format") {
            guard let format = SourceFormat(rawValue: name.lowercased()) else {
                throw UsageError("Invalid value '\(name)' for '--input-format <FORMAT>': use text, html or pdf")
            }
            options.format = format
        }
        return options
    }

    static func normalizationOptions(_ arguments: ParsedArguments) throws -> NormalizationOptions {
        var options = NormalizationOptions()
        if let raw = arguments.value("layout") {
            guard let layout = NormalizationOptions.Layout(rawValue: raw) else {
                throw UsageError("Invalid value '\(raw)' for '--layout <LAYOUT>': use auto, flowed or print")
            }
            options.layout = layout
        }
        options.ignoreCase = arguments.flag("ignore-case")
        options.ignorePunctuation = arguments.flag("ignore-punctuation")
        options.foldVariants = arguments.flag("fold-variants")
        return options
    }

    /// The `--jsonl FILE` of a batch command, if given: once, and not together with files.
    static func jsonLinesPath(_ arguments: ParsedArguments, paths: [String]) throws -> String? {
        let all = arguments.all("jsonl")
        guard let path = all.last else { return nil }
        if all.count > 1 {
            throw UsageError(
                "'--jsonl' takes one file, given \(all.count) times: join them first (cat A.jsonl B.jsonl | doppel … --jsonl -)"
            )
        }
        if let extra = paths.first {
            throw UsageError("Unexpected argument '\(extra)': give files or --jsonl, not both")
        }
        return path
    }
}
