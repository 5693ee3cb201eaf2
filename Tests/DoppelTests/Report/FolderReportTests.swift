import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelReport
@testable import DoppelText

@Suite struct FolderReportTests {
    @Test func jsonLinesHoldOneObjectPerEntry() throws {
        let c = Comparer.compare(
            SourceText(path: "a/x.txt", text: "今天天气很好我们去公园散步看花"),
            SourceText(path: "b/x.txt", text: "今天天气不错我们去公园散步看花"))
        let entries: [FolderDiffEntry] = [
            .compared(c, pairedBy: .path), .unmatched(path: "b/y.txt", side: "b"),
            .skipped(.unreadable(path: "a/z.txt", reason: "permission denied")),
        ]
        let lines = entries.map(FolderReport.jsonLine)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        #expect(objects.map { $0["schema"] as? String } == ["doppel.diff/1", "doppel.unmatched/1", "doppel.skipped/1"])
        #expect(objects[1]["path"] as? String == "b/y.txt" && objects[1]["side"] as? String == "b")
        #expect(objects[2]["error"] as? String == "a/z.txt: cannot read (permission denied)")
    }

    @Test func textSaysHowFilesWerePairedAndWhatIsLeft() {
        let c = Comparer.compare(
            SourceText(path: "a/x.txt", text: "今天天气很好"), SourceText(path: "b/y.txt", text: "今天天气不错"))
        #expect(
            FolderReport.text(.compared(c, pairedBy: .similarity)).hasPrefix(
                "paired by similarity: a/x.txt ↔ b/y.txt\n--- A a/x.txt"))
        #expect(FolderReport.text(.compared(c, pairedBy: .path)).hasPrefix("--- A a/x.txt"))
        let same = Comparer.compare(
            SourceText(path: "a/x.txt", text: "今天天气很好"), SourceText(path: "b/y.txt", text: "今天天气很好"))
        #expect(FolderReport.text(.compared(same, pairedBy: .similarity)) == "")
        #expect(FolderReport.text(.unmatched(path: "a/z.txt", side: "a")) == "only in A: a/z.txt\n")
        var tally = FolderReport.Tally()
        tally.add(.compared(c, pairedBy: .similarity), fails: false)
        tally.add(.unmatched(path: "a/z.txt", side: "a"), fails: true)
        #expect(
            tally.summary
                == "1 pair (0 by path, 0 by name, 1 by similarity), 1 differ, 1 fail; 1 only in A, 0 only in B; 0 skipped\n"
        )
    }
}
