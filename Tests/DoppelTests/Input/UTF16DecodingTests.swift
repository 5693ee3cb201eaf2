import Testing

@testable import DoppelCluster
@testable import DoppelText

@Test func surrogatePairsCombineAndLoneSurrogatesFail() {
    let pair: [UInt8] = [0x3D, 0xD8, 0x00, 0xDE]  // U+1F600, little-endian
    guard case let .decoded(scalars) = pair.withUnsafeBufferPointer({ UTF16Decoding.decode($0, bigEndian: false) })
    else {
        Issue.record("pair did not decode")
        return
    }
    #expect(scalars == ["😀"])
    let lone: [UInt8] = [0x61, 0x00, 0x3D, 0xD8, 0x61, 0x00]
    guard case let .invalid(offset) = lone.withUnsafeBufferPointer({ UTF16Decoding.decode($0, bigEndian: false) })
    else {
        Issue.record("lone surrogate decoded")
        return
    }
    #expect(offset == 2)
}

@Test func byteOrderFromWhereNULsFall() {
    let little: [UInt8] = [0x61, 0x00, 0x2D, 0x4E, 0x0A, 0x00]
    let big: [UInt8] = [0x00, 0x61, 0x4E, 0x2D, 0x00, 0x0A]
    #expect(little.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromNULs($0) } == false)
    #expect(big.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromNULs($0) } == true)
    let both: [UInt8] = [0x00, 0x61, 0x61, 0x00]
    #expect(both.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromNULs($0) } == nil)
}

@Test func aStrayNULPointsToNoByteOrder() {
    let stray = Array(repeating: UInt8(ascii: "a"), count: 200) + [0x00, 0x62]
    #expect(stray.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromNULs($0) } == nil)
}

@Test func byteOrderFromTheSideWhoseBytesVaryLess() {
    // Hangul: high bytes 0xAC-0xD7, low bytes anywhere.
    let text =
        "대한민국의 수도는 서울입니다。한국어는 한글로 적으며, 한글은 세종대왕이 만든 문자입니다。"
        + "오늘은 날씨가 맑고 따뜻해서 많은 사람들이 공원에서 산책을 즐겼습니다。"
    let little = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let big = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(little.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromByteVariety($0) } == false)
    #expect(big.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromByteVariety($0) } == true)
    // Two sides as varied as each other point nowhere.
    let even: [UInt8] = [0x61, 0x62, 0x63, 0x64, 0x65, 0x66]
    #expect(even.withUnsafeBufferPointer { UTF16Decoding.byteOrderFromByteVariety($0) } == nil)
}
