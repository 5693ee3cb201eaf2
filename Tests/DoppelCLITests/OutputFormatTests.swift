import Foundation
import Testing

/// Without `-f`, `-o`'s extension picks the report's format; a `-f` that disagrees with it wins,
/// with a warning.
@Suite struct OutputFormatTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-format-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [
        ("report.html", "<!DOCTYPE html>"), ("report.JSON", "{\n  \"schema\": \"doppel.diff/1\""),
        ("report.jsonl", "{\"schema\":\"doppel.diff/1\""), ("report.xml", "<?xml version=\"1.0\""),
        ("report.txt", "--- A "), ("report.out", "--- A "),
    ])
    func diffFollowsTheExtension(name: String, start: String) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        let run = try DoppelProcess.run(["diff", "-o", path, web, print])
        #expect(run.status == 1 && run.stderr.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(start))
    }

    @Test func anExplicitFormatWinsWithAWarning() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.html").path
        let run = try DoppelProcess.run(["diff", "-f", "json", "-o", path, web, print])
        #expect(run.status == 1)
        #expect(run.stderr == "doppel: warning: writing json to '\(path)', whose extension suggests html\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{"))
        let text = folder.appendingPathComponent("report.txt").path  // names no format: no warning
        let html = try DoppelProcess.run(["diff", "-f", "html", "-o", text, web, print])
        #expect(html.status == 1 && html.stderr.isEmpty)
    }

    @Test func clusterFollowsTheExtensionToo() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("clusters.csv").path
        #expect(try DoppelProcess.run(["cluster", "-o", csv, web, print]).status == 1)
        #expect(
            try String(contentsOfFile: csv, encoding: .utf8).hasPrefix(
                "cluster,id,path,title,chars,representative,similarity\n"))
        let jsonl = folder.appendingPathComponent("clusters.jsonl").path
        #expect(try DoppelProcess.run(["cluster", "-o", jsonl, web, print]).status == 1)
        #expect(try String(contentsOfFile: jsonl, encoding: .utf8).hasPrefix("{\"schema\":\"doppel.cluster-line/1\""))
    }
}
