import Foundation
import Testing

/// `doppel completions bash|zsh|fish`: scripts made from the option tables, so every option of
/// every command's help completes; each script is valid for its shell when that shell is here.
@Suite struct CompletionsTests {
    static let commands = ["diff", "cluster", "normalize", "index", "sign"]

    /// The `--options` a command's help lists.
    static func options(_ command: String) throws -> [String] {
        try DoppelProcess.run([command, "--help"]).stdout.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("-") else { return nil }
            return trimmed.split(separator: " ").first { $0.hasPrefix("--") }.map { String($0.filter { $0 != "," }) }
        }
    }

    static func shellPath(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func everyOptionOfEveryCommandCompletes(shell: String) throws {
        let run = try DoppelProcess.run(["completions", shell])
        #expect(run.status == 0 && run.stderr.isEmpty)
        for command in Self.commands {
            #expect(run.stdout.contains(command))
            for option in try Self.options(command) {
                let word = shell == "fish" ? "-l \(option.dropFirst(2))" : option
                #expect(run.stdout.contains(word), "\(shell): \(command) \(option)")
            }
        }
        #expect(run.stdout.contains("text json jsonl html github junit"))  // diff --format's choices
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func theScriptIsValidForItsShell(shell: String) throws {
        guard let path = Self.shellPath(shell) else { return }  // the shell is not installed here
        let script = FileManager.default.temporaryDirectory.appendingPathComponent(
            "doppel-completion-\(UUID()).\(shell)")
        defer { try? FileManager.default.removeItem(at: script) }
        try DoppelProcess.run(["completions", shell]).stdout.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-n", script.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func bashCompletesAnOptionsChoicesAndSubcommands() throws {
        guard let bash = Self.shellPath("bash") else { return }
        let script = try DoppelProcess.run(["completions", "bash"]).stdout
        func complete(_ words: [String]) throws -> [String] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: bash)
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            process.arguments = [
                "-c",
                script
                    + "\nCOMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _doppel; printf '%s\\n' \"${COMPREPLY[@]}\"",
            ]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(try complete(["doppel", "cl"]) == ["cluster"])
        #expect(try complete(["doppel", "diff", "-f", "j"]) == ["json", "jsonl", "junit"])
        #expect(try complete(["doppel", "index", "st"]) == ["stats"])
        #expect(try complete(["doppel", "cluster", "--csv-b"]) == ["--csv-bom"])
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let run = try DoppelProcess.run(["completions", "tcsh"])
        #expect(run.status == 2 && run.stderr.hasPrefix("Error: Invalid shell 'tcsh'"))
    }
}
