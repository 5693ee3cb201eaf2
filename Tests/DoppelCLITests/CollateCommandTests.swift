import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `doppel collate` as a user meets it: the samples with a third version, every format, the
/// order of the files, bad input.
@Suite struct CollateCommandTests {
    /// A folder with a third version of the print page: 马女士 → 张女士 (first time), 郑莉 → 郑丽.
    static func thirdVersion() throws -> (folder: URL, path: String) {
        let dir = try DiffFormatsTests.temporaryFolder("collate")
        var text = try String(contentsOfFile: print, encoding: .utf8)
        for (old, new) in [("马女士", "张女士"), ("郑莉", "郑丽")] {
            text = text.replacingCharacters(in: text.range(of: old)!, with: new)
        }
        let path = dir.appendingPathComponent("v3.txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    /// Each variant location as its readings, keyed by path: `[path: (text, start, end)]`.
    static func locations(_ json: String) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let paths = Dictionary(
            uniqueKeysWithValues: (object["witnesses"] as! [[String: Any]]).map {
                ($0["id"] as! String, $0["path"] as! String)
            })
        return Set(
            (object["variants"] as! [[String: Any]]).map { variant in
                (variant["readings"] as! [[String: Any]]).flatMap { reading in
                    (reading["ranges"] as! [String: [String: Int]]).map { id, range in
                        "\(paths[id]!)=\(reading["text"] as! String)@\(range["start"]!)-\(range["end"]!)"
                    }
                }.sorted().joined(separator: " | ")
            })
    }

    @Test func threeVersionsInJSONGiveTheThreeFormsOfTheNameInEitherOrder() throws {
        let (dir, v3) = try Self.thirdVersion()
        defer { try? FileManager.default.removeItem(at: dir) }
        let forward = try DoppelProcess.run(["collate", web, print, v3, "--format", "json"])
        #expect(forward.status == 1 && forward.stderr.isEmpty)
        let locations = try Self.locations(forward.stdout)
        #expect(
            locations.contains { $0.contains("\(web)=王@") && $0.contains("\(print)=马@") && $0.contains("\(v3)=张@") })
        #expect(locations.contains { $0.contains("=蔚@") && $0.contains("=莉@") && $0.contains("=丽@") })
        let reversed = try DoppelProcess.run(["collate", v3, print, web, "--format", "json"])
        #expect(try Self.locations(reversed.stdout) == locations)
    }

    @Test func theTextReportShowsEachReadingWithItsWitnesses() throws {
        let (dir, v3) = try Self.thirdVersion()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try DoppelProcess.run(["collate", web, print, v3])
        #expect(r.status == 1)
        #expect(r.stdout.contains("职工[王 (w1) | 马 (w2) | 张 (w3)]女士"))
        #expect(r.stdout.contains("w3 follows w2 except at 2 places"))
        // A folder is read as its files, in sorted order.
        try FileManager.default.copyItem(atPath: web, toPath: dir.appendingPathComponent("a-web.txt").path)
        let folder = try DoppelProcess.run(["collate", dir.path])
        #expect(folder.status == 1 && folder.stdout.contains("[王 (w1) | 马 (w2)]"))
    }

    @Test func teiAndHTMLAreWrittenWithTheirMarks() throws {
        let (dir, v3) = try Self.thirdVersion()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tei = try DoppelProcess.run(["collate", web, print, v3, "-f", "tei"])
        #expect(tei.status == 1 && tei.stdout.hasPrefix("<?xml"))
        let parser = XMLParser(data: Data(tei.stdout.utf8))
        #expect(parser.parse())
        #expect(tei.stdout.contains("<rdg wit=\"#w3\""))
        let out = dir.appendingPathComponent("synopsis.html").path
        let html = try DoppelProcess.run(["collate", web, print, v3, "-f", "html", "--base", "w2", "-o", out])
        #expect(html.status == 1 && html.stdout.isEmpty)
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.contains("Base text: w2") && page.contains("title=\"王 (w1) | 马 (w2) | 张 (w3)\">马</a>"))
    }

    @Test func identicalVersionsExitZeroAndAFileGivenTwiceIsOneVersion() throws {
        let dir = try DiffFormatsTests.temporaryFolder("collate-same")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("copy.txt").path
        try FileManager.default.copyItem(atPath: web, toPath: copy)
        let r = try DoppelProcess.run(["collate", web, copy])
        #expect(r.status == 0)
        #expect(r.stdout.contains("0 variant locations"))
        let twice = try DoppelProcess.run(["collate", web, web])
        #expect(twice.status == 2 && twice.stderr.contains("found 1"))
    }

    @Test func badUsageAndBadInputAreOneLineWithStatusTwo() throws {
        let one = try DoppelProcess.run(["collate", web])
        #expect(one.status == 2 && one.stderr.hasPrefix("Error: A collation needs two or more versions"))
        let base = try DoppelProcess.run(["collate", web, print, "--base", "w9", "-f", "html"])
        #expect(base.status == 2 && base.stderr.hasPrefix("Error: Invalid value 'w9' for '--base <WITNESS>'"))
        let format = try DoppelProcess.run(["collate", web, print, "-f", "csv"])
        #expect(format.status == 2 && format.stderr.contains("use text, json, tei or html"))
        let missing = try DoppelProcess.run(["collate", web, "/nonexistent/x.txt"])
        #expect(missing.status == 2 && missing.stderr == "doppel: /nonexistent/x.txt: cannot read (no such file)\n")
        let (dir, v3) = try Self.thirdVersion()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try String(contentsOfFile: v3, encoding: .utf8)
        let overwrite = try DoppelProcess.run(["collate", web, v3, "-o", v3])
        #expect(overwrite.status == 2 && overwrite.stderr.contains("it is an input of this run"))
        #expect(try String(contentsOfFile: v3, encoding: .utf8) == before)
        let help = try DoppelProcess.run(["collate", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: doppel collate"))
    }

    @Test func jsonLinesRecordsAreWitnesses() throws {
        let dir = try DiffFormatsTests.temporaryFolder("collate-jsonl")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            ("web", "银川市西夏区职工王女士给西夏区总工会工作人员发来感谢信。"),
            ("print", "银川市西夏区职工马女士给西夏区总工会工作人员发来感谢短信。"),
            ("v3", "银川市西夏区职工张女士给西夏区总工会工作人员发来感谢短信。"),
        ]
        let path = dir.appendingPathComponent("v.jsonl").path
        try lines.map { "{\"id\": \"\($0.0)\", \"text\": \"\($0.1)\"}" }.joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let r = try DoppelProcess.run(["collate", "--jsonl", path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("[王 (w1) | 马 (w2) | 张 (w3)]"))
        #expect(r.stdout.contains("[∅ (w1) | 短 (w2, w3)]"))
    }
}
