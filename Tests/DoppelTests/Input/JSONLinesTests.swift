import Foundation
import Testing

@testable import DoppelIO
@testable import DoppelText

private func records(_ text: String, fields: JSONLinesFields = JSONLinesFields()) throws -> [JSONLinesRecord] {
    try JSONLinesFile(bytes: Array(text.utf8), path: "r.jsonl", fields: fields).records()
}

@Test func readsRecordsWithLinesAndOffsets() throws {
    let text = "{\"id\": \"a\", \"text\": \"工会\"}\r\n\n  \n{\"text\":\"x\",\"id\":7}"
    let all = try records(text)
    #expect(all.map(\.id) == ["a", "7"])
    #expect(all.map { String(String.UnicodeScalarView($0.text)) } == ["工会", "x"])
    #expect(all[0].location == JSONLinesLocation(line: 1, offset: 0, length: 29))
    #expect(all[1].location == JSONLinesLocation(line: 4, offset: 35, length: 19))
}

@Test func configurableFieldNamesAndSkippedOtherFields() throws {
    let line = #"{"meta": {"a": [1, 2.5e3, {"b": null}], "c": true}, "doc": -12, "body": "t", "x": [] }"#
    let all = try records(line, fields: JSONLinesFields(idField: "doc", textField: "body"))
    #expect(all.map(\.id) == ["-12"])
}

@Test func malformedLineNamesLineAndColumn() {
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 2, reason: "expected ',' or '}' at column 9")) {
        try records("{\"id\":1,\"text\":\"a\"}\n{\"id\":2 \"text\":\"b\"}")
    }
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 1, reason: "unterminated string at column 7")) {
        try records("{\"id\":\"abc")
    }
    #expect(
        throws: DoppelError.badRecord(path: "r.jsonl", line: 1, reason: "unexpected text after the object at column 21")
    ) {
        try records("{\"id\":1,\"text\":\"a\"} x")
    }
}

@Test func missingOrMistypedFieldsAreBadRecords() {
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 1, reason: "missing \"text\" field")) {
        try records("{\"id\":1}")
    }
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 1, reason: "missing \"id\" field")) {
        try records("{\"text\":\"a\"}")
    }
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 1, reason: "\"text\" is not a string at column 16")) {
        try records("{\"id\":1,\"text\":null}")
    }
    #expect(
        throws: DoppelError.badRecord(
            path: "r.jsonl", line: 1, reason: "\"id\" is not a string or an integer at column 7")
    ) {
        try records("{\"id\":[1],\"text\":\"a\"}")
    }
    #expect(
        throws: DoppelError.badRecord(
            path: "r.jsonl", line: 1, reason: "\"id\" is a number but not an integer at column 7")
    ) {
        try records("{\"id\":1.5,\"text\":\"a\"}")
    }
}

@Test func duplicateIdsAcrossTheFileAreBadRecords() {
    #expect(throws: DoppelError.badRecord(path: "r.jsonl", line: 3, reason: "duplicate id \"7\" (first on line 1)")) {
        try records("{\"id\":7,\"text\":\"a\"}\n{\"id\":8,\"text\":\"b\"}\n{\"id\":\"7\",\"text\":\"c\"}")
    }
}

@Test func randomReReadByLocationFromAFile() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("docs.jsonl")
    var lines: [String] = []
    for k in 0..<3_000 {
        lines.append(
            "{\"id\": \(k), \"text\": \"第\(k)篇 \\u4e2d\\ud83d\\ude00 \(String(repeating: "字", count: k % 700))\"}")
    }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    let file = try JSONLinesFile(path: url.path)
    var locations: [JSONLinesLocation] = []
    var count = 0
    try file.forEachRecord { record in
        #expect(record.id == String(count))
        locations.append(record.location)
        count += 1
    }
    #expect(count == 3_000)
    for k in [0, 1, 1_499, 2_999] {
        let record = try file.record(at: locations[k])
        #expect(record.id == String(k))
        #expect(String(String.UnicodeScalarView(record.text)).hasPrefix("第\(k)篇 中😀 "))
        #expect(record.location.line == k + 1)
    }
}

@Test func linesLongerThanTheReadBufferAreWhole() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("long.jsonl")
    let long = String(repeating: "长", count: 1_500_000)
    try Data("\u{FEFF}{\"id\":\"s\",\"text\":\"x\"}\n{\"id\":\"l\",\"text\":\"\(long)\"}".utf8).write(to: url)
    let all = try JSONLinesFile(path: url.path).records()
    #expect(all.map(\.id) == ["s", "l"])
    #expect(all[1].text.count == 1_500_000)
    #expect(all[1].location.offset == 25)
}

@Test func recordsParsedOnAllCoresKeepFileOrderAndReportTheFirstBadLine() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("many.jsonl")
    // 20,000 lines of about 300 bytes: several 4 MiB chunks; two bad lines in one chunk, a
    // repeated id in another.
    let filler = String(repeating: "工会", count: 50)
    var lines = (0..<20_000).map { "{\"id\": \($0), \"text\": \"\($0) \(filler)\"}" }
    lines[4_999] = "{\"id\": 4999 \"text\": \"x\"}"
    lines[5_000] = "{\"id\": 5000}"
    lines[14_999] = "{\"id\": 3, \"text\": \"again\"}"
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    let file = try JSONLinesFile(path: url.path)
    #expect(throws: DoppelError.badRecord(path: url.path, line: 5_000, reason: "expected ',' or '}' at column 13")) {
        try file.forEachRecord { _ in }
    }
    var skipped: [Int] = []
    var ids: [String] = []
    try file.forEachRecord(skipping: { error in
        if case let .badRecord(_, line, _) = error { skipped.append(line) }
    }) { ids.append($0.id) }
    #expect(skipped == [5_000, 5_001, 15_000])
    #expect(ids == (0..<20_000).filter { ![4_999, 5_000, 14_999].contains($0) }.map(String.init))
}

@Test func missingFileIsUnreadable() {
    #expect(throws: DoppelError.unreadable(path: "/nonexistent/x.jsonl", reason: "no such file")) {
        try JSONLinesFile(path: "/nonexistent/x.jsonl")
    }
}

@Test func locationScanGivesTheIdsAndErrorsOfTheFullScan() throws {
    let good = "{\"id\":\"a\",\"text\":\"工会\"}\n\n{\"id\":7,\"text\":\"x\\u4e2d\"}"
    let file = JSONLinesFile(bytes: Array(good.utf8), path: "r.jsonl")
    var scanned: [String] = []
    var locations: [JSONLinesLocation] = []
    try file.forEachLocation {
        scanned.append($0)
        locations.append($1)
    }
    #expect(scanned == ["a", "7"])
    #expect(locations == (try file.records()).map(\.location))
    // Bad text is found without decoding it: the same error as the full scan.
    let bad: [[UInt8]] = [
        Array("{\"id\":1,\"text\":\"a\\x\"}".utf8), Array("{\"id\":1,\"text\":\"a\tb\"}".utf8),
        Array("{\"id\":1,\"text\":\"a".utf8) + [0xE4, 0x41] + Array("\"}".utf8),
        Array("{\"id\":1,\"text\":\"a\"}\n{\"id\":\"1\",\"text\":\"b\"}".utf8),
    ]
    for bytes in bad {
        let file = JSONLinesFile(bytes: bytes, path: "r.jsonl")
        var full: DoppelError?
        var located: DoppelError?
        do { try file.forEachRecord { _ in } } catch let error as DoppelError { full = error }
        do { try file.forEachLocation { _, _ in } } catch let error as DoppelError { located = error }
        #expect(full != nil)
        #expect(located == full)
    }
}

@Test func recordsReadTogetherMatchRecordsReadOneByOne() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("docs.jsonl")
    var lines = (0..<200).map { "{\"id\": \($0), \"text\": \"第\($0)篇 \(String(repeating: "字", count: $0 % 50))\"}" }
    lines[10] = "not a record"
    lines[11] = ""
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    let file = try JSONLinesFile(path: url.path)
    var locations: [JSONLinesLocation] = []
    try file.forEachLocation(skipping: { _ in }) { locations.append($1) }
    #expect(locations.count == 198)
    var buffer: [UInt8] = []
    // A run with a skipped and a blank line inside it, one record, and every record.
    for range in [0..<64, 150..<151, 0..<198] {
        var together: [JSONLinesRecord] = []
        try file.forEachRecord(at: locations[range], reusing: &buffer) { together.append($0) }
        let alone = try locations[range].map { try file.record(at: $0) }
        #expect(together.map(\.id) == alone.map(\.id))
        #expect(together.map(\.text) == alone.map(\.text))
        #expect(together.map(\.location) == alone.map(\.location))
    }
}

@Test func recordsReadTogetherFromAChangedFileAreBadRecords() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("docs.jsonl")
    try Data("{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n".utf8).write(to: url)
    let file = try JSONLinesFile(path: url.path)
    var locations: [JSONLinesLocation] = []
    try file.forEachLocation { locations.append($1) }
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 20)  // the same file, its second record gone
    try handle.close()
    #expect(throws: DoppelError.badRecord(path: url.path, line: 2, reason: "no record at offset 20")) {
        var buffer: [UInt8] = []
        try file.forEachRecord(at: locations, reusing: &buffer) { _ in }
    }
}
