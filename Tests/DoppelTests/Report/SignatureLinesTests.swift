import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelReport

@Test func aSignedDocumentIsOneJSONObjectWithItsFieldsInOrder() throws {
    let document = SignedDocument(
        id: "a\"1", chars: 12, shingleCount: 3, signature: Signature(values: [0, 4_294_967_295]),
        bandKeys: [0x0123_4567_89AB_CDEF, 1], shingleSet: [5, 10, 4_000_000_000])
    let line = String(decoding: SignatureLines.line(document), as: UTF8.self)
    #expect(
        line == """
            {"id":"a\\"1","chars":12,"shingles":3,"signature":[0,4294967295],"bands":["0123456789abcdef","0000000000000001"],"set":[5,10,4000000000]}

            """)
    var withoutSet = document
    withoutSet.shingleSet = nil
    let parsed = try JSONSerialization.jsonObject(with: Data(SignatureLines.line(withoutSet))) as! [String: Any]
    #expect(parsed["set"] == nil && parsed["id"] as? String == "a\"1")
    #expect(parsed["signature"] as? [Int] == [0, 4_294_967_295])
}

@Test func anEmptyTextHasEmptyArrays() {
    let document = SignedDocument(id: "e", chars: 0, shingleCount: 0, signature: .empty, bandKeys: [], shingleSet: nil)
    #expect(
        String(decoding: SignatureLines.line(document), as: UTF8.self)
            == "{\"id\":\"e\",\"chars\":0,\"shingles\":0,\"signature\":[],\"bands\":[]}\n")
}

@Test func aShortItemsLineCarriesItsSequenceAfterTheSet() {
    let document = SignedDocument(
        id: "s", chars: 3, shingleCount: 2, signature: Signature(values: [1]),
        bandKeys: [], shingleSet: [4, 9], sequence: [1, 9, 4])
    let line = String(decoding: SignatureLines.line(document), as: UTF8.self)
    #expect(line.hasSuffix(",\"set\":[4,9],\"sequence\":[1,9,4]}\n"))
}
