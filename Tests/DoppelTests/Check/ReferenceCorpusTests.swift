import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct ReferenceCorpusTests {
    private func folder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-reference-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func units(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func readsFoldersAndJSONLinesRecordsNormalised() throws {
        let dir = try folder("mixed")
        try "本报记者 田国全 报道".write(to: dir.appendingPathComponent("page.txt"), atomically: true, encoding: .utf8)
        let jsonl = dir.appendingPathComponent("archive.jsonl")
        try "{\"id\":\"r1\",\"text\":\"记者郑莉\"}\n{\"id\":\"r2\",\"text\":\"田国全，郑莉\"}\n".write(
            to: jsonl, atomically: true, encoding: .utf8)
        let reference = try ReferenceCorpus.load(
            paths: [dir.appendingPathComponent("page.txt").path, jsonl.path],
            normalization: NormalizationOptions())
        let paths = reference.documents.map(\.source.path)
        #expect(paths.count == 3 && paths.contains { $0.hasSuffix("page.txt") })
        #expect(Set(paths).isSuperset(of: ["r1", "r2"]))
        // The space between ideographs is layout: `田国全` stands in the page as normalised.
        #expect(reference.occurrences(of: units("田国全")).count == 2)
        let zheng = reference.lookup(units("郑莉"), examples: 1)
        #expect(zheng.count == 2 && zheng.first.count == 1)
        #expect(reference.documents[zheng.first[0].document].source.path == "r1")
    }

    @Test func aFormNeverSpansTwoDocuments() throws {
        let normalizer = Normalizer(options: NormalizationOptions())
        let documents = ["记者田", "国全"].map { text in
            let source = SourceText(path: text, text: text)
            return ReferenceCorpus.Document(source: source, text: normalizer.normalize(source))
        }
        let reference = try ReferenceCorpus(documents: documents)
        #expect(reference.occurrences(of: units("田国")).isEmpty)
        #expect(reference.occurrences(of: units("国全")).map(\.range) == [0..<2])
    }

    @Test func anIndexOfRecordsLeavesItsIdsUnsearched() throws {
        let dir = try folder("index")
        let jsonl = dir.appendingPathComponent("archive.jsonl")
        try "{\"id\":\"no-such-file\",\"text\":\"本报记者田国全报道了这次职工培训活动的情况\"}\n".write(
            to: jsonl, atomically: true, encoding: .utf8)
        let index = dir.appendingPathComponent("archive.doppel").path
        let corpus = try JSONLinesCorpus(
            path: jsonl.path, fields: JSONLinesFields(), normalization: NormalizationOptions())
        try IndexBuilder(parameters: IndexParameters()).build(corpus, to: index)
        let reference = try ReferenceCorpus.load(paths: [], index: index, normalization: NormalizationOptions())
        #expect(reference.documents.isEmpty && reference.unreachable == ["no-such-file"])
    }

    @Test func anUnreadableReferenceThrowsNamingIt() {
        #expect(throws: DoppelError.self) {
            try ReferenceCorpus.load(paths: ["/nonexistent/reference"], normalization: NormalizationOptions())
        }
    }
}
