import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct UnitSearchTests {
    private func units(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func aCountUpToALimitStopsThereAndSeesOnlyTheFirstStarts() {
        let search = UnitSearch(units("王女士，王女士，王女士，王"))
        #expect(search.wordCount(of: units("王女士")[...]) == 3)
        var seen: [Int] = []
        #expect(search.wordCount(of: units("王女士")[...], upTo: 2) { seen.append($0) } == 2)
        #expect(seen == [0, 4])
        #expect(search.wordCount(of: units("王")[...], upTo: 3) == 3)
        #expect(search.wordCount(of: units("王")[...], upTo: 10) == 4)
        #expect(search.wordCount(of: units("王女士")[...], upTo: 0) == 0)
    }

    @Test func findsEveryOccurrenceAscendingOverlapsIncluded() {
        let search = UnitSearch(units("王女士给王女士aaaa王女"))
        #expect(search.occurrences(of: units("王女士")) == [0, 4])
        #expect(search.occurrences(of: units("aa")) == [7, 8, 9])
        #expect(search.occurrences(of: units("王")) == [0, 4, 11])
        #expect(search.occurrences(of: units("王女士给王女士aaaa王女!")).isEmpty)
        #expect(search.occurrences(of: []).isEmpty)
    }

    @Test func agreesWithAScanOnSeededRandomText() {
        var rng = SplitMix64(seed: 16)
        let alphabet = units("甲乙丙丁ab")
        let text = (0..<5_000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        let search = UnitSearch(text)
        for _ in 0..<50 {
            let length = 2 + Int(rng.next() % 4)
            let start = Int(rng.next() % UInt64(text.count - length))
            let form = Array(text[start..<(start + length)])
            let scan = (0...(text.count - length)).filter { text[$0..<($0 + length)].elementsEqual(form) }
            #expect(search.occurrences(of: form) == scan)
        }
    }

    @Test func wordOccurrencesDoNotCutLatinWords() {
        let search = UnitSearch(units("cat catalogue the cat, 猫cat"))
        #expect(search.wordOccurrences(of: units("cat")) == [0, 18, 24])
    }
}
