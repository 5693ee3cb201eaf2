import Foundation
import Testing

@testable import DoppelText

@Test func realChineseScoresHighAndMisdecodedBytesLow() throws {
    let text = try InputFixtures.sampleText("000")
    #expect(TextPlausibility(InputFixtures.scalars(text)).score > 0.6)
    let gb = [UInt8](try #require(text.data(using: ChineseEncodings.gb18030)))
    guard case let .decoded(asBig5) = ChineseEncodings.decode(gb, as: .big5) else { return }
    #expect(TextPlausibility(asBig5).score < TextPlausibility.threshold)
}

@Test func privateUseControlsAndReplacementAreBad() {
    let score = TextPlausibility(["\u{E000}", "\u{01}", "\u{FFFD}", "中"])
    #expect(score.badShare == 0.75)
    #expect(score.score < 0)
}

@Test func asciiOnlyIsFullyPlausible() {
    #expect(TextPlausibility(InputFixtures.scalars("hello\n")).score == 1)
}
