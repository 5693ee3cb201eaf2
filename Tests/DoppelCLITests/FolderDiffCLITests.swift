import Foundation
import Testing

/// `doppel diff DIR_A DIR_B` as a pipeline meets it: one result per pair, exit statuses, errors.
@Suite struct FolderDiffCLITests {
    /// A: page.txt (web), sub/x.txt, web3.txt, lonely.txt; B: page.txt (print), other/x.txt,
    /// print3.txt (web3's text), new.txt.
    static func folders() throws -> (a: String, b: String) {
        let root = try DiffFormatsTests.temporaryFolder("folders")
        let a = root.appendingPathComponent("a")
        let b = root.appendingPathComponent("b")
        for dir in [a.appendingPathComponent("sub"), b.appendingPathComponent("other")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        let copies = [
            (web, a, "page.txt"), (print, b, "page.txt"),
            (DoppelProcess.sample("002_da410bb21e88722a.txt"), a, "sub/x.txt"),
            (DoppelProcess.sample("002_da410bb21e88722a.txt"), b, "other/x.txt"),
            (DoppelProcess.sample("003_92a41e4ce2c497c1.txt"), a, "web3.txt"),
            (DoppelProcess.sample("003_92a41e4ce2c497c1.txt"), b, "print3.txt"),
            (DoppelProcess.sample("004_faff336304fe731d.txt"), a, "lonely.txt"),
        ]
        for (from, folder, name) in copies {
            try FileManager.default.copyItem(atPath: from, toPath: folder.appendingPathComponent(name).path)
        }
        try Data("hello".utf8).write(to: b.appendingPathComponent("new.txt"))
        return (a.path, b.path)
    }

    @Test func jsonlHasOneRecordPerPairAndPerUnmatchedFile() throws {
        let (a, b) = try Self.folders()
        let r = try DoppelProcess.run(["diff", "--format", "jsonl", a, b])
        #expect(r.status == 1 && r.stderr.isEmpty)
        let records = try r.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(
            records.map { $0["schema"] as? String } == [
                "doppel.diff/1", "doppel.diff/1", "doppel.diff/1",
                "doppel.unmatched/1", "doppel.unmatched/1",
            ])
        let paired = records.prefix(3).map {
            (($0["a"] as! [String: Any])["path"] as! String, ($0["b"] as! [String: Any])["path"] as! String)
        }
        #expect(paired[0] == ("\(a)/page.txt", "\(b)/page.txt"))
        #expect(paired[1] == ("\(a)/sub/x.txt", "\(b)/other/x.txt"))  // by name
        #expect(paired[2] == ("\(a)/web3.txt", "\(b)/print3.txt"))  // by similarity
        #expect(records[3]["path"] as? String == "\(a)/lonely.txt" && records[4]["path"] as? String == "\(b)/new.txt")
    }

    @Test func textReportEndsWithTheTally() throws {
        let (a, b) = try Self.folders()
        let r = try DoppelProcess.run(["diff", a, b])
        #expect(r.status == 1)
        #expect(!r.stdout.contains("web3.txt"))  // paired by similarity, identical: nothing to show
        #expect(
            r.stdout.hasSuffix(
                "3 pairs (1 by path, 1 by name, 1 by similarity), 1 differ, 3 fail; 1 only in A, 1 only in B; 0 skipped\n"
            ))
    }

    @Test func policyAppliesToEveryPairAndToUnmatchedFiles() throws {
        let (a, b) = try Self.folders()
        #expect(try DoppelProcess.run(["diff", "--fail-on", "edits", a, b]).status == 1)  // page.txt has 35 edits
        #expect(try DoppelProcess.run(["diff", "--fail-on", "edits", "--max-edits", "35", a, b]).status == 0)
        // Unmatched files.
        #expect(try DoppelProcess.run(["diff", "--fail-on", "only", "--max-edits", "35", a, b]).status == 1)
        let same = try DoppelProcess.run(["diff", a, a])
        #expect(same.status == 0 && same.stdout.hasSuffix("0 differ, 0 fail; 0 only in A, 0 only in B; 0 skipped\n"))
    }

    @Test func unreadableFileStopsWithStatusTwoOrIsSkipped() throws {
        let (a, b) = try Self.folders()
        try Data([0x41, 0, 0x42]).write(to: URL(fileURLWithPath: a + "/binary.txt"))
        let stop = try DoppelProcess.run(["diff", "--format", "jsonl", a, b])
        #expect(
            stop.status == 2 && stop.stderr == "doppel: \(a)/binary.txt: not text (binary data: NUL byte at offset 1)\n"
        )
        let skip = try DoppelProcess.run([
            "diff", "--format", "jsonl", "--on-error", "skip", "--fail-on", "edits", "--max-edits", "35", a, b,
        ])
        #expect(skip.status == 0)
        #expect(skip.stdout.contains("{\"schema\":\"doppel.skipped/1\",\"error\":\"\(a)/binary.txt: not text"))
    }

    @Test func githubAndJunitCoverEveryPair() throws {
        let (a, b) = try Self.folders()
        let github = try DoppelProcess.run(["diff", "--format", "github", a, b])
        #expect(github.stdout.contains("::warning file=\(b)/page.txt,line=12,col=6,"))
        #expect(github.stdout.contains("::warning file=\(a)/lonely.txt,title=doppel%3A only in A::"))
        let junit = try DoppelProcess.run(["diff", "--format", "junit", "-o", a + "/../report.xml", a, b])
        #expect(junit.status == 1 && junit.stdout.isEmpty)
        let xml = try String(contentsOfFile: a + "/../report.xml", encoding: .utf8)
        #expect(xml.contains("tests=\"5\" failures=\"3\" errors=\"0\""))
    }

    @Test func foldersNeedTwoFoldersAndAStreamableFormat() throws {
        let (a, b) = try Self.folders()
        let mixed = try DoppelProcess.run(["diff", a, web])
        #expect(mixed.status == 2 && mixed.stderr.contains("Compare two files or two folders"))
        let html = try DoppelProcess.run(["diff", "--format", "html", a, b])
        #expect(html.status == 2 && html.stderr.contains("for folders use text, jsonl, github or junit"))
    }
}
