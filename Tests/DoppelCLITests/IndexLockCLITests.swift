import Doppel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Writers of one index take turns (`WriterLock`): no batch that was reported written is lost,
/// a writer that cannot get the lock in time gives up naming the holder, and readers never wait.
@Suite struct IndexLockCLITests {
    /// Starts `doppel` with standard output captured.
    private static func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = DoppelProcess.executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    @Test func concurrentAddsKeepEveryBatchThatReportedSuccess() throws {
        let f = try IndexCLIFixture()
        try f.build()
        let writers = 6
        for w in 0..<writers {
            let records = (0..<20).map { n in ("w\(w)-\(n)", f.articles[(w * 20 + n) % f.articles.count] + "批\(w)号\(n)")
            }
            try f.lines(records).write(to: f.url("batch\(w).jsonl"))
        }
        let started = try (0..<writers).map {
            try Self.start(["index", "add", f.path("a.doppel"), "--jsonl", f.path("batch\($0).jsonl")])
        }
        var succeeded: [Int] = []
        for (w, (process, out, err)) in started.enumerated() {
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stderr)")
            if process.terminationStatus == 0 {
                #expect(stdout.contains(": 20 documents written"))
                succeeded.append(w)
            }
        }
        // Every batch that reported success is in the index: adding it again skips all its ids.
        for w in succeeded {
            let again = try DoppelProcess.run([
                "index", "add", f.path("a.doppel"), "--jsonl", f.path("batch\(w).jsonl"),
                "-o", f.path("probe.doppel"),
            ])
            #expect(again.stdout.contains(": 0 documents written (20 skipped"), "batch \(w) lost: \(again.stdout)")
        }
        let stats = try DoppelProcess.run(["index", "stats", "-f", "json", f.path("a.doppel")])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(json?["documents"] as? Int == f.articles.count + 20 * succeeded.count, "\(stats.stdout)")
    }

    @Test func aWriterThatCannotGetTheLockGivesUpNamingTheHolder() throws {
        let f = try IndexCLIFixture()
        try f.build()
        // Hold the lock from this process, as another writer would.
        let held = try WriterLock(for: f.path("a.doppel"), timeout: 0)
        defer { held.release() }
        let before = try Data(contentsOf: f.url("a.doppel"))
        let r = try DoppelProcess.run([
            "index", "add", "--lock-timeout", "0.2", f.path("a.doppel"), f.path("edited.txt"),
        ])
        #expect(r.status == 2)
        #expect(
            r.stderr
                == "doppel: \(f.path("a.doppel")): cannot write (another doppel (PID \(getpid())) is writing it; gave up after 0.2 s (--lock-timeout))\n"
        )
        #expect(try Data(contentsOf: f.url("a.doppel")) == before)
        let built = try DoppelProcess.run([
            "index", "build", "--lock-timeout", "0", f.path("edited.txt"), "-o", f.path("a.doppel"),
        ])
        #expect(built.status == 2 && built.stderr.contains("is writing it"))
        // Readers never wait.
        let stats = try DoppelProcess.run(["index", "stats", f.path("a.doppel")])
        #expect(stats.status == 0)
        let bad = try DoppelProcess.run([
            "index", "add", "--lock-timeout", "soon", f.path("a.doppel"), f.path("edited.txt"),
        ])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("Error: Invalid value 'soon' for '--lock-timeout <SECONDS>'"))
    }

    @Test func aFIFOGivenAsTheIndexIsRefusedAtOnce() throws {
        let f = try IndexCLIFixture()
        #expect(mkfifo(f.path("fifo.doppel"), 0o600) == 0)
        for action in ["stats", "query", "add"] {
            let arguments =
                ["index", action, f.path("fifo.doppel")] + (action == "stats" ? [] : [f.path("edited.txt")])
            let r = try DoppelProcess.run(arguments)
            #expect(r.status == 2, "\(action)")
            #expect(r.stderr == "doppel: \(f.path("fifo.doppel")): cannot read (not a regular file)\n", "\(action)")
        }
    }

    @Test func aReadOnlyIndexIsRefusedUnlessForcedAndKeepsItsOwner() throws {
        let f = try IndexCLIFixture()
        try f.build()
        let archive = f.path("a.doppel")
        #expect(chmod(archive, 0o444) == 0)
        let refused = try DoppelProcess.run(["index", "add", archive, f.path("edited.txt")])
        #expect(refused.status == 2)
        #expect(refused.stderr == "doppel: \(archive): cannot write (read-only; --force replaces it)\n")
        if geteuid() == 0 { #expect(chown(archive, 65534, 65534) == 0) }
        let forced = try DoppelProcess.run(["index", "add", "--force", archive, f.path("edited.txt")])
        #expect(forced.status == 0, "\(forced.stderr)")
        var info = stat()
        #expect(stat(archive, &info) == 0 && info.st_mode & 0o777 == 0o444)
        if geteuid() == 0 { #expect(info.st_uid == 65534 && info.st_gid == 65534) }
    }
}
