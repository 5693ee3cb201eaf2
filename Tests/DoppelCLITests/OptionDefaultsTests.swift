import Doppel
import Testing

/// The defaults `--help` shows are the library's: the option tables quote `…Options.standard`,
/// so a default changed in the library changes the help, the man page and the behaviour at once.
@Suite struct OptionDefaultsTests {
    /// `--name` → its `(default: …)` in a command's help.
    static func defaults(_ command: String) throws -> [String: String] {
        let help = try DoppelProcess.run([command, "--help"]).stdout
        var found: [String: String] = [:]
        var name: String?
        for line in help.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("-") {
                let label = trimmed.split(separator: " ").first { $0.hasPrefix("--") }
                name = label.map { String($0.dropFirst(2)) }
            }
            if let name, let start = line.range(of: "(default: "),
                let end = line[start.upperBound...].firstIndex(of: ")")
            {
                found[name] = String(line[start.upperBound..<end])
            }
        }
        return found
    }

    @Test func clusterSignAndIndexShowTheLibrarysClusteringDefaults() throws {
        let standard = ClusterOptions.standard
        for command in ["cluster", "sign", "index"] {
            let shown = try Self.defaults(command)
            #expect(shown["threshold"].flatMap(Double.init) == standard.threshold, "\(command)")
            #expect(shown["containment"].flatMap(Double.init) == standard.containmentThreshold, "\(command)")
            #expect(shown["permutations"].flatMap(Int.init) == standard.permutations, "\(command)")
            #expect(shown["layout"] == NormalizationOptions.standard.layout.rawValue, "\(command)")
            #expect(
                shown["id-field"] == JSONLinesFields().idField && shown["text-field"] == JSONLinesFields().textField)
        }
        #expect(try Self.defaults("cluster")["verify"] == standard.verification.rawValue)
    }

    @Test func diffShowsTheLibrarysPolicyFolderAndReportDefaults() throws {
        let shown = try Self.defaults("diff")
        #expect(shown["fail-on"] == FailurePolicy.standard.findings.rawValue)
        #expect(shown["max-edits"].flatMap(Int.init) == FailurePolicy.standard.maxEdits)
        #expect(shown["match-similarity"].flatMap(Double.init) == FolderDiffOptions.standard.matchSimilarity)
        #expect(shown["on-error"] == FolderDiffOptions.standard.onError.rawValue)
        #expect(shown["context"].flatMap(Int.init) == DiffReport.TextStyle().context)
        #expect(shown["format"] == "text" && shown["color"] == "auto")
    }

    @Test func clusterWithoutOptionsRunsWithTheStandardOptions() throws {
        let run = try DoppelProcess.run(["cluster", "-f", "json", web, print])
        let standard = ClusterOptions.standard
        #expect(run.stdout.contains("\"threshold\": \(standard.threshold)"))
        #expect(run.stdout.contains("\"permutations\": \(standard.permutations)"))
        #expect(run.stdout.contains("\"containment\": \(standard.containmentThreshold!)"))
    }
}
