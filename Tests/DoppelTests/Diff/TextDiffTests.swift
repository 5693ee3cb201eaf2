import Testing

@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

// MARK: - Labelled cases

@Test func diffOfEmptyRangesIsEmpty() {
    // # Null case.
    let (_, _, result) = diffStrings("", "")
    #expect(result.edits.isEmpty)
    #expect(result.exact)
    #expect(result.equalUnits == 0)
}

@Test func diffOfIdenticalTextsHasNoEditsAndCountsEveryUnitEqual() {
    // # Identical.
    let (a, _, result) = diffStrings("各级工会将扎实开展建设。", "各级工会将扎实开展建设。")
    #expect(result.edits.isEmpty)
    #expect(result.equalUnits == a.count)
}

@Test func diffReportsOneHanCharacterReplace() {
    // # Han one-char replace.
    let (a, b, result) = diffStrings("感谢王女士的帮助", "感谢马女士的帮助")
    #expect(describe(result, a, b) == ["[-王-]{+马+}"])
    #expect(result.edits == [Edit(operation: .replace, kind: .text, a: 2..<3, b: 2..<3)])
    #expect(result.equalUnits == 7)
}

@Test func diffReportsAnInsertionAtItsPlace() {
    // # Insertion.
    let (a, b, result) = diffStrings("收到一封感谢信。", "收到一封感谢短信。")
    #expect(describe(result, a, b) == ["[--]{+短+}"])
    #expect(result.edits == [Edit(operation: .insert, kind: .text, a: 6..<6, b: 6..<7)])
}

@Test func diffReportsADeletion() {
    let (a, b, result) = diffStrings("收到一封感谢短信。", "收到一封感谢信。")
    #expect(result.edits == [Edit(operation: .delete, kind: .text, a: 6..<7, b: 6..<6)])
    #expect(describe(result, a, b) == ["[-短-]{++}"])
}

@Test func diffReportsAReorderAsOneReplace() {
    // # Reorder 多措并举→多举措.
    let (a, b, result) = diffStrings("各地多措并举推进工作", "各地多举措推进工作")
    #expect(result.edits.count == 1)
    #expect(result.edits.first?.operation == .replace)
    #expect(describe(result, a, b) == ["[-措并举-]{+举措+}"])
}

@Test func diffReportsAWordEndingAsOneReplace() {
    let (a, b, result) = diffStrings("始终走在前列。", "始终走在前头。")
    #expect(describe(result, a, b) == ["[-列-]{+头+}"])
}

@Test func diffKeepsFarApartNameEditsApart() {
    let (a, b, result) = diffStrings("记者郑蔚报道,田国全介绍", "记者郑莉报道,田国垒介绍")
    #expect(describe(result, a, b) == ["[-蔚-]{+莉+}", "[-全-]{+垒+}"])
}

@Test func diffComparesLatinTextWordByWord() {
    // # Latin words.
    let (a, b, result) = diffStrings("the quick brown fox jumps", "the quick red fox jumps")
    #expect(describe(result, a, b) == ["[-brown-]{+red+}"])
    #expect(result.edits == [Edit(operation: .replace, kind: .text, a: 10..<15, b: 10..<13)])
}

@Test func diffIgnoresDifferencesInSpacingAlone() {
    let (_, _, result) = diffStrings("the  quick brown", " the quick\tbrown ")
    #expect(result.edits.isEmpty)
}

@Test func diffInsertsALatinWordBeforeTheNextWord() {
    let (a, b, result) = diffStrings("a big cat", "a big black cat")
    #expect(result.edits == [Edit(operation: .insert, kind: .text, a: 6..<6, b: 6..<11)])
    #expect(describe(result, a, b) == ["[--]{+black+}"])
}

@Test func diffMarksNumberAndPunctuationEdits() {
    // # Mixed.
    let (a, b, result) = diffStrings("2023年末有50余件,好!", "2024年末有50余件。好!")
    #expect(describe(result, a, b) == ["[-2023-]{+2024+}", "[-,-]{+。+}"])
    #expect(result.edits.map(\.kind) == [.number, .punctuation])
}

@Test func diffDoesNotJoinWordsAcrossParagraphs() {
    // # paragraph boundary not crossed: "new" "york" in two paragraphs is two words, not "newyork".
    let a = paragraphText("new", "york times")
    let b = paragraphText("newyork times")
    let result = TextDiff.diff(a, 0..<a.count, b, 0..<b.count)
    #expect(result.edits == [Edit(operation: .replace, kind: .text, a: 0..<7, b: 0..<7)])
}

@Test func diffShiftsAnAmbiguousInsertionToAPunctuationBoundary() {
    // Stripping the common prefix would insert "，好" after "好"; "好，" after the colon reads better.
    let (_, _, result) = diffStrings("他说：好。", "他说：好，好。")
    #expect(result.edits == [Edit(operation: .insert, kind: .text, a: 3..<3, b: 3..<5)])
}

@Test func diffRangesAreAbsoluteIndices() {
    let a = NormalizedText(identity: "XXX王女士YY")
    let b = NormalizedText(identity: "Z马女士")
    let result = TextDiff.diff(a, 3..<6, b, 1..<4)
    #expect(result.edits == [Edit(operation: .replace, kind: .text, a: 3..<4, b: 1..<2)])
}

@Test func diffWithoutCleanupGivesTheRawMinimalScript() throws {
    let (_, _, result) = diffStrings("多措并举", "多举措", options: try DiffOptions(semanticCleanup: false))
    #expect(result.edits.count == 2)
    #expect(result.exact)
}

// MARK: - Apply

@Test func applyRebuildsTheSecondText() {
    let (a, b, result) = diffStrings("the quick brown fox, 2023年", "a quick red fox; 2024年!")
    #expect(TextDiff.apply(result.edits, from: a, 0..<a.count, to: b) == b.units)
}

@Test func applyKeepsSpacesOfTheFirstTextBetweenUnchangedTokens() {
    let (a, b, result) = diffStrings("one  two three", "one two four")
    let rebuilt = TextDiff.apply(result.edits, from: a, 0..<a.count, to: b)
    #expect(
        String(String.UnicodeScalarView(rebuilt.compactMap(Unicode.Scalar.init)))
            == "one  two four")
}

// MARK: - Properties on real text

/// Seeded edits of the kinds a copy desk makes, injected into a sample page far apart.
private struct Injector {
    let text: NormalizedText
    var rng: SplitMix64
    var chosen: [(a: Range<Int>, replacement: [UInt32], kind: EditKind)] = []
    /// Fresh ideographs (CJK extension A, absent from the samples), one per use.
    var fresh: UInt32 = 0x3400

    init(text: NormalizedText, seed: UInt64) {
        self.text = text
        rng = SplitMix64(seed: seed)
    }

    private var units: [UInt32] { text.units }

    private func isHan(_ i: Int) -> Bool {
        i >= 0 && i < units.count && ScriptClass.of(units[i]) == .ideograph
    }

    private func isWordPart(_ i: Int) -> Bool {
        i >= 0 && i < units.count && ScriptClass.of(units[i]).isWordPart
    }

    /// Strictly inside one paragraph, and far from every edit chosen so far.
    private func isFree(_ range: Range<Int>) -> Bool {
        let paragraph = text.paragraphRanges[text.paragraphIndex(of: range.lowerBound)]
        guard range.lowerBound > paragraph.lowerBound, range.upperBound < paragraph.upperBound
        else { return false }
        return chosen.allSatisfy {
            range.lowerBound >= $0.a.upperBound + 40 || range.upperBound + 40 <= $0.a.lowerBound
        }
    }

    /// No unit of `range` occurs near it, so the deletion has one minimal place.
    private func isUnambiguousDeletion(_ range: Range<Int>, except: Set<UInt32> = []) -> Bool {
        let window = range.count + 4
        let around =
            units[max(0, range.lowerBound - window)..<range.lowerBound]
            + units[range.upperBound..<min(units.count, range.upperBound + window)]
        return units[range].allSatisfy { except.contains($0) || !around.contains($0) }
    }

    private mutating func freshUnits(_ count: Int) -> [UInt32] {
        defer { fresh += UInt32(count) }
        return (0..<UInt32(count)).map { fresh + $0 }
    }

    /// Tries to inject one edit of kind `kind` (0 ..< 5) at a random place; false when the place
    /// does not suit that kind.
    mutating func tryOne(kind: Int) -> Bool {
        let p = Int(rng.next() % UInt64(units.count))
        let k = 2 + Int(rng.next() % 3)
        switch kind {
        case 0:  // replace one Han character, as in a name
            guard isHan(p), isFree(p..<p + 1) else { return false }
            chosen.append((p..<p + 1, freshUnits(1), .text))
        case 1:  // insert a word between two Han characters
            guard isHan(p - 1), isHan(p), isFree(p..<p) else { return false }
            chosen.append((p..<p, freshUnits(k), .text))
        case 2:  // delete a word of Han characters
            guard (p - 1...p + k).allSatisfy(isHan), isFree(p..<p + k),
                isUnambiguousDeletion(p..<p + k)
            else { return false }
            chosen.append((p..<p + k, [], .text))
        case 3:  // change a number
            guard isWordPart(p), !isWordPart(p - 1),
                units[p] >= 0x30 && units[p] <= 0x39
            else { return false }
            var end = p
            while isWordPart(end) { end += 1 }
            guard (p..<end).allSatisfy({ units[$0] >= 0x30 && units[$0] <= 0x39 }),
                isFree(p..<end)
            else { return false }
            var number = String(rng.next() % 10_000).unicodeScalars.map(\.value)
            if number == Array(units[p..<end]) { number.append(0x37) }
            chosen.append((p..<end, number, .number))
        default:  // delete a clause after a comma, with its own closing comma
            let commas: Set<UInt32> = [0x2C, 0xFF0C]
            guard p >= 2, commas.contains(units[p - 1]), isHan(p - 2) else { return false }
            var c = p
            while isHan(c) { c += 1 }
            guard c < units.count, units[c] == units[p - 1], c - p >= 3, c - p <= 25,
                isFree(p..<c + 1), isUnambiguousDeletion(p..<c + 1, except: commas)
            else { return false }
            chosen.append((p..<c + 1, [], .text))
        }
        return true
    }

    /// The second text and the edits expected between the two.
    func build() -> (NormalizedText, [Edit]) {
        let edits = chosen.sorted { $0.a.lowerBound < $1.a.lowerBound }
        var out: [UInt32] = []
        var expected: [Edit] = []
        var position = 0
        for edit in edits {
            out.append(contentsOf: units[position..<edit.a.lowerBound])
            let b = out.count..<(out.count + edit.replacement.count)
            out.append(contentsOf: edit.replacement)
            position = edit.a.upperBound
            let operation: EditOperation =
                edit.a.isEmpty
                ? .insert
                : edit.replacement.isEmpty ? .delete : .replace
            expected.append(Edit(operation: operation, kind: edit.kind, a: edit.a, b: b))
        }
        out.append(contentsOf: units[position...])
        let starts = text.paragraphStarts.map { start in
            start
                + edits.filter { $0.a.upperBound <= start }
                .reduce(0) { $0 + $1.replacement.count - $1.a.count }
        }
        let b = NormalizedText(
            units: out, originStarts: [], originEnds: [],
            paragraphStarts: starts, originCount: out.count)
        return (b, expected)
    }
}

@Test(arguments: 1...12 as ClosedRange<UInt64>)
func diffFindsEachInjectedEditAndNothingElse(seed: UInt64) throws {
    let a = try sampleText("000_d0a0d55efd38cf19.txt")
    var injector = Injector(text: a, seed: seed)
    for edit in 0..<15 {
        var attempts = 0
        while !injector.tryOne(kind: edit % 5) && attempts < 100_000 { attempts += 1 }
    }
    #expect(injector.chosen.count == 15)
    let (b, expected) = injector.build()
    let result = TextDiff.diff(a, 0..<a.count, b, 0..<b.count)
    #expect(result.exact)
    #expect(result.edits == expected)
    #expect(TextDiff.apply(result.edits, from: a, 0..<a.count, to: b) == b.units)
}

@Test func diffOfTwoEditionsOfAWholePageRoundTrips() throws {
    // Articles come in another order in print, so whole pages are not what Align hands over;
    // the script must still be valid.
    let web = try sampleText("000_d0a0d55efd38cf19.txt")
    let print = try sampleText("001_bf998fbe8d636d66.txt")
    let result = TextDiff.diff(web, 0..<web.count, print, 0..<print.count)
    #expect(result.exact)
    #expect(
        withoutSpaces(TextDiff.apply(result.edits, from: web, 0..<web.count, to: print))
            == withoutSpaces(print.units))
}

// MARK: - Budget

private func randomHan(_ count: Int, seed: UInt64) -> NormalizedText {
    var rng = SplitMix64(seed: seed)
    let units = (0..<count).map { _ in 0x4E00 + UInt32(rng.next() % 3000) }
    return NormalizedText(
        units: units, originStarts: [], originEnds: [], paragraphStarts: [0],
        originCount: count)
}

@Test func diffOfUnrelatedTextsPastTheBudgetFallsBackAndRoundTrips() throws {
    let a = randomHan(150_000, seed: 1)
    let b = randomHan(140_000, seed: 2)
    let result = TextDiff.diff(
        a, 0..<a.count, b, 0..<b.count,
        options: try DiffOptions(costBudget: 10_000))
    #expect(!result.exact)
    #expect(TextDiff.apply(result.edits, from: a, 0..<a.count, to: b) == b.units)
}

@Test func diffOfSimilarTextsPastTheBudgetStillFindsMostOfTheText() throws {
    let a = randomHan(100_000, seed: 3)
    var units = a.units
    var rng = SplitMix64(seed: 4)
    for _ in 0..<500 { units[Int(rng.next() % UInt64(units.count))] = 0x4E00 + 3001 }
    let b = NormalizedText(
        units: units, originStarts: [], originEnds: [], paragraphStarts: [0],
        originCount: units.count)
    let result = TextDiff.diff(
        a, 0..<a.count, b, 0..<b.count,
        options: try DiffOptions(costBudget: 1_000))
    #expect(!result.exact)
    #expect(result.equalUnits > a.count * 9 / 10)
    #expect(TextDiff.apply(result.edits, from: a, 0..<a.count, to: b) == b.units)
}
