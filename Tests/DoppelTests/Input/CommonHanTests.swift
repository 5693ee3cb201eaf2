import Testing

@testable import DoppelText

@Test func commonHanHoldsFrequentSimplifiedAndTraditionalForms() {
    #expect(CommonHan.contains(0x7684))  // 的
    #expect(CommonHan.contains(0x6703))  // 會
    #expect(!CommonHan.contains(0x9F98))  // 龘
    #expect(!CommonHan.contains(0x41))
}
