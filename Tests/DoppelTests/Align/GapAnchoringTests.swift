import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Text built from a few repeated sentences has almost no k-gram unique in the whole of both
/// texts; the anchors counted within each gap must still align it, edit by edit.
@Suite struct GapAnchoringTests {
    /// The first `count` sentences (ending in `。`) of the web sample, each at least 12 characters.
    static func sentences(_ count: Int) -> [String] {
        let web = Samples.source(Samples.web)
        let text = normalized(web.text(in: 0..<web.scalars.count))
        return Array(
            text.split(separator: "。").map { $0.filter { $0 != "\n" } + "。" }
                .filter { $0.count >= 12 }.prefix(count))
    }

    /// `count` sentences drawn from `pool` with `rng`, five to a paragraph.
    static func repetitiveText(_ pool: [String], count: Int, rng: inout SplitMix64) -> [Character] {
        var out: [Character] = []
        for i in 0..<count {
            if i > 0 && i % 5 == 0 { out += "\n\n" }
            out += pool[Int.random(in: 0..<pool.count, using: &rng)]
        }
        return out
    }

    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func repeatedSentencesAlignAsOnePassageWithOnlyTheEdits(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let a = Self.repetitiveText(Self.sentences(12), count: 400, rng: &rng)
        var b = a
        var places: [Int] = []
        while places.count < 10 {
            let p = Int.random(in: 1..<(a.count - 1), using: &rng)
            guard places.allSatisfy({ abs($0 - p) > 40 }),
                ScriptClass.of(a[p].unicodeScalars.first!.value) == .ideograph,
                ScriptClass.of(a[p - 1].unicodeScalars.first!.value) == .ideograph,
                ScriptClass.of(a[p + 1].unicodeScalars.first!.value) == .ideograph
            else { continue }
            places.append(p)
            b[p] = a[p] == "甲" ? "乙" : "甲"
        }
        let c = Comparer.compare(SourceText(path: "a", text: String(a)), SourceText(path: "b", text: String(b)))
        #expect(c.onlyInA.isEmpty && c.onlyInB.isEmpty, "seed \(seed)")
        let edits = c.pairs.flatMap(\.edits)
        #expect(edits.count == places.count, "seed \(seed)")
        for p in places {
            #expect(
                edits.contains { c.textA.originRange(of: $0.a) == p..<p + 1 && $0.operation == .replace },
                "seed \(seed): no edit at \(p)")
        }
    }

    @Test func unrelatedTextBetweenTwoPassagesStaysOnOneSide() {
        let shared = Self.sentences(30)
        // Paragraphs of two other pages, more than `2 × maxGap` units each, so that the passages
        // around them cannot merge across them: unrelated to the web page and to each other.
        let others = Samples.all[2...3].map { name -> [String] in
            let page = Samples.source(name)
            var taken: [String] = []
            for paragraph in paragraphs(page.text(in: 0..<page.scalars.count)) where paragraph.count > 40 {
                taken.append(paragraph)
                if taken.joined().count > 2 * AlignOptions.standard.maxGap { break }
            }
            return taken
        }
        let first = shared[0..<12].joined()
        let last = shared[12..<24].joined()
        let a = ([first] + others[0] + [last]).joined(separator: "\n\n")
        let b = ([first] + others[1] + [last]).joined(separator: "\n\n")
        let c = Comparer.compare(SourceText(path: "a", text: a), SourceText(path: "b", text: b))
        #expect(c.onlyInA.map { c.textA.string($0) } == others[0])
        #expect(c.onlyInB.map { c.textB.string($0) } == others[1])
        #expect(c.editCount == 0)
    }

    @Test func aGapWithoutAnchorsWhoseSidesAreAlikeIsComparedWhole() {
        // One phrase repeated: no k-gram is unique, but the sides share nearly all their grams.
        let phrase = "职工之家工会服务"
        let a = NormalizedText(identity: String(repeating: phrase, count: 200))
        let b = NormalizedText(
            identity: String(repeating: phrase, count: 100) + "职工之家工会帮扶"
                + String(repeating: phrase, count: 99))
        let alignment = Aligner.align(a, b)
        #expect(alignment.pairs.count == 1)
        #expect(alignment.pairs.first.map { $0.a == 0..<a.count && $0.b == 0..<b.count } == true)
        let c = Comparer.compare(
            SourceText(path: "a", text: a.string(0..<a.count)),
            SourceText(path: "b", text: b.string(0..<b.count)))
        #expect(c.editCount == 1 && c.onlyInA.isEmpty && c.onlyInB.isEmpty)
    }

    @Test func degenerateTextsSharingNoGramAreNotDiffed() {
        // `aaaa…` against `aaab…`: no 4-gram in common, so the texts are not compared whole.
        let a = NormalizedText(identity: String(repeating: "a", count: 4000))
        let b = NormalizedText(identity: String(repeating: "aaab", count: 1000))
        #expect(!Aligner.alike(a.units[...], b.units[...], k: 12))
        #expect(Aligner.align(a, b).pairs.isEmpty)
    }

    @Test func longUnrelatedTextsWithoutAnchorsAreNotAlike() {
        let web = Samples.source(Samples.web)
        let other = Samples.source(Samples.all[3])
        let a = Array(Normalizer().normalize(web).units.prefix(2000))
        let b = Array(Normalizer().normalize(other).units.prefix(2000))
        #expect(!Aligner.alike(a[...], b[...], k: 8))
    }

    @Test func anchorsAreCountedUniqueWithinTheSegmentsGiven() {
        // "一二三四" occurs twice in A, once in each half: in the whole of A only "三四九十" (and
        // the grams after it) anchor, grown back over "一二"; in the first half "一二三四" does.
        let a = Array("一二三四五六七八。一二三四九十".unicodeScalars.map(\.value))
        let b = Array("甲乙一二三四九十".unicodeScalars.map(\.value))
        #expect(
            AnchorMatching.matches(a, [0..<a.count], b, [0..<b.count], k: 4, sampling: 1)
                == [ExactMatch(a: 9, b: 2, length: 6)])
        #expect(
            AnchorMatching.matches(a, [0..<9], b, [0..<b.count], k: 4, sampling: 1)
                == [ExactMatch(a: 0, b: 2, length: 4)])
    }

    @Test func matchesStayInsideTheSegmentOfTheirAnchor() {
        let a = Array("一二三四五六七八".unicodeScalars.map(\.value))
        let b = a
        let found = AnchorMatching.matches(a, [0..<3, 3..<8], b, [0..<b.count], k: 4, sampling: 1)
        #expect(found == [ExactMatch(a: 3, b: 3, length: 5)])
    }

    @Test func aMatchGrowsThroughAParagraphBreakBothTextsShare() {
        let units = Array("一二三四五六七八九十百千万亿兆京".unicodeScalars.map(\.value))
        #expect(
            AnchorMatching.matches(units, [0..<8, 8..<16], units, [0..<8, 8..<16], k: 4, sampling: 1)
                == [ExactMatch(a: 0, b: 0, length: 16)])
        // A break on one side only stops it; the rest has anchors of its own.
        #expect(
            AnchorMatching.matches(units, [0..<8, 8..<16], units, [0..<16], k: 4, sampling: 1)
                == [ExactMatch(a: 0, b: 0, length: 8), ExactMatch(a: 8, b: 8, length: 8)])
    }

    @Test func aSharedFullStopDoesNotJoinTwoUnrelatedParagraphs() {
        let a = Array("一二三四五六七。甲乙丙丁戊己".unicodeScalars.map(\.value))
        let b = Array("天地玄黄宇宙洪。甲乙丙丁戊己".unicodeScalars.map(\.value))
        #expect(
            AnchorMatching.matches(a, [0..<8, 8..<14], b, [0..<8, 8..<14], k: 4, sampling: 1)
                == [ExactMatch(a: 8, b: 8, length: 6)])
    }

    @Test func shortUnrelatedHeadingsBetweenTwoPassagesAreLeftToLeftoverPairing() {
        let body = Self.sentences(4).joined()
        let a = NormalizedText(identity: body + "沙漠绿洲里的热门打卡地" + body)
        let b = NormalizedText(identity: body + "系统谋划创新举措服务跟进" + body)
        let n = body.unicodeScalars.count
        let pairs = [
            AlignedPair(a: 0..<n, b: 0..<n, moved: false, matches: [ExactMatch(a: 0, b: 0, length: n)]),
            AlignedPair(
                a: a.count - n..<a.count, b: b.count - n..<b.count, moved: false,
                matches: [ExactMatch(a: a.count - n, b: b.count - n, length: n)]),
        ]
        #expect(GapAnchoring.refine(pairs, a, b, k: 8, options: .standard) == pairs)
    }

    @Test func gapsLieBetweenConsecutivePassages() {
        let pairs = [
            AlignedPair(a: 2..<5, b: 3..<6, moved: false, matches: []),
            AlignedPair(a: 8..<9, b: 6..<10, moved: false, matches: []),
        ]
        let gaps = GapAnchoring.gaps(between: pairs, 12, 10)
        #expect(
            gaps == [
                GapAnchoring.Gap(a: 0..<2, b: 0..<3), GapAnchoring.Gap(a: 5..<8, b: 6..<6),
                GapAnchoring.Gap(a: 9..<12, b: 10..<10),
            ])
        let taken = IntervalSet(sorted: [2..<4, 6..<8, 30..<40])
        #expect(taken.gaps(in: 0..<20) == [0..<2, 4..<6, 8..<20])
        #expect(taken.gaps(in: 3..<7) == [4..<6])
    }
}
