import Foundation
import Testing

@testable import DoppelIO
@testable import DoppelText

private func decode(_ bytes: [UInt8], forced: TextEncoding? = nil) throws -> DecodedText {
    try TextDecoding.decode(bytes, path: "f.txt", forced: forced)
}

private func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
    s.utf16.flatMap { u in bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
}

@Test func emptyInputIsEmptyUTF8() throws {
    #expect(try decode([]) == DecodedText(scalars: [], encoding: .utf8))
}

@Test func whitespaceOnlyIsUTF8() throws {
    #expect(try decode(Array(" \n\t\r\n".utf8)).scalars == InputFixtures.scalars(" \n\t\r\n"))
}

@Test func utf8ByteOrderMarkIsDropped() throws {
    let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("工会\r\n".utf8))
    #expect(decoded == DecodedText(scalars: InputFixtures.scalars("工会\r\n"), encoding: .utf8))
}

@Test func utf16WithByteOrderMarkInEitherOrder() throws {
    let text = "职工 2023 年😀\n"
    #expect(
        try decode([0xFF, 0xFE] + utf16(text, bigEndian: false))
            == DecodedText(scalars: InputFixtures.scalars(text), encoding: .utf16LE))
    #expect(
        try decode([0xFE, 0xFF] + utf16(text, bigEndian: true))
            == DecodedText(scalars: InputFixtures.scalars(text), encoding: .utf16BE))
}

@Test func utf16WithoutByteOrderMarkFromNULPattern() throws {
    let text = try InputFixtures.sampleText("000")
    #expect(try decode(utf16(text, bigEndian: false)).encoding == .utf16LE)
    #expect(try decode(utf16(text, bigEndian: false)).scalars == InputFixtures.scalars(text))
    #expect(try decode(utf16("plain ASCII\n", bigEndian: true)).encoding == .utf16BE)
}

/// Chinese text has few ASCII characters, and `一`, `　` (U+3000) and other code points whose low
/// byte is zero put NULs on the side opposite to where line ends put theirs.
@Test(arguments: [false, true])
func chineseUTF16WithoutByteOrderMarkWhoseNULsPointNowhere(bigEndian: Bool) throws {
    for text in ["一个人在一〇一室　工作。一二三四五六七八九十。", "一、一〇一号楼　一层。\n一九一一年，一月一日。\n"] {
        let repeated = String(repeating: text, count: 8)
        let decoded = try decode(utf16(repeated, bigEndian: bigEndian))
        #expect(
            decoded == DecodedText(scalars: InputFixtures.scalars(repeated), encoding: bigEndian ? .utf16BE : .utf16LE))
    }
}

@Test(arguments: [
    "今日は良い天気です。　私は公園に行きました。電車はとても混んでいましたが、景色はきれいでした。",
    "대한민국의 수도는 서울입니다。　한국어는 한글로 적으며、한글은 세종대왕이 만든 문자입니다。",
    "Ελληνικά　κείμενο　χωρίς　κενά。",
])
func utf16WithoutByteOrderMarkInAnyScript(_ text: String) throws {
    let repeated = String(repeating: text, count: 3)
    #expect(try decode(utf16(repeated, bigEndian: false)).scalars == InputFixtures.scalars(repeated))
    #expect(try decode(utf16(repeated, bigEndian: true)).scalars == InputFixtures.scalars(repeated))
}

@Test func binaryDataWithNULsStaysBinaryWhateverItsLength() {
    var random = SplitMix64(seed: 13)
    for length in [64, 1000, 4096, 65536] {
        let noise = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let sparse = (0..<length).map { _ in [0, 0, 1, 2, 0x41, 0x42, 0xFF][Int(random.next() % 7)] as UInt8 }
        for bytes in [noise, sparse] where bytes.contains(0) {
            #expect(throws: DoppelError.self) { try decode(bytes) }
        }
    }
    // ASCII with a stray NUL at an even length reads as Han characters in both orders: scored,
    // and refused.
    let ascii = Array(String(repeating: "plain ASCII text, ", count: 40).utf8) + [0x00, 0x61]
    #expect(throws: DoppelError.notText(path: "f.txt", reason: "binary data: NUL byte at offset \(ascii.count - 2)")) {
        try decode(ascii)
    }
}

@Test func gb18030SampleIsDetectedAndDecodedExactly() throws {
    let text = try InputFixtures.sampleText("000")
    let bytes = try #require(text.data(using: ChineseEncodings.gb18030))
    let decoded = try decode([UInt8](bytes))
    #expect(decoded.encoding == .gb18030)
    #expect(decoded.scalars == InputFixtures.scalars(text))
}

@Test func big5TraditionalTextIsDetectedAndDecodedExactly() throws {
    let converted = try InputFixtures.sampleText("002")
        .applyingTransform(StringTransform("Hans-Hant"), reverse: false)
    for text in [InputFixtures.traditional, try #require(converted)] {
        guard let bytes = text.data(using: ChineseEncodings.big5) else {
            // Some converted characters may lack a Big5 code; keep what Big5 can hold.
            let kept = String(
                text.unicodeScalars.filter { String($0).data(using: ChineseEncodings.big5) != nil }
                    .map(Character.init))
            let decoded = try decode([UInt8](try #require(kept.data(using: ChineseEncodings.big5))))
            #expect(decoded.encoding == .big5)
            #expect(decoded.scalars == InputFixtures.scalars(kept))
            continue
        }
        let decoded = try decode([UInt8](bytes))
        #expect(decoded.encoding == .big5)
        #expect(decoded.scalars == InputFixtures.scalars(text))
    }
}

@Test func traditionalTextInGB18030IsStillGB18030() throws {
    let bytes = try #require(InputFixtures.traditional.data(using: ChineseEncodings.gb18030))
    #expect(try decode([UInt8](bytes)).encoding == .gb18030)
}

@Test func nulBytesOutsideUTF16PatternAreBinary() {
    var bytes = Array(repeating: UInt8(ascii: "a"), count: 1234) + [0] + Array("b".utf8)
    bytes.append(0)
    #expect(throws: DoppelError.notText(path: "f.txt", reason: "binary data: NUL byte at offset 1234")) {
        try decode(bytes)
    }
}

@Test func knownBinarySignaturesAreNotText() {
    #expect(throws: DoppelError.notText(path: "f.txt", reason: "binary data: PNG image")) {
        try decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    }
    #expect(throws: DoppelError.notText(path: "f.txt", reason: "binary data: ELF executable")) {
        try decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01])
    }
}

@Test func invalidUTF8MidFileIsNotTextWithItsOffset() throws {
    let text = try InputFixtures.sampleText("001")
    var bytes = Array(text.utf8)
    let middle = bytes.count / 2
    let offset = (middle..<bytes.count).first { bytes[$0] & 0xC0 != 0x80 }!
    bytes[offset] = 0xFF
    #expect(
        throws: DoppelError.notText(
            path: "f.txt", reason: "invalid UTF-8 at offset \(offset) and not GB18030 or Big5")
    ) {
        try decode(bytes)
    }
}

@Test func latin1IsNotText() {
    let bytes: [UInt8] =
        Array("caf".utf8) + [0xE9] + Array(" au lait, cr".utf8) + [0xE8] + Array("me br".utf8)
        + [0xFB] + Array("l".utf8) + [0xE9] + Array("e".utf8)
    #expect(throws: DoppelError.notText(path: "f.txt", reason: "invalid UTF-8 at offset 3 and not GB18030 or Big5")) {
        try decode(bytes)
    }
}

@Test func forcedEncodingSkipsDetection() throws {
    let bytes = try #require("中国工会".data(using: ChineseEncodings.gb18030))
    #expect(try decode([UInt8](bytes), forced: .gb18030).scalars == InputFixtures.scalars("中国工会"))
    #expect(try decode([0xEF, 0xBB, 0xBF, 0x61], forced: .utf8).scalars == ["a"])
    #expect(try decode([0x61, 0x00], forced: .utf16LE).scalars == ["a"])
}

@Test func forcedEncodingThatDoesNotDecodeIsBadEncoding() {
    #expect(throws: DoppelError.badEncoding(path: "f.txt", reason: "invalid UTF-8 at offset 1")) {
        try decode([0x61, 0xC3, 0x28], forced: .utf8)
    }
    #expect(throws: DoppelError.badEncoding(path: "f.txt", reason: "invalid GB18030 at offset 1")) {
        try decode([0x61, 0xFF], forced: .gb18030)
    }
    #expect(throws: DoppelError.badEncoding(path: "f.txt", reason: "invalid UTF-16BE at offset 2")) {
        try decode([0x00, 0x61, 0xDC, 0x00], forced: .utf16BE)
    }
}
