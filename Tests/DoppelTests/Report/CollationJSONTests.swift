import Foundation
import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct CollationJSONTests {
    @Test func theDocumentFollowsTheSchema() throws {
        let c = CollationFixture.collation
        let object = try JSONSerialization.jsonObject(with: Data(CollationJSON.json(c).utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "doppel.collation/1")
        let witnesses = try #require(object["witnesses"] as? [[String: Any]])
        #expect(witnesses.map { $0["id"] as? String } == ["w1", "w2", "w3"])
        #expect(witnesses.map { $0["chars"] as? Int } == c.witnesses.map(\.source.scalars.count))
        let agreement = try #require(object["agreement"] as? [[Double]])
        #expect(agreement.count == 3 && agreement.allSatisfy { $0.count == 3 })
        #expect(agreement[1][2] > agreement[0][1])  // the two print versions share the most
        let variants = try #require(object["variants"] as? [[String: Any]])
        #expect(variants.count == c.variants.count)
        let only = try #require(object["only_in"] as? [[String: Any]])
        #expect(only.count == c.onlyIn.count)
    }

    @Test func eachReadingHasARangeInEachOfItsWitnesses() throws {
        let c = CollationFixture.collation
        let object = try JSONSerialization.jsonObject(with: Data(CollationJSON.json(c).utf8)) as! [String: Any]
        let variants = object["variants"] as! [[String: Any]]
        var found = false
        for variant in variants {
            for reading in variant["readings"] as! [[String: Any]] {
                let ids = reading["witnesses"] as! [String]
                let ranges = reading["ranges"] as! [String: [String: Int]]
                #expect(Set(ranges.keys) == Set(ids))
                if reading["text"] as? String == "张" {
                    found = true
                    let r = try #require(ranges["w3"])
                    #expect(c.witnesses[2].source.text(in: r["start"]!..<r["end"]!) == "张")
                    #expect(r["line"] == 12 && r["column"] == 6)
                }
            }
        }
        #expect(found)
    }
}
