import Doppel
import FuzzSupport

/// `JSONLinesFile(bytes:…)` on any bytes, skipping bad records. Properties: never a crash;
/// every record read again at its location is the same record; ids are unique; every line
/// number is counted once, as a record or as a skipped line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let file = JSONLinesFile(bytes: Fuzz.bytes(data, size), path: "fuzz.jsonl")
    var records: [JSONLinesRecord] = []
    var skippedLines: [Int] = []
    do {
        try file.forEachRecord(skipping: { error in
            if case let .badRecord(_, line, _) = error { skippedLines.append(line) }
        }) { records.append($0) }
    } catch {
        Fuzz.require(false, "a scan that skips threw \(error)")
    }
    Fuzz.require(Set(records.map(\.id)).count == records.count, "repeated ids")
    let lines = records.map(\.location.line) + skippedLines
    Fuzz.require(Set(lines).count == lines.count, "a line counted twice")
    for record in records {
        guard let again = try? file.record(at: record.location) else {
            Fuzz.require(false, "record on line \(record.location.line) cannot be read again")
            return 0
        }
        Fuzz.require(
            again.id == record.id && again.text == record.text, "line \(record.location.line) reads differently")
    }
    // The scan that validates texts without decoding them finds the same records and skips
    // the same lines.
    var located: [(id: String, location: JSONLinesLocation)] = []
    var locatedSkips: [Int] = []
    do {
        try file.forEachLocation(skipping: { error in
            if case let .badRecord(_, line, _) = error { locatedSkips.append(line) }
        }) { located.append(($0, $1)) }
    } catch {
        Fuzz.require(false, "a location scan that skips threw \(error)")
    }
    Fuzz.require(
        located.map(\.id) == records.map(\.id) && located.map(\.location) == records.map(\.location)
            && locatedSkips == skippedLines, "the location scan disagrees with the record scan")
    // Stopping at the first bad record agrees with skipping.
    var stopped = 0
    do {
        try file.forEachRecord { _ in stopped += 1 }
        Fuzz.require(skippedLines.isEmpty && stopped == records.count, "no error, yet lines were skipped")
    } catch {
        Fuzz.require(!skippedLines.isEmpty, "an error, yet no line was skipped")
    }
    return 0
}

Fuzz.main(fuzzJSONLines)
