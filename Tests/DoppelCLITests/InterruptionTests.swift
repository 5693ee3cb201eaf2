import Doppel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Output is never lost or left half written: `-o` goes through a temporary file renamed into
/// place, SIGINT and SIGTERM remove the temporary and leave the previous file as it was, and
/// standard output is written out whole before the process exits.
@Suite struct InterruptionTests {
    static let previous = "the previous report\n"

    /// Starts `doppel` with standard output and error going to /dev/null.
    private static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = DoppelProcess.executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The temporary files `OutputFile` makes for `name` in `folder`.
    private static func temporaries(of name: String, in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".\(name).tmp-") }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalMidRunLeavesThePreviousReportAndNoTemporary(_ signal: Int32) throws {
        let files = try HostileInputTests.manyFiles.get()
        let scratch = try Scratch("signal-run")
        let existing = try scratch.write("existing.json", text: Self.previous)
        let process = try Self.start(["cluster", "-f", "json", "-o", existing, files.file("files")])
        // Reading 100,000 files takes well over this; the handlers are installed first thing.
        usleep(500_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signal)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == Self.previous)
        #expect(try scratch.list() == ["existing.json"])
    }

    /// Every catchable signal that ends a process: 128 + the signal, except SIGPIPE, which ends
    /// the process by itself (quietly, as it ends any filter) once the temporary is removed.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU])
    func aSignalWhileTheReportIsWrittenRemovesTheTemporary(_ signal: Int32) throws {
        let scratch = try Scratch("signal-write")
        // 8 MB of text: normalised, about as much output, long enough to write and sync that
        // the temporary file is seen.
        var random = SplitMix64(seed: UInt64(signal))
        var text = ""
        while text.utf8.count < 8 << 20 { text += random.han(60) + "。\n" }
        let input = try scratch.write("input.txt", text: text)
        let existing = try scratch.write("existing.txt", text: Self.previous)
        for _ in 0..<3 {
            let process = try Self.start(["normalize", "-o", existing, input])
            var seen = false
            while process.isRunning && !seen {
                seen = !Self.temporaries(of: "existing.txt", in: scratch.path).isEmpty
                if !seen { usleep(100) }
            }
            if seen { kill(process.processIdentifier, signal) }
            process.waitUntilExit()
            #expect(Self.temporaries(of: "existing.txt", in: scratch.path).isEmpty)
            let now = try String(contentsOfFile: existing, encoding: .utf8)
            if signal == SIGPIPE
                ? process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE
                : process.terminationStatus == 128 + signal
            {
                #expect(now == Self.previous)
                return
            }
            // The run finished before the signal arrived: the report is whole; try again.
            #expect(process.terminationStatus == 0 && now.utf8.count > 4 << 20)
            try Self.previous.write(toFile: existing, atomically: false, encoding: .utf8)
        }
        Issue.record("the temporary file was never seen while the report was written")
    }

    @Test func theTemporaryOfAKilledWriterIsRemovedByTheNextWrite() throws {
        let scratch = try Scratch("signal-kill")
        var random = SplitMix64(seed: 9)
        var text = ""
        while text.utf8.count < 8 << 20 { text += random.han(60) + "。\n" }
        let input = try scratch.write("input.txt", text: text)
        let existing = try scratch.write("existing.txt", text: Self.previous)
        for _ in 0..<3 {
            let process = try Self.start(["normalize", "-o", existing, input])
            var seen = false
            while process.isRunning && !seen {
                seen = !Self.temporaries(of: "existing.txt", in: scratch.path).isEmpty
                if !seen { usleep(100) }
            }
            if seen { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            guard process.terminationReason == .uncaughtSignal,
                !Self.temporaries(of: "existing.txt", in: scratch.path).isEmpty
            else { continue }
            #expect(try String(contentsOfFile: existing, encoding: .utf8) == Self.previous)
            let rewrite = try DoppelProcess.run(["normalize", "-o", existing, input])
            #expect(rewrite.status == 0)
            #expect(Self.temporaries(of: "existing.txt", in: scratch.path).isEmpty)
            return
        }
        Issue.record("the writer was never killed while its temporary file was there")
    }

    /// A bus error is what reading a memory-mapped index raises when the file is cut short under
    /// it; the signal is sent by hand here, while `index query` waits for its query on standard
    /// input with the index open.
    @Test func aBusErrorWhileAnIndexIsMappedIsOneLineNamingItAndStatusTwo() throws {
        let scratch = try Scratch("bus")
        let archive = scratch.file("archive.doppel")
        let built = try DoppelProcess.run(["index", "build", "-o", archive, web, print])
        #expect(built.status == 0)
        // A signal that comes before the index is open is a plain bus error: wait longer then.
        for delay: useconds_t in [300_000, 1_000_000, 3_000_000] {
            let process = Process()
            process.executableURL = DoppelProcess.executable
            process.arguments = ["index", "query", archive, "-"]
            let input = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            usleep(delay)  // start-up and opening the index; the query then waits for its input
            kill(process.processIdentifier, SIGBUS)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            try input.fileHandleForWriting.close()
            if process.terminationReason == .uncaughtSignal { continue }
            #expect(process.terminationReason == .exit && process.terminationStatus == 2)
            #expect(stderr == "doppel: \(archive): cannot read (the file was cut short while it was read)\n")
            return
        }
        Issue.record("doppel never had the index open when the signal came")
    }

    @Test func standardOutputIsWrittenWholeToASlowPipe() throws {
        let scratch = try Scratch("pipe")
        var random = SplitMix64(seed: 7)
        var text = ""
        while text.utf8.count < 2 << 20 { text += random.han(40) + "。\n" }
        let input = try scratch.write("input.txt", text: text)
        let viaFile = scratch.file("normalized.txt")
        #expect(try DoppelProcess.run(["normalize", "-o", viaFile, input]).status == 0)
        let expected = try Data(contentsOf: URL(fileURLWithPath: viaFile))

        let process = Process()
        process.executableURL = DoppelProcess.executable
        process.arguments = ["normalize", input]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Nobody reads for a while: the pipe fills, and write(2) must be resumed, not dropped.
        usleep(300_000)
        let got = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(got == expected)
    }

    @Test func everyExitStatusComesAfterTheWholeReport() throws {
        // Status 1: differences; the JSON is whole and parses.
        let diff = try DoppelProcess.run(["diff", "-f", "json", web, print])
        #expect(diff.status == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) is [String: Any])
        // Status 0: no differences.
        let same = try DoppelProcess.run(["diff", web, web])
        #expect(same.status == 0 && same.stdout.isEmpty)
        // Status 1 from cluster, with the summary line last.
        let samples = DoppelProcess.root.appendingPathComponent("samples").path
        let cluster = try DoppelProcess.run(["cluster", "--split", "articles", samples])
        #expect(cluster.status == 1 && cluster.stdout.split(separator: "\n").last?.contains("documents;") == true)
        // Status 2: nothing on standard output.
        let bad = try DoppelProcess.run(["diff", web, "/nonexistent/file.txt"])
        #expect(bad.status == 2 && bad.stdout.isEmpty)
    }
}
