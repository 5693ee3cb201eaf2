import Doppel
import Foundation

extension DiffCommand {
    /// The options of a folder comparison, checked whether the two paths turn out to be folders
    /// or files, so a bad value is an error either way.
    static func folderOptions(_ arguments: ParsedArguments, _ settings: Settings) throws -> FolderDiffOptions {
        let onErrorName = arguments.value("on-error") ?? OptionDefaults.onError
        guard let onError = FileCorpus.OnError(rawValue: onErrorName) else {
            throw UsageError("Invalid value '\(onErrorName)' for '--on-error <POLICY>': use stop or skip")
        }
        var matchSimilarity = FolderDiffOptions.standard.matchSimilarity
        if let raw = arguments.value("match-similarity") {
            guard let s = Double(raw), s >= 0, s <= 1 else {
                throw UsageError("Invalid value '\(raw)' for '--match-similarity <S>': a number from 0 to 1")
            }
            matchSimilarity = s
        }
        return try FolderDiffOptions(
            comparison: settings.options, input: settings.input,
            walk: FileWalkOptions(include: arguments.all("include").map(Glob.init)), onError: onError,
            matchSimilarity: matchSimilarity)
    }

    /// `doppel diff DIR_A DIR_B`: one result per pair of files, streamed to standard output as it
    /// is found (or gathered and written atomically with `-o`; JUnit is always gathered, since its
    /// header holds the totals). Progress goes to standard error when it is a terminal.
    static func runFolders(
        _ folderA: String, _ folderB: String, _ settings: Settings,
        options: FolderDiffOptions
    ) throws -> Int32 {
        if settings.format == .json || settings.format == .html {
            throw UsageError(
                "'--format \(settings.format.rawValue)' reports on two files; for folders use text, jsonl, github or junit"
            )
        }
        let progress = Progress(enabled: Console.standardErrorIsTerminal)
        let streaming = settings.console.outputPath == nil && settings.format != .junit
        var gathered = ""
        var junit = JUnitReport(policy: settings.policy)
        var tally = FolderReport.Tally()
        func write(_ text: String) throws {
            if streaming {
                progress.finish()
                try Console.writeStandardOutput(text)
            } else {
                gathered += text
            }
        }
        try FolderDiff.run(
            folderA, folderB, options: options,
            progress: { progress.update("comparing", done: $0, total: $1) }
        ) { found in
            var entry = found
            if case let .compared(c, method) = found { entry = .compared(settings.checked(c), pairedBy: method) }
            let fails: Bool
            switch entry {
            case let .compared(c, _): fails = settings.policy.fails(c)
            case .unmatched: fails = settings.policy.failsUnmatched
            case .skipped: fails = false
            }
            tally.add(entry, fails: fails)
            if settings.brief {
                switch entry {
                case let .compared(c, _): if fails { try write(briefLine(c)) }
                case let .unmatched(path, side):
                    try write("Only in \(side == "a" ? folderA : folderB): \(DisplayName.oneLine(path))\n")
                case .skipped: try write(FolderReport.text(entry))
                }
                return
            }
            switch settings.format {
            case .text: try write(FolderReport.text(entry, style: settings.style))
            case .jsonl: try write(FolderReport.jsonLine(entry))
            case .github: try write(FolderReport.github(entry))
            case .junit: junit.add(entry)
            case .json, .html: break
            }
        }
        progress.finish()
        switch settings.format {
        case .text where !settings.brief: try write(tally.summary)
        case .junit: gathered = junit.xml
        default: break
        }
        if !streaming { try settings.console.emit(gathered) }
        return tally.failing > 0 ? 1 : 0
    }
}
