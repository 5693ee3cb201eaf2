import Foundation
import Testing

@testable import Doppel
@testable import DoppelReport

@Suite struct DiffReportTests {
    private static func json(_ c: Comparison) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(DiffReport.json(c).utf8)) as! [String: Any]
    }

    @Test func editsCarryNormalisedAndOriginalTexts() throws {
        let c = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
        let pairs = try Self.json(c)["pairs"] as! [[String: Any]]
        let edits = pairs.flatMap { $0["edits"] as! [[String: Any]] }
        let edit = try #require(edits.first { $0["a_text"] as? String == "蔚" })
        #expect(edit["b_text"] as? String == "莉" && edit["a_original"] as? String == "蔚")
        let b = edit["b"] as! [String: Any]
        let source = Samples.source(Samples.print)
        #expect(edit["b_original"] as? String == source.text(in: (b["start"] as! Int)..<(b["end"] as! Int)))
    }

    @Test func aReplacedSpanKeepsItsOriginalLayout() throws {
        let a = SourceText(path: "a", text: "今天天气很好我们去公园")
        let b = SourceText(path: "b", text: "今天天气（不错）\n我们去公园")
        let pairs = try Self.json(Comparer.compare(a, b))["pairs"] as! [[String: Any]]
        let edit = try #require((pairs.first?["edits"] as? [[String: Any]])?.first)
        #expect(edit["b_text"] as? String == "(不错)")
        #expect(edit["b_original"] as? String == "（不错）")
    }

    @Test func onlyInPassagesCarryBothTexts() throws {
        let a = SourceText(path: "a", text: "今天天气很好我们去公园散步看花")
        let b = SourceText(path: "b", text: "今天天气很好我们去公园散步看花\n\n完全不同的一段（新）文字出现在这里")
        let only = try #require((try Self.json(Comparer.compare(a, b))["only_in_b"] as? [[String: Any]])?.first)
        #expect(only["text"] as? String == "完全不同的一段(新)文字出现在这里")
        #expect(only["original"] as? String == "完全不同的一段（新）文字出现在这里")
    }

    @Test func aPairWithEditsEnoughForSeveralPartsListsEachOnceInOrder() throws {
        // One paragraph of seeded ideographs; B replaces every 20th: one pair, 1,500 edits.
        var rng = SplitMix64(seed: 14)
        let a = (0..<30_000).map { _ in Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &rng))!) }
        var b = a
        for i in stride(from: 10, to: b.count, by: 20) { b[i] = b[i] == "〇" ? "一" : "〇" }
        let c = Comparer.compare(SourceText(path: "a", text: String(a)), SourceText(path: "b", text: String(b)))
        let edits = try #require(c.pairs.first?.edits)
        #expect(c.pairs.count == 1 && edits.count > 2 * DiffReport.editsPerPart)
        let written = (try Self.json(c)["pairs"] as! [[String: Any]])[0]["edits"] as! [[String: Any]]
        #expect(
            written.map { ($0["a"] as! [String: Any])["start"] as! Int }
                == edits.map { c.textA.originRange(of: $0.a).lowerBound })
    }

    @Test func aPlaceInAPDFHasAPageInItsLabel() {
        let b = SourceText(path: "b.pdf", text: "一\n\u{0C}二三", format: .pdf)
        let text = Normalizer(options: NormalizationOptions()).normalize(b)
        let place = DiffReport.place(text.count - 1..<text.count, text, b)
        #expect(place.page == 2 && place.label == "p2 3:2")
        let plain = SourceText(path: "b.txt", text: "一\n\u{0C}二三")
        #expect(
            DiffReport.place(0..<1, Normalizer(options: NormalizationOptions()).normalize(plain), plain).label == "1:1")
    }
}
