import Foundation
import Testing

/// `doppel man` writes doppel.1 from the option tables `--help` uses: every option of every
/// command is in the page with the same default, and man(1) renders it.
@Suite struct ManPageTests {
    /// Roff of the page with font changes and escapes undone, as a reader sees its words.
    static func plain(_ roff: String) -> String {
        roff.replacingOccurrences(of: "\\fB", with: "").replacingOccurrences(of: "\\fI", with: "")
            .replacingOccurrences(of: "\\fR", with: "").replacingOccurrences(of: "\\-", with: "-")
            .replacingOccurrences(of: "\\e", with: "\\").replacingOccurrences(of: "\\&", with: "")
    }

    @Test func everyOptionAndDefaultOfTheHelpIsInThePage() throws {
        let run = try DoppelProcess.run(["man"])
        #expect(run.status == 0 && run.stdout.hasPrefix(".TH DOPPEL 1 "))
        let page = Self.plain(run.stdout)
        for command in CompletionsTests.commands {
            #expect(page.contains(".SH \"DOPPEL \(command.uppercased())\""))
            let help = try DoppelProcess.run([command, "--help"]).stdout
            for option in try CompletionsTests.options(command) {
                #expect(page.contains("\n\(option)") || page.contains(", \(option)"), "\(command) \(option)")
            }
            for line in help.split(separator: "\n") {
                guard let start = line.range(of: "(default: ") else { continue }
                let option = line.split(separator: " ").first { $0.hasPrefix("--") }
                let text = line[start.lowerBound...]
                #expect(page.contains(text), "\(command) \(option ?? "") \(text)")
            }
        }
    }

    @Test func manRendersThePage() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-\(UUID()).1")
        defer { try? FileManager.default.removeItem(at: file) }
        try DoppelProcess.run(["man"]).stdout.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        process.arguments = [file.path]
        process.environment = ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("DOPPEL CLUSTER") && text.contains("--threshold"))
    }
}
