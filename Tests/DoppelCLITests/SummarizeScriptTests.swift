import Foundation
import Testing

/// `Tests/summarize.sh` (what `make test` runs): the test command's output passes through, then
/// one line of totals names the skipped tests and why, and the command's status is kept.
@Suite struct SummarizeScriptTests {
    static func summarize(_ output: String, status: Int32) throws -> Run {
        let script = DoppelProcess.root.appendingPathComponent("Tests/summarize.sh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, "/bin/bash", "-c", "cat <<'END'\n\(output)\nEND\nexit \(status)"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func totalsNameTheSkippedTestsAndWhy() throws {
        let output = """
            Test Suite 'All tests' passed at 2026-12-07.
            \tExecuted 0 tests, with 0 failures (0 unexpected) in 0.0 seconds
            ✔ Test alpha() passed after 0.1 seconds.
            ✔ Test beta(x:) passed after 0.1 seconds.
            ➜ Test pdfPages() skipped: "pdftotext is not installed (Debian package poppler-utils)"
            ➜ Test pdfErrors() skipped: "pdftotext is not installed (Debian package poppler-utils)"
            ✔ Test run with 4 tests in 1 suite passed after 0.3 seconds.
            """
        let run = try Self.summarize(output, status: 0)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Test Suite 'All tests'"))
        #expect(
            run.stdout.hasSuffix(
                "✔ Test run with 4 tests in 1 suite passed after 0.3 seconds.\ntests: 2 passed, 0 failed, 2 skipped (pdftotext is not installed (Debian package poppler-utils): pdfPages(), pdfErrors())\n"
            ))
    }

    @Test func failuresAreCountedAndTheStatusKept() throws {
        let output = """
            ✔ Test alpha() passed after 0.1 seconds.
            ✘ Test beta() recorded an issue at X.swift:3:5: Expectation failed
            ✘ Test beta() failed after 0.1 seconds with 1 issue.
            ✘ Test run with 2 tests failed after 0.3 seconds with 1 issue.
            \tExecuted 3 tests, with 1 failure (0 unexpected) in 0.2 seconds
            """
        let run = try Self.summarize(output, status: 1)
        #expect(run.status == 1)
        #expect(run.stdout.hasSuffix("\ntests: 3 passed, 2 failed, 0 skipped\n"))
    }
}
