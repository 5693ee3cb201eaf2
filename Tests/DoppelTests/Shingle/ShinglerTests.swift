import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

private let shingler = Shingler()

private func set(_ string: String, _ shingler: Shingler = shingler) -> [UInt64] {
    shingler.shingleSet(of: NormalizedText(identity: string))
}

@Test func shingleHashesArePinned() {
    // A change here changes every stored signature and index: it must be deliberate.
    #expect(set("一二三四五") == [0x1401_5F8D_5C8C_3FEB])
    #expect(set("alpha beta gamma") == [0x9200_1A74_D6DC_12CE])
}

@Test func oneCharacterShingleIsTheMixedIdeographToken() throws {
    let single = Shingler(options: try ShingleOptions(characterGram: 1, wordGram: 1))
    let token = SplitMix64.mix(UInt64(0x4E00) &+ Shingler.ideographSeed)
    #expect(set("一", single) == [SplitMix64.mix(token)])
}

@Test func textShorterThanOneShingleHasAnEmptySet() {
    #expect(set("").isEmpty)
    #expect(set("一二三四").isEmpty)
    #expect(set("alpha beta").isEmpty)
    #expect(set("一二三四 alpha beta，。").isEmpty)
}

@Test func shingleCountFollowsTheGramLengths() {
    // 7 ideographs: 3 char 5-grams; 4 words: 2 word 3-grams.
    #expect(set("一二三四五六七").count == 3)
    #expect(set("one two three four").count == 2)
    #expect(set("一二三四五六七 one two three four").count == 5)
}

@Test func punctuationAndSpacesDoNotChangeShingles() {
    let plain = set("本报北京4月7日电记者从全国总工会获悉")
    #expect(plain == set("本报北京4月7日电(记者)从全国总工会获悉。"))
    #expect(plain == set("本报 北京 4 月 7 日电，记者从全国总工会获悉！"))
    #expect(set("one two, three; four.") == set("one  two three four"))
}

@Test func numbersInsideHanTextFormTheWordStream() {
    // The ideographs are the same, so only word grams (over 4, 7, 2024) differ.
    let a = set("本报北京4月7日电记者获悉2024年")
    let b = set("本报北京5月7日电记者获悉2024年")
    let han = set("本报北京月日电记者获悉年")
    #expect(Set(a).intersection(Set(b)) == Set(han))
    #expect(a.count == han.count + 1)
}

@Test func anEditChangesAtMostGramLengthShingles() {
    let article = TestCorpus.articles()[0]
    let edited = TestCorpus.mutate(article, edits: 1, seed: 1)
    let a = Set(set(article))
    let b = Set(set(edited))
    #expect(a.subtracting(b).count <= 5)
    #expect(b.subtracting(a).count <= 5)
}

@Test func shingleSetIsSortedUniqueAndDeterministic() {
    let text = NormalizedText(identity: TestCorpus.articles()[1] + TestCorpus.articles()[1])
    let shingles = shingler.shingleSet(of: text)
    #expect(shingles == shingles.sorted())
    #expect(Set(shingles).count == shingles.count)
    #expect(shingles == Shingler().shingleSet(of: text))
    var hashes: [UInt64] = []
    shingler.appendHashes(of: text, to: &hashes)
    #expect(Set(hashes) == Set(shingles))
}

@Test func appendHashesKeepsWhatTheArrayHeld() {
    var hashes: [UInt64] = [7]
    shingler.appendHashes(of: NormalizedText(identity: "一二三四五"), to: &hashes)
    #expect(hashes == [7, 0x1401_5F8D_5C8C_3FEB])
}

@Test func compactShingleSetIsTheUpperHalvesSortedUnique() {
    for article in TestCorpus.articles().prefix(5) {
        let text = NormalizedText(identity: article)
        let upper = Set(shingler.shingleSet(of: text).map { UInt32($0 >> 32) })
        #expect(shingler.compactShingleSet(of: text) == upper.sorted())
    }
}

@Test func supplementaryIdeographsAreTokens() {
    #expect(set("\u{20000}\u{20001}\u{20002}\u{20003}\u{20004}").count == 1)
}

@Test func hashesByStreamAreTheSameHashesWithTheCharacterStreamFirst() {
    let shingler = Shingler()
    let text = NormalizedText(identity: "全国人大常委会于2024年3月5日召开第十次会议 the committee met in Beijing 审议法律草案")
    var interleaved: [UInt64] = []
    shingler.appendHashes(of: text, to: &interleaved)
    var byStream: [UInt64] = [7]
    let characters = shingler.appendHashesByStream(of: text, to: &byStream)
    #expect(byStream.first == 7)
    #expect(byStream.dropFirst().sorted() == interleaved.sorted())
    var onlyCharacters: [UInt64] = []
    shingler.appendHashes(of: NormalizedText(identity: "全国人大常委会于年月日召开第十次会议审议法律草案"), to: &onlyCharacters)
    #expect(Array(byStream[1...characters]) == onlyCharacters)
}
