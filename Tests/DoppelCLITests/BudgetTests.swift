import Doppel
import Foundation
import Testing

/// Pathological pairs finish within the diff's cost budget (`DiffOptions.standard.costBudget`):
/// past it the diff falls back to anchoring on unique tokens and the JSON report says
/// `"exact": false`. No timing is asserted; the budget counts steps, not seconds.
@Suite struct BudgetTests {
    private static func diffJSON(_ a: String, _ b: String) throws -> (status: Int32, json: [String: Any]) {
        let r = try DoppelProcess.run(["diff", "-f", "json", a, b])
        #expect(r.stderr.isEmpty)
        return (r.status, try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any])
    }

    @Test func aMillionEqualCharactersAgainstOneChangedAtTheEndIsOneExactEdit() throws {
        let scratch = try Scratch("aaaa")
        let a = try scratch.write("a.txt", text: String(repeating: "啊", count: 1_000_000))
        let b = try scratch.write("b.txt", text: String(repeating: "啊", count: 999_999) + "吧")
        let (status, json) = try Self.diffJSON(a, b)
        #expect(status == 1)
        #expect(json["exact"] as? Bool == true)
        let edits = (json["pairs"] as! [[String: Any]]).flatMap { $0["edits"] as! [[String: Any]] }
        #expect(edits.count == 1)
        #expect(edits.first?["a_text"] as? String == "啊" && edits.first?["b_text"] as? String == "吧")
        #expect((edits.first?["a"] as? [String: Any])?["start"] as? Int == 999_999)
    }

    @Test func aMillionLetterWordAgainstItsVariantIsOneExactEdit() throws {
        let scratch = try Scratch("aaab")
        let a = try scratch.write("a.txt", text: String(repeating: "a", count: 1_000_000))
        let b = try scratch.write("b.txt", text: String(repeating: "a", count: 999_999) + "b")
        let (status, json) = try Self.diffJSON(a, b)
        #expect(status == 1)
        #expect(json["exact"] as? Bool == true)
        let edits = (json["pairs"] as! [[String: Any]]).flatMap { $0["edits"] as! [[String: Any]] }
        #expect(edits.map { "\($0["a_text"]!)→\($0["b_text"]!)" } == ["a→b"])
    }

    /// The same long run of one character around two random middles over two characters: too
    /// repetitive for unique anchors, so compared whole (they share their ends), and the middles,
    /// 100,000 characters each with an edit distance in the tens of thousands, would need about
    /// 10^9 steps of Myers' search against a budget of 5 × 10^7.
    @Test func randomMiddlesOverTwoCharactersTakeTheFallback() throws {
        let scratch = try Scratch("binary-alphabet")
        var random = SplitMix64(seed: 2)
        let run = String(repeating: "啊", count: 300_000)
        func text() -> String {
            run + String(String.UnicodeScalarView((0..<100_000).map { _ in random.next() & 1 == 0 ? "啊" : "吧" })) + run
        }
        let a = try scratch.write("a.txt", text: text())
        let b = try scratch.write("b.txt", text: text())
        let (status, json) = try Self.diffJSON(a, b)
        #expect(status == 1)
        #expect(json["exact"] as? Bool == false)
        #expect((json["pairs"] as! [Any]).count == 1)
    }

    /// Two unrelated texts of 10 MB each (3.5 million ideographs): no anchor, no shared ends, so
    /// not compared at all: the diff finishes and reports each text as found on one side only.
    @Test func twoUnrelatedTenMegabyteTextsAreEachOnOneSideOnly() throws {
        let scratch = try Scratch("unrelated")
        var random = SplitMix64(seed: 10)
        let a = try scratch.write("a.txt", text: random.han(3_500_000))
        let b = try scratch.write("b.txt", text: random.han(3_500_000))
        let (status, json) = try Self.diffJSON(a, b)
        #expect(status == 1)
        #expect((json["pairs"] as! [Any]).isEmpty)
        let onlyA = json["only_in_a"] as! [[String: Any]]
        let onlyB = json["only_in_b"] as! [[String: Any]]
        #expect(onlyA.map { [$0["start"] as! Int, $0["end"] as! Int] } == [[0, 3_500_000]])
        #expect(onlyB.map { [$0["start"] as! Int, $0["end"] as! Int] } == [[0, 3_500_000]])
    }
}
