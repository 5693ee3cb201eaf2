import Foundation
import Testing

@testable import DoppelText

@Test func foundationRawValuesAreGB18030AndBig5() throws {
    // 中 is D6D0 in GB18030 and A4A4 in Big5; the euro sign needs GB18030's four-byte form.
    #expect([UInt8](try #require("中".data(using: ChineseEncodings.gb18030))) == [0xD6, 0xD0])
    #expect([UInt8](try #require("中".data(using: ChineseEncodings.big5))) == [0xA4, 0xA4])
    let rare = "𠀀€"
    let bytes = try #require(rare.data(using: ChineseEncodings.gb18030))
    #expect(String(data: bytes, encoding: ChineseEncodings.gb18030) == rare)
}

@Test func structuralCheckFindsTheFirstMalformedSequence() {
    #expect(
        [0x61, 0xD6, 0xD0, 0x81, 0x30, 0x81, 0x30].withUnsafeBufferPointer {
            ChineseEncodings.firstMalformedGB18030($0)
        } == nil)
    #expect([0x61, 0xD6].withUnsafeBufferPointer { ChineseEncodings.firstMalformedGB18030($0) } == 1)
    #expect([0xA4, 0xA4, 0xA4, 0x30].withUnsafeBufferPointer { ChineseEncodings.firstMalformedBig5($0) } == 2)
}

@Test func decodeReportsWhyBytesAreNotInTheEncoding() {
    guard case let .invalid(reason) = ChineseEncodings.decode([0x61, 0xFF], as: .big5) else {
        Issue.record("0xFF decoded as Big5")
        return
    }
    #expect(reason == "invalid Big5 at offset 1")
}
