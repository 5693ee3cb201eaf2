import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func standardShingleOptionsAreCharFiveWordThree() throws {
    #expect(ShingleOptions.standard.characterGram == 5)
    #expect(ShingleOptions.standard.wordGram == 3)
    #expect(ShingleOptions.standard.description == "char5+word3")
    #expect(try ShingleOptions() == .standard)
}

@Test func shingleOptionsDescribeTheirGramLengths() throws {
    #expect(try ShingleOptions(characterGram: 3, wordGram: 1).description == "char3+word1")
}

@Test(arguments: [(0, 3), (5, 0), (17, 3), (5, -1)])
func shingleOptionsRejectGramLengthsOutOfRange(characterGram: Int, wordGram: Int) {
    #expect(throws: DoppelError.self) {
        try ShingleOptions(characterGram: characterGram, wordGram: wordGram)
    }
}
