import Foundation
import Testing

/// The executable as a user meets it: run `doppel`, check standard output, standard error and
/// the exit status.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum DoppelProcess {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var executable: URL {
        // The test bundle sits next to the executable in the build folder.
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("doppel")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/doppel")
    }

    static func sample(_ name: String) -> String { root.appendingPathComponent("samples/\(name)").path }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin {
            // A child that stops reading early (an error, a size limit) closes the pipe: the
            // write then fails with EPIPE, which must not end the test process by SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? input.fileHandleForWriting.write(contentsOf: stdin)
        }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}

let web = DoppelProcess.sample("000_d0a0d55efd38cf19.txt")
let print = DoppelProcess.sample("001_bf998fbe8d636d66.txt")

@Suite struct CLITests {
    @Test func helpAndVersionGoToStandardOutputWithStatusZero() throws {
        let help = try DoppelProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("OVERVIEW:") && help.stdout.contains("SUBCOMMANDS:"))
        let diffHelp = try DoppelProcess.run(["help", "diff"])
        #expect(diffHelp.status == 0 && diffHelp.stdout.contains("USAGE: doppel diff"))
        #expect(try DoppelProcess.run(["diff", "--help"]).stdout == diffHelp.stdout)
        let version = try DoppelProcess.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("doppel "))
        #expect(try DoppelProcess.run(["-V"]).stdout == version.stdout)
        #expect(try DoppelProcess.run(["version"]).stdout == version.stdout)
        #expect(help.stdout.contains("  completions ") && help.stdout.contains("-V, --version"))
    }

    @Test func briefSaysOnlyWhetherTheInputsDifferAsDiffQDoes() throws {
        let differ = try DoppelProcess.run(["diff", "-q", web, print])
        #expect(differ.status == 1 && differ.stdout == "Files \(web) and \(print) differ\n")
        let same = try DoppelProcess.run(["diff", "--brief", web, web])
        #expect(same.status == 0 && same.stdout.isEmpty)
        let json = try DoppelProcess.run(["diff", "-q", "-f", "json", web, print])
        #expect(json.status == 2 && json.stderr.hasPrefix("Error: '--brief' prints one line"))
    }

    @Test func identicalInputsPrintNothingInText() throws {
        let same = try DoppelProcess.run(["diff", web, web])
        #expect(same.status == 0 && same.stdout.isEmpty && same.stderr.isEmpty)
    }

    @Test func theSamplesReportShowsTheOriginalsAndListsOnlyPassagesWithEdits() throws {
        let r = try DoppelProcess.run(["diff", web, print])
        #expect(r.status == 1)
        #expect(r.stdout.contains("（记者郑[-蔚-]{+莉+} 郝赫）"))
        #expect(!r.stdout.contains("no edits"))
        #expect(
            r.stdout.contains(
                "\n11 other passages aligned without edits (10 moved), not listed (--all-passages lists them)\n"))
        let all = try DoppelProcess.run(["diff", "--all-passages", web, print])
        #expect(
            all.stdout.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count
                > r.stdout.split(separator: "\n").filter { $0.hasPrefix("@@ ") }.count)
        // 34 editorial edits and 1 paragraph.
        #expect(r.stdout.split(separator: "\n").filter { $0.hasPrefix("  A ") }.count == 35)
    }

    @Test func usageErrorsSayWhatIsWrongWithStatusTwo() throws {
        let unknown = try DoppelProcess.run(["diff", "--frobnicate", web, print])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--frobnicate'"))
        #expect(unknown.stderr.contains("See 'doppel diff --help'"))
        #expect(unknown.stdout.isEmpty)
        let missing = try DoppelProcess.run(["diff", web])
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<b>'"))
        let badSub = try DoppelProcess.run(["frob"])
        #expect(badSub.status == 2 && badSub.stderr.contains("Unknown subcommand 'frob'"))
        let badColor = try DoppelProcess.run(["diff", "--color", "sometimes", web, print])
        #expect(badColor.status == 2)
    }

    @Test func diffOfTheSamplesExitsOneAndShowsTheEdits() throws {
        let r = try DoppelProcess.run(["diff", web, print])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[-王-]{+马+}"))
        #expect(r.stdout.contains("{+短+}"))
        #expect(r.stdout.contains("layout set aside:"))
        #expect(!r.stdout.contains("\u{1B}["))  // not a terminal: no colour
        #expect(r.stderr.isEmpty)
    }

    @Test func colourIsForcedWithAlwaysAndSuppressedByNoColor() throws {
        #expect(try DoppelProcess.run(["diff", "--color", "always", web, print]).stdout.contains("\u{1B}[31m"))
        #expect(
            !(try DoppelProcess.run(["diff", "--color", "auto", web, print], environment: ["NO_COLOR": "1"]).stdout
                .contains("\u{1B}[")))
    }

    @Test func identicalFilesExitZero() throws {
        let r = try DoppelProcess.run(["diff", web, web])
        #expect(r.status == 0)
    }

    @Test func jsonFollowsTheSchema() throws {
        let r = try DoppelProcess.run(["diff", "--format", "json", web, print])
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["schema"] as? String == "doppel.diff/1")
        #expect((json["a"] as? [String: Any])?["path"] as? String == web)
        #expect(json["exact"] as? Bool == true)
        let pairs = json["pairs"] as! [[String: Any]]
        let edits = pairs.flatMap { $0["edits"] as! [[String: Any]] }
        let wang = edits.first { $0["a_text"] as? String == "王" && $0["b_text"] as? String == "马" }
        #expect(wang != nil)
        let range = wang?["a"] as? [String: Any]
        #expect(range?["line"] as? Int != nil && range?["start"] as? Int != nil)
        #expect(!(json["only_in_b"] as! [Any]).isEmpty)
        #expect((json["layout"] as? [String: Int])?["line_breaks_joined"] ?? 0 > 0)
    }

    @Test func standardInputIsReadFromADash() throws {
        let r = try DoppelProcess.run(["diff", "-", print], stdin: try Data(contentsOf: URL(fileURLWithPath: web)))
        #expect(r.status == 1)
        #expect(r.stdout.contains("--- A -"))
    }

    @Test func badInputIsOneLineNamingTheFileWithStatusTwo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let binary = dir.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: binary)
        let r = try DoppelProcess.run(["diff", binary.path, print])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("doppel: \(binary.path): not text"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        let missing = try DoppelProcess.run(["normalize", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 2 && missing.stderr.contains("nope.txt: cannot read"))
    }

    @Test func outputFileIsWrittenWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-out-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("report.json").path
        let r = try DoppelProcess.run(["diff", "--format", "json", "-o", out, web, print])
        #expect(r.status == 1 && r.stdout.isEmpty)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("{") && written.hasSuffix("}\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.json"])
        let failed = try DoppelProcess.run([
            "diff", "-o", dir.appendingPathComponent("no/such/dir.txt").path, web, print,
        ])
        #expect(failed.status == 2 && failed.stderr.contains("cannot write"))
    }

    @Test func normalizePrintsOneParagraphPerLineAndAMap() throws {
        let r = try DoppelProcess.run(["normalize", print])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("阅读提示\n"))
        let map = try DoppelProcess.run(["normalize", "--map", print])
        let json = try JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as! [String: Any]
        let paragraphs = json["paragraphs"] as! [[String: Any]]
        #expect(paragraphs.count == r.stdout.split(separator: "\n").count)
        let first = paragraphs[0]["original"] as! [String: Int]
        #expect(first["line"] == 1 && first["column"] == 2)
    }
}
