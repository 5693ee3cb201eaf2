import Foundation
import Testing

@testable import DoppelReport

@Suite struct JSONWriterTests {
    @Test func stringsWithEveryEscapeRoundTripThroughAJSONParser() throws {
        let tricky = "引号\"反斜杠\\换行\n回车\r制表\t\u{08}\u{0C}\u{01}\u{1F} 行分隔\u{2028}段分隔\u{2029} 𠀀 emoji 😀 end"
        var json = JSONWriter()
        json.beginObject()
        json.field("text", tricky)
        json.field("n", 42)
        json.field("x", 0.8125)
        json.field("ok", true)
        json.endObject()
        let parsed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        #expect(parsed["text"] as? String == tricky)
        #expect(parsed["n"] as? Int == 42)
        #expect(parsed["x"] as? Double == 0.8125)
        #expect(json.output.contains("\\u2028") && json.output.contains("\\u0001"))
    }

    @Test func codePointsAreWrittenAsTheirStringWouldBe() {
        let tricky = "引号\"反斜杠\\换行\n回车\r制表\t\u{08}\u{0C}\u{01}\u{1F} 行分隔\u{2028}段分隔\u{2029} 𠀀 😀 end"
        let scalars = Array(tricky.unicodeScalars)
        var byString = JSONWriter(pretty: true)
        var byCodePoints = JSONWriter(pretty: true)
        byString.beginObject()
        byCodePoints.beginObject()
        for (k, range) in [0..<scalars.count, 3..<9, 0..<0].enumerated() {
            let slice = String(String.UnicodeScalarView(scalars[range]))
            byString.field("t\(k)", slice)
            byString.field("o\(k)", slice)
            byCodePoints.field("t\(k)", codePoints: scalars.map(\.value)[range])
            byCodePoints.field("o\(k)", scalars: scalars[range])
        }
        byString.field("bad", "a\u{FFFD}")
        byCodePoints.field("bad", codePoints: [0x61, 0xDC00][...])
        byString.endObject()
        byCodePoints.endObject()
        #expect(byCodePoints.output == byString.output)
    }

    @Test func prettyOutputIndentsAndKeepsKeyOrder() {
        var json = JSONWriter(pretty: true)
        json.beginObject()
        json.field("b", 1)
        json.key("a")
        json.beginArray()
        json.value("x")
        json.endArray()
        json.endObject()
        #expect(json.output == "{\n  \"b\": 1,\n  \"a\": [\n    \"x\"\n  ]\n}")
    }

    @Test(arguments: [false, true])
    func partsWrittenApartAndAppendedMatchOneWriter(pretty: Bool) {
        func item(_ k: Int, into json: inout JSONWriter) {
            json.beginObject()
            json.field("k", k)
            json.key("list")
            json.beginArray()
            json.value("v\(k)")
            json.endArray()
            json.endObject()
        }
        var whole = JSONWriter(pretty: pretty)
        var parted = JSONWriter(pretty: pretty)
        whole.beginObject()
        parted.beginObject()
        whole.key("items")
        parted.key("items")
        whole.beginArray()
        parted.beginArray()
        for k in 0..<5 { item(k, into: &whole) }
        var second = parted.continuation(followingValues: true)
        var first = parted.continuation(followingValues: false)
        for k in 0..<2 { item(k, into: &first) }
        for k in 2..<5 { item(k, into: &second) }
        parted.append(contentsOf: [first, second])
        whole.endArray()
        parted.endArray()
        whole.endObject()
        parted.endObject()
        #expect(parted.output == whole.output)
        var none = JSONWriter(pretty: pretty)
        none.beginArray()
        none.append(none.continuation(followingValues: true))
        none.endArray()
        #expect(none.output == "[]")
    }

    @Test(arguments: [false, true])
    func valuesWrittenInPartsOnSeveralThreadsMatchOneWriter(pretty: Bool) {
        for count in [0, 1, 2, 3, 7] {
            var whole = JSONWriter(pretty: pretty)
            var parted = JSONWriter(pretty: pretty)
            whole.beginObject()
            parted.beginObject()
            whole.key("items")
            parted.key("items")
            whole.beginArray()
            parted.beginArray()
            for k in 0..<count {
                whole.beginObject()
                whole.field("k", k)
                whole.endObject()
            }
            parted.writeInParts(count, itemsPerPart: 2) { range, json in
                for k in range {
                    json.beginObject()
                    json.field("k", k)
                    json.endObject()
                }
            }
            whole.endArray()
            parted.endArray()
            whole.endObject()
            parted.endObject()
            #expect(parted.output == whole.output, "\(count) items")
        }
    }

    @Test func numbersAreRoundedAndTrimmed() {
        #expect(JSONWriter.format(1.0) == "1")
        #expect(JSONWriter.format(0.93333333) == "0.9333")
        #expect(JSONWriter.format(0.5, digits: 3) == "0.5")
    }

    @Test func anAbsentNumberIsNull() {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("on", 0.8 as Double?)
        json.field("off", nil as Double?)
        json.endObject()
        #expect(json.finish() == Array("{\"on\":0.8,\"off\":null}\n".utf8))
    }

    @Test func finishHandsOverTheDocumentWithALineBreakAndEmptiesTheWriter() {
        var json = JSONWriter(pretty: false)
        json.beginObject()
        json.field("a", 1)
        json.endObject()
        #expect(json.finish() == Array("{\"a\":1}\n".utf8))
        #expect(json.output.isEmpty)
    }
}
