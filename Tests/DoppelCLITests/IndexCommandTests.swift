import Doppel
import Foundation
import Testing

/// A folder with a JSON Lines archive of the sample articles (`a0` …) and query files: an edited
/// copy of article 3 and an unrelated text.
final class IndexCLIFixture {
    let folder: URL
    let articles: [String]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-index-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var articles: [String] = []
        var current = ""
        for name in ["000_d0a0d55efd38cf19.txt", "002_da410bb21e88722a.txt", "003_92a41e4ce2c497c1.txt"] {
            let text = try String(contentsOfFile: DoppelProcess.sample(name), encoding: .utf8)
            for paragraph in text.components(separatedBy: "\n\n") {
                current += paragraph.replacingOccurrences(of: "\n", with: "")
                if current.count >= 500 {
                    articles.append(current)
                    current = ""
                }
            }
        }
        self.articles = articles
        try lines(articles.enumerated().map { ("a\($0.offset)", $0.element) }).write(to: url("corpus.jsonl"))
        var edited = Array(articles[3])
        for position in [40, 90, 200] where edited[position] != "。" { edited[position] = "改" }
        try String(edited).write(to: url("edited.txt"), atomically: true, encoding: .utf8)
        try "今天天气很好，我们去公园散步，看见许多人在湖边钓鱼和放风筝。".write(to: url("unrelated.txt"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
    func path(_ name: String) -> String { url(name).path }

    /// JSON Lines of `(id, text)` records.
    func lines(_ records: [(String, String)]) throws -> Data {
        var data = Data()
        for (id, text) in records {
            data += try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            data += Data("\n".utf8)
        }
        return data
    }

    /// Builds `a.doppel` from the corpus and checks that it worked.
    func build(_ extra: [String] = []) throws {
        let r = try DoppelProcess.run(
            ["index", "build", "--jsonl", path("corpus.jsonl"), "-o", path("a.doppel")] + extra)
        #expect(r.status == 0, "\(r.stderr)")
    }
}

@Suite struct IndexCommandTests {
    @Test func buildThenQueryReportsTheArchivedVersionAndExitsOne() throws {
        let f = try IndexCLIFixture()
        let build = try DoppelProcess.run([
            "index", "build", "--jsonl", f.path("corpus.jsonl"), "-o", f.path("a.doppel"),
        ])
        #expect(
            build.status == 0 && build.stdout.hasPrefix("built \(f.path("a.doppel")): \(f.articles.count) documents"))
        let found = try DoppelProcess.run([
            "index", "query", f.path("a.doppel"), f.path("edited.txt"), f.path("unrelated.txt"),
        ])
        #expect(found.status == 1, "\(found.stderr)")
        #expect(
            found.stdout.contains(
                "\(f.path("edited.txt")): 1 near-duplicate in \(f.path("a.doppel"))\n  a3  jaccard 0."))
        #expect(found.stdout.contains("exact similarities from shingle sets"))
        #expect(!found.stdout.contains("unrelated.txt:"))
        let none = try DoppelProcess.run(["index", "query", f.path("a.doppel"), f.path("unrelated.txt")])
        #expect(none.status == 0 && none.stdout.hasPrefix("1 document queried; 0 with near-duplicates"))
    }

    @Test func queryJSONFollowsTheSchemaAndSaysHowSimilarityWasComputed() throws {
        let f = try IndexCLIFixture()
        try f.build(["--signatures-only"])
        let r = try DoppelProcess.run(["index", "query", "-f", "json", f.path("a.doppel"), f.path("edited.txt")])
        #expect(r.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["schema"] as? String == "doppel.index.query/1")
        #expect((json["parameters"] as? [String: Any])?["verification"] as? String == "signature")
        let query = (json["queries"] as! [[String: Any]])[0]
        #expect((query["matches"] as! [[String: Any]]).map { $0["id"] as? String } == ["a3"])
    }

    @Test func addThenQueryFindsTheNewDocuments() throws {
        let f = try IndexCLIFixture()
        try f.build()
        try f.lines([("new1", try String(contentsOf: f.url("edited.txt"), encoding: .utf8))]).write(
            to: f.url("new.jsonl"))
        let added = try DoppelProcess.run(["index", "add", f.path("a.doppel"), "--jsonl", f.path("new.jsonl")])
        #expect(added.status == 0 && added.stdout.hasPrefix("added to \(f.path("a.doppel")): 1 document"))
        let again = try DoppelProcess.run(["index", "add", f.path("a.doppel"), "--jsonl", f.path("new.jsonl")])
        #expect(again.status == 0 && again.stdout.contains("0 documents written (1 skipped"))
        let r = try DoppelProcess.run(["index", "query", "--format", "json", f.path("a.doppel"), f.path("edited.txt")])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let matches = (json["queries"] as! [[String: Any]])[0]["matches"] as! [[String: Any]]
        #expect(matches.map { $0["id"] as? String } == ["new1", "a3"])
        #expect(matches[0]["jaccard"] as? Double == 1)
    }

    @Test func anIndexOfFormatVersionOneIsOneLineAskingToRebuildItWithStatusTwo() throws {
        let f = try IndexCLIFixture()
        try f.build()
        var bytes = [UInt8](try Data(contentsOf: f.url("a.doppel")))
        bytes[8] = 1  // the format version, read before the rest of the header
        try Data(bytes).write(to: f.url("a.doppel"))
        let expected =
            "doppel: \(f.path("a.doppel")): bad index (format version 1, without the text order the "
            + "aligned share needs; this doppel reads version 3 only: rebuild it with doppel index build)\n"
        for arguments in [
            ["query", f.path("a.doppel"), f.path("edited.txt")], ["stats", f.path("a.doppel")],
            ["add", f.path("a.doppel"), f.path("edited.txt")],
        ] {
            let r = try DoppelProcess.run(["index"] + arguments)
            #expect(r.status == 2 && r.stdout.isEmpty && r.stderr == expected, "\(arguments[0]): \(r.stderr)")
        }
        #expect([UInt8](try Data(contentsOf: f.url("a.doppel"))) == bytes)  // add left it as it was
    }

    @Test func aDamagedIndexIsOneLineWithStatusTwo() throws {
        let f = try IndexCLIFixture()
        try f.build()
        var bytes = [UInt8](try Data(contentsOf: f.url("a.doppel")))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: f.url("a.doppel"))
        let stats = try DoppelProcess.run(["index", "stats", f.path("a.doppel")])
        #expect(stats.status == 2 && stats.stdout.isEmpty)
        #expect(stats.stderr == "doppel: \(f.path("a.doppel")): bad index (checksum mismatch)\n")
        try Data(bytes.prefix(5000)).write(to: f.url("a.doppel"))
        let truncated = try DoppelProcess.run(["index", "query", f.path("a.doppel"), f.path("edited.txt")])
        #expect(
            truncated.status == 2 && truncated.stderr.hasPrefix("doppel: \(f.path("a.doppel")): bad index (truncated"))
    }

    /// The red team's `crafted_storage1.idx`: a normal index with only the storage field (header
    /// offset 28) set to 1, signatures only, and the header checksum recomputed. Queries died in
    /// `Signature.estimatedJaccard` (a precondition failure) and stats passed it.
    @Test func anIndexCraftedToClaimSignaturesIsOneLineWithStatusTwoNotACrash() throws {
        let f = try IndexCLIFixture()
        try f.build()
        var bytes = [UInt8](try Data(contentsOf: f.url("a.doppel")))
        bytes[28] = 1
        let checked = 208  // bytes the header checksum covers (format version 2), then the checksum
        let sum = IndexChecksum.hash(Array(bytes[0..<checked]))
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(checked..<(checked + 8), with: $0) }
        try Data(bytes).write(to: f.url("a.doppel"))
        let prefix = "doppel: \(f.path("a.doppel")): bad index (record "
        let suffix = " signature values for "
        for arguments in [
            ["query", f.path("a.doppel"), f.path("edited.txt")],
            ["query", "--format", "json", f.path("a.doppel"), f.path("edited.txt"), f.path("unrelated.txt")],
            ["stats", f.path("a.doppel")],
            ["add", f.path("a.doppel"), f.path("unrelated.txt"), "-o", f.path("b.doppel")],
        ] {
            let r = try DoppelProcess.run(["index"] + arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments)")
            #expect(
                r.stderr.hasPrefix(prefix) && r.stderr.contains(suffix)
                    && r.stderr.hasSuffix("shingles; the index has 128 permutations)\n"), "\(arguments): \(r.stderr)")
            #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: f.path("b.doppel")))
    }

    @Test func statsDescribeTheIndex() throws {
        let f = try IndexCLIFixture()
        try f.build()
        let text = try DoppelProcess.run(["index", "stats", f.path("a.doppel")])
        #expect(text.status == 0 && text.stdout.contains("doppel index format 3, \(f.articles.count) documents"))
        let json = try DoppelProcess.run(["index", "stats", "--format", "json", f.path("a.doppel")])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(
            object["schema"] as? String == "doppel.index.stats/1" && object["documents"] as? Int == f.articles.count)
    }

    @Test func parametersTheIndexWasBuiltWithCannotBeChangedByAQuery() throws {
        let f = try IndexCLIFixture()
        try f.build()
        let permutations = try DoppelProcess.run([
            "index", "query", "--permutations", "64", f.path("a.doppel"), f.path("edited.txt"),
        ])
        #expect(permutations.status == 2)
        #expect(
            permutations.stderr.hasPrefix(
                "Error: Invalid value for '--permutations': \(f.path("a.doppel")) was built with 128 permutations"))
        let folded = try DoppelProcess.run([
            "index", "query", "--ignore-case", f.path("a.doppel"), f.path("edited.txt"),
        ])
        #expect(folded.status == 2 && folded.stderr.contains("was built without --ignore-case"))
        let stricter = try DoppelProcess.run([
            "index", "query", "--threshold", "0.999", "--containment", "off",
            f.path("a.doppel"), f.path("edited.txt"),
        ])
        #expect(stricter.status == 0 && stricter.stdout.contains("threshold 0.999, containment off"))
    }

    @Test func usageErrorsNameTheActionAndTheProblem() throws {
        let f = try IndexCLIFixture()
        let missing = try DoppelProcess.run(["index"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("Error: Missing action"))
        let noOutput = try DoppelProcess.run(["index", "build", "--jsonl", f.path("corpus.jsonl")])
        #expect(noOutput.status == 2 && noOutput.stderr.hasPrefix("Error: Missing '-o ARCHIVE'"))
        let wrong = try DoppelProcess.run(["index", "stats", "--signatures-only", f.path("a.doppel")])
        #expect(
            wrong.status == 2
                && wrong.stderr.hasPrefix("Error: Option '--signatures-only' does not apply to 'doppel index stats'"))
        let notIndex = try DoppelProcess.run(["index", "stats", f.path("corpus.jsonl")])
        #expect(
            notIndex.status == 2
                && notIndex.stderr
                    == "doppel: \(f.path("corpus.jsonl")): bad index (not a doppel index: no DOPPELIX magic)\n"
        )
        let help = try DoppelProcess.run(["index", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: doppel index build"))
    }

    @Test func aFailedBuildLeavesThePreviousIndexAndNoTemporaryFile() throws {
        let f = try IndexCLIFixture()
        try f.build()
        let before = try Data(contentsOf: f.url("a.doppel"))
        try Data("{\"id\": \"x\", \"text\": \"ok\"}\n{\"id\": \"x\", \"text\": \"again\"}\n".utf8).write(
            to: f.url("bad.jsonl"))
        let r = try DoppelProcess.run(["index", "build", "--jsonl", f.path("bad.jsonl"), "-o", f.path("a.doppel")])
        #expect(r.status == 2 && r.stderr.contains("bad record"))
        #expect(try Data(contentsOf: f.url("a.doppel")) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: f.folder.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }
}
