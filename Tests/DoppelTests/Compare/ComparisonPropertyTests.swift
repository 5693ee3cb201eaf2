import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Seeded edits of the kinds a copy desk meets, injected into the real web page, with B then
/// laid out as print does: every injected edit is reported at its place, and nothing else is.
@Suite struct ComparisonPropertyTests {
    struct Injection {
        var position: Int  // code-point offset in A's original
        var removed: String
        var inserted: String
    }

    static let fillers: [Character] = Array("甲乙丙丁戊己庚辛壬癸")

    /// Picks `count` places inside runs of Han characters, well apart, and edits them: one
    /// character of a name replaced, a word inserted, two characters deleted, a digit changed.
    static func inject(into text: [Character], count: Int, seed: UInt64) -> (String, [Injection]) {
        var rng = SplitMix64(seed: seed)
        func isHan(_ c: Character) -> Bool {
            c.unicodeScalars.count == 1 && ScriptClass.of(c.unicodeScalars.first!.value) == .ideograph
        }
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count && attempts < 10_000 {
            attempts += 1
            let p = Int.random(in: 8..<(text.count - 8), using: &rng)
            guard chosen.allSatisfy({ abs($0 - p) > 60 }) else { continue }
            guard (p - 3...p + 3).allSatisfy({ isHan(text[$0]) }) else { continue }
            chosen.append(p)
        }
        chosen.sort()
        var out = text
        var injections: [Injection] = []
        for (k, p) in chosen.enumerated().reversed() {
            let filler = fillers.filter { f in !(p - 3...p + 3).contains { text[$0] == f } }
            switch k % 3 {
            case 0:  // replace one character
                let new = filler[Int.random(in: 0..<filler.count, using: &rng)]
                injections.append(Injection(position: p, removed: String(text[p]), inserted: String(new)))
                out[p] = new
            case 1:  // insert a two-character word
                let word = String([filler[0], filler[1]])
                injections.append(Injection(position: p, removed: "", inserted: word))
                out.insert(contentsOf: word, at: p)
            default:  // delete two characters, unless the next two repeat them
                guard text[p] != text[p + 2] || text[p + 1] != text[p + 3],
                    text[p - 2] != text[p] || text[p - 1] != text[p + 1]
                else { continue }
                injections.append(Injection(position: p, removed: String(text[p...p + 1]), inserted: ""))
                out.removeSubrange(p...p + 1)
            }
        }
        return (String(out), injections.sorted { $0.position < $1.position })
    }

    /// Print layout: full-width punctuation, spaces between digits and Han characters, a hard
    /// line break every 20 characters with blank lines between lines.
    static func printLayout(_ text: String) -> String {
        let fullWidth: [Character: Character] = [",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"]
        var paragraphs: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var chars: [Character] = []
            var previous: Character?
            for c in paragraph {
                if let p = previous, p.isNumber != c.isNumber, p.isNumber || c.isNumber, !p.isASCII || !c.isASCII {
                    chars.append(" ")
                }
                chars.append(fullWidth[c] ?? c)
                previous = c
            }
            var lines: [String] = []
            var i = 0
            while i < chars.count {
                lines.append(String(chars[i..<min(chars.count, i + 20)]))
                i += 20
            }
            paragraphs.append(lines.joined(separator: "\n\n"))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func injectedEditsAreFoundThroughPrintLayoutAndNothingElse(seed: UInt64) {
        let web = Samples.source(Samples.web)
        let original = Array(web.text(in: 0..<web.scalars.count))
        let (edited, injections) = Self.inject(into: original, count: 6, seed: seed)
        let a = SourceText(path: "web", text: String(original))
        let b = SourceText(path: "print", text: Self.printLayout(edited))
        let c = Comparer.compare(a, b)
        let edits = c.pairs.flatMap(\.edits)
        #expect(
            edits.count == injections.count,
            "seed \(seed): \(edits.map { (c.textA.string($0.a), c.textB.string($0.b)) })")
        #expect(
            c.onlyInA.isEmpty && c.onlyInB.isEmpty,
            "seed \(seed): \(c.onlyInA.map { c.textA.string($0) }) | \(c.onlyInB.map { c.textB.string($0) })")
        for injection in injections {
            let found = edits.contains { edit in
                c.textA.originRange(of: edit.a).lowerBound == injection.position
                    && c.textA.string(edit.a) == injection.removed && c.textB.string(edit.b) == injection.inserted
            }
            #expect(found, "seed \(seed): \(injection.removed) → \(injection.inserted) at \(injection.position)")
        }
        for pc in c.pairs {
            let rebuilt = TextDiff.apply(pc.edits, from: c.textA, pc.pair.a, to: c.textB)
            #expect(
                rebuilt.filter { $0 != 0x20 } == c.textB.units[pc.pair.b].filter { $0 != 0x20 },
                "seed \(seed): pair \(pc.pair.a) does not rebuild")
        }
    }
}
