import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `doppel diff` formats for people (html) and pipelines (jsonl, github, junit), and the exit
/// status under `--fail-on` and `--max-edits`, as a user meets them.
@Suite struct DiffFormatsTests {
    static func temporaryFolder(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("doppel-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func htmlIsOnePageWrittenAtomicallyWithBothColumns() throws {
        let dir = try Self.temporaryFolder("html")
        let out = dir.appendingPathComponent("report.html").path
        let r = try DoppelProcess.run(["diff", "--format", "html", "-o", out, web, print])
        #expect(r.status == 1 && r.stdout.isEmpty && r.stderr.isEmpty)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.contains("<td class=\"a\">") && page.contains("<td class=\"b\">"))
        #expect(page.contains("id=\"e1-a\" href=\"#e1-b\""))
        #expect(!page.contains("\u{1B}["))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }

    static let policies: [(options: [String], status: Int32)] = [
        ([], 1),  // any: edits and text only in B
        (["--fail-on", "edits", "--max-edits", "35"], 0),  // the samples have 35 edits
        (["--fail-on", "edits", "--max-edits", "34"], 1),
        (["--fail-on", "edits"], 1),
        (["--fail-on", "only"], 1),  // 4 passages only in B
        (["--max-edits", "100"], 1),  // edits accepted, one-sided text still counts
    ]

    @Test(arguments: policies)
    func failOnAndMaxEditsDecideTheExitStatus(options: [String], status: Int32) throws {
        let r = try DoppelProcess.run(["diff"] + options + [web, print])
        #expect(r.status == status)
        #expect(r.stderr.isEmpty)
    }

    @Test func onlyOneSidedTextFailsUnderFailOnOnly() throws {
        let dir = try Self.temporaryFolder("only")
        let a = dir.appendingPathComponent("a.txt")
        let b = dir.appendingPathComponent("b.txt")
        try Data("今天的天气很好,我们一起去公园散步,看见了很多美丽的花朵。".utf8).write(to: a)
        try Data("今天的天气不错,我们一起去公园散步,看见了很多美丽的花朵。".utf8).write(to: b)
        #expect(try DoppelProcess.run(["diff", "--fail-on", "only", a.path, b.path]).status == 0)
        #expect(try DoppelProcess.run(["diff", "--fail-on", "edits", a.path, b.path]).status == 1)
        #expect(try DoppelProcess.run(["diff", a.path, a.path]).status == 0)
    }

    @Test func badPolicyValuesAreUsageErrors() throws {
        let negative = try DoppelProcess.run(["diff", "--max-edits", "-1", web, print])
        #expect(negative.status == 2 && negative.stderr.contains("'--max-edits <N>'"))
        let unknown = try DoppelProcess.run(["diff", "--fail-on", "sometimes", web, print])
        #expect(unknown.status == 2 && unknown.stderr.contains("use any, edits, only or inconsistent"))
    }

    @Test func githubFormatPrintsOneAnnotationPerFinding() throws {
        let r = try DoppelProcess.run(["diff", "--format", "github", web, print])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 39)  // 35 edits, 4 passages only in B
        #expect(lines.allSatisfy { $0.hasPrefix("::warning file=") })
        #expect(lines.contains { $0.contains(",line=12,col=6,") && $0.hasSuffix("::王 → 马 (A \(web):99:45)") })
    }

    @Test func junitFormatIsWellFormedXML() throws {
        let r = try DoppelProcess.run([
            "diff", "--format", "junit", "--fail-on", "edits", "--max-edits", "50", web, print,
        ])
        #expect(r.status == 0)
        let parser = XMLParser(data: Data(r.stdout.utf8))
        #expect(parser.parse())
        #expect(r.stdout.contains("<testsuites name=\"doppel diff\" tests=\"1\" failures=\"0\" errors=\"0\">"))
        let failing = try DoppelProcess.run(["diff", "--format", "junit", web, print])
        #expect(failing.status == 1 && failing.stdout.contains("failures=\"1\""))
        #expect(failing.stdout.contains("<failure type=\"doppel.diff\" message=\"35 edits, 4 passages only in B\">"))
    }

    @Test func jsonlOfTwoFilesIsOneLine() throws {
        let r = try DoppelProcess.run(["diff", "--format", "jsonl", web, print])
        #expect(r.status == 1)
        #expect(r.stdout.filter { $0 == "\n" }.count == 1)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(json["schema"] as? String == "doppel.diff/1")
    }

    @Test func clusterJsonLinesHaveOneClusterALine() throws {
        let samples = DoppelProcess.root.appendingPathComponent("samples").path
        let r = try DoppelProcess.run(["cluster", "--split", "articles", "--include", "*.txt", "-f", "jsonl", samples])
        let text = try DoppelProcess.run(["cluster", "--split", "articles", "--include", "*.txt", samples])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(text.stdout.contains("; \(lines.count) clusters of "))
        for line in lines {
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect(json["schema"] as? String == "doppel.cluster-line/1")
        }
    }

    @Test func clusterCsvCanStartWithAByteOrderMark() throws {
        let r = try DoppelProcess.run(["cluster", "-f", "csv", "--csv-bom", web, print])
        #expect(r.status == 1 && r.stdout.hasPrefix("\u{FEFF}cluster,id,path,title,chars,representative,similarity\n"))
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.contains { $0.contains(",false,0.") })  // the member's similarity
        let misplaced = try DoppelProcess.run(["cluster", "--csv-bom", web, print])
        #expect(
            misplaced.status == 2 && misplaced.stderr.hasPrefix("Error: '--csv-bom' applies to '--format csv' only"))
    }

    @Test func htmlInputIsReadAsItsMainContentUnlessAskedForAll() throws {
        let folder = try Self.temporaryFolder("html-input")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = "<html><head><title>站名 A</title></head><body><nav>首页</nav>\n<p>记者郑蔚报道今天的新闻。</p></body></html>"
        let a = folder.appendingPathComponent("a.html").path
        let b = folder.appendingPathComponent("b.html").path
        try page.write(toFile: a, atomically: true, encoding: .utf8)
        try page.replacingOccurrences(of: "站名 A", with: "站名 B").replacingOccurrences(of: "郑蔚", with: "郑莉")
            .write(toFile: b, atomically: true, encoding: .utf8)
        let main = try DoppelProcess.run(["diff", a, b])
        #expect(main.status == 1)
        #expect(main.stdout.contains("  A 2:7  B 2:7  text        记者郑[-蔚-]{+莉+}报道今天的新"))
        #expect(!main.stdout.contains("站名"))
        // The title is a short line of its own: page furniture unless kept.
        let all = try DoppelProcess.run(["diff", "--html-all", "--keep-furniture", a, b])
        #expect(all.stdout.contains("[-A-]{+B+}"))
    }

    @Test func clusterHtmlLinksMembersToTheirDiffs() throws {
        let samples = DoppelProcess.root.appendingPathComponent("samples").path
        let r = try DoppelProcess.run(["cluster", "--split", "articles", "--format", "html", samples])
        #expect(r.status == 1)
        #expect(r.stdout.contains("<table class=\"clusters\">"))
        #expect(r.stdout.contains("<a href=\"#d"))
        #expect(r.stdout.contains("<section class=\"diff\" id=\"d"))
    }

    @Test func pageFurnitureIsLayoutUnlessKeepFurnitureIsGiven() throws {
        let dir = try Self.temporaryFolder("furniture")
        defer { try? FileManager.default.removeItem(at: dir) }
        let body = "西宁市总坚持党建带动工建、工建服务党建工作机制,与教育、卫生、民政等业务主管部门加强联系合作。"
        let a = dir.appendingPathComponent("web.txt").path
        let b = dir.appendingPathComponent("print.txt").path
        try Data((body + "\n").utf8).write(to: URL(fileURLWithPath: a))
        try Data(("综合新闻\n\n" + body + "\n\n本版编辑A\n").utf8).write(to: URL(fileURLWithPath: b))
        let plain = try DoppelProcess.run(["diff", "--all-passages", a, b])
        #expect(plain.status == 0 && plain.stdout.contains("furniture 2"))
        let kept = try DoppelProcess.run(["diff", "--keep-furniture", a, b])
        #expect(kept.status == 1 && kept.stdout.contains("only in B") && !kept.stdout.contains("furniture 2"))
    }
}
