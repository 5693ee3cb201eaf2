import Testing

@testable import DoppelCompare
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

/// Seeded random edits into a real page, with hostile characters mixed in (markup, CR LF and
/// lone CR line ends, form feeds, tabs, controls): whatever the comparison finds, the page keeps
/// its invariants.
@Suite struct HTMLDiffReportPropertyTests {
    static let pieces: [String] = [
        "<script>", "&", "\"", "'", "\r\n", "\r", "\u{C}", "\t", "\u{1}", "　", "\n\n", "王", "abc ", "2024",
    ]

    static func mutate(_ text: [Unicode.Scalar], seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var scalars = text
        for _ in 0..<40 {
            let at = Int(random.next() % UInt64(scalars.count + 1))
            let piece = Array(pieces[Int(random.next() % UInt64(pieces.count))].unicodeScalars)
            switch random.next() % 3 {
            case 0: scalars.insert(contentsOf: piece, at: at)
            case 1: scalars.removeSubrange(at..<min(scalars.count, at + Int(random.next() % 6)))
            default: scalars.replaceSubrange(at..<min(scalars.count, at + 1), with: piece)
            }
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    private func count(_ needle: String, in page: String) -> Int { page.components(separatedBy: needle).count - 1 }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyEditKeepsOneAnchorPerColumnAndNoInputBecomesMarkup(seed: UInt64) {
        let original = Samples.source(seed % 2 == 0 ? Samples.web : Samples.print)
        let a = SourceText(path: "a.txt", text: Self.mutate(original.scalars, seed: seed))
        let b = SourceText(path: "b.txt", text: Self.mutate(original.scalars, seed: seed &* 7919))
        let c = Comparer.compare(a, b)
        let page = HTMLDiffReport.page(c)
        #expect(c.editCount > 0)
        for n in 1...max(1, c.editCount) where c.editCount > 0 {
            #expect(count("id=\"e\(n)-a\" href=\"#e\(n)-b\"", in: page) == 1, "edit \(n) in A")
            #expect(count("id=\"e\(n)-b\" href=\"#e\(n)-a\"", in: page) == 1, "edit \(n) in B")
        }
        #expect(!page.contains("<script"))
        #expect(!page.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(count("<a ", in: page) == count("</a>", in: page))
        #expect(count("<div", in: page) == count("</div>", in: page))
        #expect(count("<tr", in: page) == count("</tr>", in: page))
    }

    @Test func emptyAndBlankTextsRenderAPage() {
        for (a, b) in [("", ""), ("", "今天天气很好"), ("\n\n  \n", "今天天气很好"), ("今天天气很好", "\r\n")] {
            let page = HTMLDiffReport.page(
                Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: b)))
            #expect(page.hasSuffix("</html>\n"))
        }
    }
}
