import Doppel  // not @testable: the README's examples must build against the public API alone
import Foundation
import Testing

/// The library examples of README.md ("As a library"), run on the sample pages. Keep the two in
/// step: each block below is the README's code with its file names replaced by the samples and a
/// scratch folder (`web.txt` → page 000, `print.pdf` → page 001 as text, since `pdftotext` is
/// optional; `print(…)` → a value the test checks). A change to either must be made to both.
@Suite struct ReadmeExampleTests {
    /// The repository's `samples/` folder, found from this file's path.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")
    static let web = samples.appendingPathComponent("000_d0a0d55efd38cf19.txt").path
    static let print = samples.appendingPathComponent("001_bf998fbe8d636d66.txt").path

    /// A new empty folder under the temporary directory; the caller removes it.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("doppel-readme-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theDiffExampleReportsTheEditsWritesThePageAndPassesFortyEdits() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reportPath = folder.appendingPathComponent("report.html").path

        // README: the diff example.
        let a = try InputReader.read(path: Self.web)
        let b = try InputReader.read(path: Self.print)
        let comparison = Comparer.compare(a, b)
        let text = DiffReport.text(comparison)
        try OutputFile.write(Array(HTMLDiffReport.page(comparison).utf8), to: reportPath)
        let verdict = try FailurePolicy(findings: .edits, maxEdits: 40).failures(comparison)  // [] when it passes

        #expect(text.contains("西夏区职工[-王-]{+马+}女士给西夏区总工"))
        #expect(text.contains("34 edits"))
        let page = try String(contentsOfFile: reportPath, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("马"))
        #expect(verdict.isEmpty)
        #expect(try FailurePolicy(findings: .edits, maxEdits: 33).failures(comparison) == ["34 edits (more than 33)"])
    }

    @Test func theIndexExampleFindsThePrintPagesEarlierVersion() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archivePath = folder.appendingPathComponent("archive.doppel").path
        let jsonlPath = folder.appendingPathComponent("archive.jsonl").path
        // The archive: the web page and two unrelated pages, one record each.
        var lines = ""
        for name in ["000_d0a0d55efd38cf19", "002_da410bb21e88722a", "003_92a41e4ce2c497c1"] {
            let text = try String(contentsOf: Self.samples.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let record = try JSONSerialization.data(withJSONObject: ["id": name, "text": text])
            lines += String(decoding: record, as: UTF8.self) + "\n"
        }
        try lines.write(toFile: jsonlPath, atomically: true, encoding: .utf8)

        // README: the index example (new.txt is the print page).
        let corpus = try JSONLinesCorpus(path: jsonlPath, fields: JSONLinesFields(), normalization: .standard)
        try IndexBuilder(parameters: IndexParameters()).build(corpus, to: archivePath)
        let archive = try IndexArchive(path: archivePath)
        let normalizer = Normalizer(options: archive.parameters.normalization)
        let text = normalizer.normalize(try InputReader.read(path: Self.print))
        let document = ClusterDocument(id: "new", path: "new.txt", text: text)
        let matches = try IndexQuery(archive: archive).matches(for: document)

        #expect(matches.map(\.id) == ["000_d0a0d55efd38cf19"])
    }
}
