import Foundation
import Testing

@Suite struct EvidenceCLITests {
    /// The print page with one `马女士` left as `王女士`, in a temporary folder.
    private func printKeepingOneOldForm() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-evidence-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: print, encoding: .utf8)
        let range = text.range(of: "马女士", options: .backwards)!
        let path = dir.appendingPathComponent("print.txt").path
        try text.replacingCharacters(in: range, with: "王女士").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func failOnInconsistentExitsOneOnlyWhenAChangeWasNotMadeEverywhere() throws {
        let kept = try printKeepingOneOldForm()
        let bad = try DoppelProcess.run(["diff", "--fail-on", "inconsistent", web, kept])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("王女士 → 马女士: kept at 1 place: B 22:6"))
        #expect(try DoppelProcess.run(["diff", "--fail-on", "inconsistent", web, print]).status == 0)
    }

    @Test func referenceVerdictsOnTheSamplesAsJSON() throws {
        let run = try DoppelProcess.run([
            "diff", web, print, "--reference", DoppelProcess.sample("002_da410bb21e88722a.txt"),
            "--reference", DoppelProcess.sample("003_92a41e4ce2c497c1.txt"), "--format", "json",
        ])
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let consistency = json["consistency"] as! [[String: Any]]
        let wang = try #require(consistency.first { $0["a_form"] as? String == "王女士" })
        #expect((wang["made"] as! [Any]).count == 3 && wang["consistent"] as? Bool == true)
        let evidence = json["evidence"] as! [[String: Any]]
        func verdict(_ a: String) -> (String?, [String]) {
            let item = evidence.first { $0["a_form"] as? String == a }
            return (
                item?["verdict"] as? String,
                (item?["examples"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            )
        }
        let tian = verdict("田国全")
        #expect(tian.0 == "b_unattested" && tian.1.contains { $0.hasSuffix("002_da410bb21e88722a.txt") })
        let zheng = verdict("郑蔚")
        #expect(zheng.0 == "a_unattested" && zheng.1.contains { $0.hasSuffix("003_92a41e4ce2c497c1.txt") })
    }

    @Test func noCheckDropsConsistencyAndConflictsWithFailOnInconsistent() throws {
        let run = try DoppelProcess.run(["diff", "--no-check", "--format", "json", web, print])
        #expect(run.status == 1 && !run.stdout.contains("\"consistency\""))
        let conflict = try DoppelProcess.run(["diff", "--no-check", "--fail-on", "inconsistent", web, print])
        #expect(conflict.status == 2 && conflict.stderr.contains("--no-check"))
    }

    @Test func anUnreadableReferenceIsOneLineWithStatusTwo() throws {
        let run = try DoppelProcess.run(["diff", web, print, "--reference", "/nonexistent/archive"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/archive") && run.stderr.split(separator: "\n").count == 1)
    }

    @Test func anIndexServesAsTheListOfReferenceDocuments() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-evidence-index-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let index = dir.appendingPathComponent("archive.doppel").path
        let build = try DoppelProcess.run([
            "index", "build", DoppelProcess.sample("002_da410bb21e88722a.txt"),
            DoppelProcess.sample("003_92a41e4ce2c497c1.txt"), "-o", index,
        ])
        #expect(build.status == 0)
        let run = try DoppelProcess.run(["diff", web, print, "--index", index, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let evidence = json["evidence"] as! [[String: Any]]
        #expect(evidence.contains { $0["a_form"] as? String == "田国全" && $0["verdict"] as? String == "b_unattested" })
    }
}
