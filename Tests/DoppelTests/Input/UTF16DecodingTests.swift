import Testing
@testable import DoppelText
@testable import DoppelCluster

@Test func surrogatePairsCombineAndLoneSurrogatesFail() {
    let pair: [UInt8] = [0x3D, 0xD8, 0x00, 0xDE]  // U+1F600, little-endian
    guard case let .decoded(scalars) = pair.withUnsafeBufferPointer({ UTF16Decoding.decode($0, bigEndian: false) })
    else { Issue.record("pair did not decode"); return }
    #expect(scalars == ["😀"])
    let lone: [UInt8] = [0x61, 0x00, 0x3D, 0xD8, 0x61, 0x00]
    guard case let .invalid(offset) = lone.withUnsafeBufferPointer({ UTF16Decoding.decode($0, bigEndian: false) })
    else { Issue.record("lone surrogate decoded"); return }
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
