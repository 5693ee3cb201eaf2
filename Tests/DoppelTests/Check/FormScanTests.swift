import Testing

@testable import DoppelCompare
@testable import DoppelIO

@Suite struct FormScanTests {
    private func units(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func findsEachFormAscendingAndNoPartOfALatinWord() {
        let text = units("王女士给王女士aaaa王女")
        let found = FormScan.wordOccurrences(
            of: [units("王女士"), units("aaaa"), units("王"), [], units("王女士给王女士aaaa王女!"), units("aa")], in: text)
        #expect(found == [[0, 4], [7], [0, 4, 11], [], [], []])
    }

    @Test func overlappingOccurrencesAreAllFound() {
        #expect(FormScan.wordOccurrences(of: [units("甲甲")], in: units("甲甲甲甲")) == [[0, 1, 2]])
    }

    @Test func doesNotCutLatinWords() {
        let found = FormScan.wordOccurrences(of: [units("cat"), units("at")], in: units("cat catalogue the cat, 猫cat"))
        #expect(found == [[0, 18, 24], []])
    }

    @Test func noFormsOrAnEmptyTextFindNothing() {
        #expect(FormScan.wordOccurrences(of: [], in: units("王女士")).isEmpty)
        #expect(FormScan.wordOccurrences(of: [units("王")], in: []) == [[]])
    }

    @Test func agreesWithTheBigramTableOnSeededRandomText() {
        var rng = SplitMix64(seed: 23)
        let alphabet = units("甲乙丙丁ab ")
        let text = (0..<20_000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        let search = UnitSearch(text)
        let forms = (0..<200).map { _ in
            let length = 1 + Int(rng.next() % 5)
            let start = Int(rng.next() % UInt64(text.count - length))
            return Array(text[start..<(start + length)])
        }
        let found = FormScan.wordOccurrences(of: forms, in: text)
        for (form, starts) in zip(forms, found) {
            #expect(starts == search.wordOccurrences(of: form))
        }
    }
}
