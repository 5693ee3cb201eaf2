import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct CheckReportTests {
    @Test func textReportShowsKeptPlacesAndUnattestedFormsUnderTheEdit() throws {
        let c = try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm, reference: ["002_da410bb21e88722a.txt"])
        let text = DiffReport.text(c)
        #expect(text.contains("王女士 → 马女士: kept at 1 place: B 22:6 (made at 2)"))
        #expect(text.contains("田国垒: not in the reference; 田国全: 1 ("))
        #expect(text.contains("002_da410bb21e88722a.txt:122:"))
    }

    @Test func jsonAddsConsistencyAndEvidenceOnlyWithAReference() throws {
        let plain =
            try JSONSerialization.jsonObject(with: Data(DiffReport.json(try CheckFixtures.samples()).utf8))
            as! [String: Any]
        #expect(plain["consistency"] != nil && plain["evidence"] == nil)
        let c = try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm, reference: ["003_92a41e4ce2c497c1.txt"])
        let json = try JSONSerialization.jsonObject(with: Data(DiffReport.json(c).utf8)) as! [String: Any]
        let consistency = try #require(json["consistency"] as? [[String: Any]])
        let wang = try #require(consistency.first { $0["a_form"] as? String == "王女士" })
        #expect(wang["b_form"] as? String == "马女士" && wang["consistent"] as? Bool == false)
        let kept = try #require((wang["kept"] as? [[String: Any]])?.first)
        #expect(kept["side"] as? String == "b" && kept["text"] as? String == "王女士")
        #expect((kept["range"] as? [String: Any])?["line"] as? Int == 22)
        #expect((wang["made"] as? [[String: Any]])?.count == 2)
        let evidence = try #require(json["evidence"] as? [[String: Any]])
        let zheng = try #require(evidence.first { $0["a_form"] as? String == "郑蔚" })
        #expect(zheng["verdict"] as? String == "a_unattested")
        let example = try #require((zheng["examples"] as? [[String: Any]])?.first)
        #expect(
            example["form"] as? String == "b"
                && (example["path"] as? String ?? "").hasSuffix("003_92a41e4ce2c497c1.txt"))
        #expect((example["context"] as? String ?? "").contains("郑莉"))
        let edits = (json["pairs"] as! [[String: Any]]).flatMap { $0["edits"] as! [[String: Any]] }
        #expect(edits[zheng["edit"] as! Int]["b_text"] as? String == "莉")
    }

    @Test func githubWarnsAtTheKeptPlaceAndAtUnattestedForms() throws {
        let c = try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm, reference: ["002_da410bb21e88722a.txt"])
        let lines = GitHubAnnotations.annotations(c).split(separator: "\n")
        #expect(
            lines.contains { $0.contains("title=doppel%3A change not made everywhere") && $0.contains("line=22,col=6") }
        )
        #expect(
            lines.contains {
                $0.contains("title=doppel%3A form not in the reference") && $0.contains("田国垒 is not in the reference")
            })
    }

    @Test func htmlBadgesTheEditAndLinksTheKeptPlace() throws {
        let c = try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm)
        let page = HTMLDiffReport.page(c)
        #expect(page.contains("<span class=\"badge check-warn\""))
        #expect(page.contains("<a class=\"kept\" href=\"#bl22\">B 22:6</a>"))
        #expect(page.contains("id=\"bl22\""))
    }

    @Test func withoutACheckNothingIsAdded() {
        let c = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
        #expect(CheckReport.textLines(c, edit: 0).isEmpty && CheckReport.annotations(c).isEmpty)
        #expect(!DiffReport.json(c).contains("\"consistency\""))
    }
}
