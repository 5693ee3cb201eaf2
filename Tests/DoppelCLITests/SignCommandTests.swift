import Foundation
import Testing

@Suite struct SignCommandTests {
    @Test func eachDocumentIsOneLineWithSignatureAndBandKeys() throws {
        let f = try IndexCLIFixture()
        let r = try DoppelProcess.run(["sign", "--jsonl", f.path("corpus.jsonl")])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == f.articles.count)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        #expect(Array(first.keys).sorted() == ["bands", "chars", "id", "shingles", "signature"])
        #expect(first["id"] as? String == "a0")
        #expect((first["signature"] as? [Int])?.count == 128)
        let bands = first["bands"] as! [String]
        #expect(bands.count == 25 && bands.allSatisfy { $0.count == 16 && UInt64($0, radix: 16) != nil })
    }

    @Test func signingIsDeterministicAndShardable() throws {
        let f = try IndexCLIFixture()
        let whole = try DoppelProcess.run(["sign", "--jsonl", f.path("corpus.jsonl")]).stdout
        #expect(try DoppelProcess.run(["sign", "--jsonl", f.path("corpus.jsonl")]).stdout == whole)
        let records = try String(contentsOf: f.url("corpus.jsonl"), encoding: .utf8).split(separator: "\n")
        try (records.prefix(4).joined(separator: "\n") + "\n").write(
            to: f.url("s1.jsonl"), atomically: true, encoding: .utf8)
        try (records.dropFirst(4).joined(separator: "\n") + "\n").write(
            to: f.url("s2.jsonl"), atomically: true, encoding: .utf8)
        let shards =
            try DoppelProcess.run(["sign", "--jsonl", f.path("s1.jsonl")]).stdout
            + DoppelProcess.run(["sign", "--jsonl", f.path("s2.jsonl")]).stdout
        #expect(shards == whole)
    }

    @Test func shinglesAddTheCompactSetAndOutputIsWrittenAtomically() throws {
        let f = try IndexCLIFixture()
        let r = try DoppelProcess.run(["sign", "--shingles", "-o", f.path("signed.jsonl"), f.path("edited.txt")])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let line = try String(contentsOf: f.url("signed.jsonl"), encoding: .utf8)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        let set = object["set"] as! [Int]
        #expect(set.count == object["shingles"] as? Int && set == set.sorted())
        #expect(object["id"] as? String == f.path("edited.txt"))
        let names = try FileManager.default.contentsOfDirectory(atPath: f.folder.path)
        #expect(!names.contains { $0.contains(".tmp-") })
    }
}

@Test func signWithOutputDashWritesStandardOutputNotAFileNamedDash() throws {
    let toStdout = try DoppelProcess.run(["sign", web])
    let dashed = try DoppelProcess.run(["sign", "-o", "-", web])
    #expect(dashed.status == 0 && !dashed.stdout.isEmpty && dashed.stdout == toStdout.stdout)
    #expect(!FileManager.default.fileExists(atPath: "-"))
}
