import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `-o` never replaces an input of the run, however the two are named: every subcommand refuses
/// it with one line and status 2 before reading anything, and the input is left as it was.
@Suite struct OutputGuardCLITests {
    /// A folder with two texts, a link and a second hard link to the first, and an index of both.
    private static func fixture() throws -> Scratch {
        let scratch = try Scratch("output-guard")
        try scratch.write("a.txt", Array(try Data(contentsOf: URL(fileURLWithPath: web))))
        try scratch.write("b.txt", Array(try Data(contentsOf: URL(fileURLWithPath: print))))
        symlink(scratch.file("a.txt"), scratch.file("link.txt"))
        link(scratch.file("a.txt"), scratch.file("hard.txt"))
        try scratch.write("in.jsonl", text: #"{"id": "x", "text": "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"}"# + "\n")
        let built = try DoppelProcess.run([
            "index", "build", "-o", scratch.file("a.doppel"), scratch.file("a.txt"), scratch.file("b.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        return scratch
    }

    /// Each run names its output as `OUT`, which is replaced by every name of an input.
    static let runs: [[String]] = [
        ["diff", "a.txt", "b.txt", "-o", "OUT"],
        ["diff", "-f", "html", "b.txt", "a.txt", "-o", "OUT"],
        ["normalize", "a.txt", "-o", "OUT"],
        ["cluster", "a.txt", "b.txt", "-o", "OUT"],
        ["cluster", "-f", "csv", ".", "-o", "OUT"],
        ["sign", "a.txt", "-o", "OUT"],
        ["index", "build", "a.txt", "b.txt", "-o", "OUT"],
        ["index", "query", "a.doppel", "a.txt", "-o", "OUT"],
    ]

    @Test(arguments: runs.indices, ["a.txt", "link.txt", "hard.txt"])
    func anOutputThatIsAnInputUnderAnyNameIsRefusedAndTheInputKept(_ run: Int, _ name: String) throws {
        let scratch = try Self.fixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.txt")))
        let arguments = Self.runs[run].map {
            $0 == "OUT"
                ? scratch.file(name)
                : $0.hasSuffix(".txt") || $0.hasSuffix(".doppel") || $0 == "." ? scratch.file($0) : $0
        }
        let result = try DoppelProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "doppel: \(scratch.file(name)): cannot write (it is an input of this run; give another -o)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.txt"))) == before)
    }

    @Test func indexArchivesAndJSONLinesAreInputsToo() throws {
        let scratch = try Self.fixture()
        let archive = scratch.file("a.doppel")
        let index = try Data(contentsOf: URL(fileURLWithPath: archive))
        let jsonl = scratch.file("in.jsonl")
        for arguments in [
            ["index", "stats", archive, "-o", archive],
            ["index", "query", archive, scratch.file("b.txt"), "-o", archive],
            ["index", "add", archive, scratch.file("b.txt"), "-o", scratch.file("b.txt")],
            ["index", "add", archive, "--jsonl", jsonl, "-o", jsonl],
            ["index", "build", "--jsonl", jsonl, "-o", jsonl],
            ["cluster", "--jsonl", jsonl, "-o", jsonl],
            ["sign", "--jsonl", jsonl, "-o", jsonl],
        ] {
            let result = try DoppelProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.stderr.hasSuffix(": cannot write (it is an input of this run; give another -o)\n"),
                "\(arguments)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: archive)) == index)
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8).hasPrefix(#"{"id": "x""#))
    }

    @Test func standardInputRedirectedFromTheOutputIsRefused() throws {
        let scratch = try Self.fixture()
        let process = Process()
        process.executableURL = DoppelProcess.executable
        process.arguments = ["normalize", "-", "-o", scratch.file("a.txt")]
        process.standardInput = FileHandle(forReadingAtPath: scratch.file("a.txt"))
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: scratch.file("a.txt")))
                == Data(contentsOf: URL(fileURLWithPath: web)))
    }

    @Test func aReportIntoAFolderBeingReadIsRefusedOnlyWhenTheWalkWouldReadIt() throws {
        let scratch = try Self.fixture()
        let report = try scratch.write("report.csv", text: "old\n")
        let read = try DoppelProcess.run(["cluster", "-f", "csv", scratch.path, "-o", report])
        #expect(read.status == 2)
        let skipped = try DoppelProcess.run(["cluster", "-f", "csv", "--include", "*.txt", scratch.path, "-o", report])
        #expect(skipped.status == 1 || skipped.status == 0)
        #expect(try String(contentsOfFile: report, encoding: .utf8).hasPrefix("cluster"))
    }

    @Test func addWithoutAnOutputOrWithTheArchiveAsOutputExtendsItInPlace() throws {
        let scratch = try Self.fixture()
        let archive = scratch.file("a.doppel")
        let added = try DoppelProcess.run(["index", "add", archive, "--jsonl", scratch.file("in.jsonl"), "-o", archive])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("the index holds 3 documents"))
    }
}
