import Dispatch
import DoppelIO
import Foundation

/// The field names of JSON Lines records (`--id-field`, `--text-field`).
public struct JSONLinesFields: Sendable, Equatable {
    /// The field holding the record's id: a string, or an integer number.
    public var idField: String
    /// The field holding the record's text: a string.
    public var textField: String

    /// Field names; `id` and `text` by default.
    public init(idField: String = "id", textField: String = "text") {
        self.idField = idField
        self.textField = textField
    }
}

/// Where a record lies in its file, enough to read it again on its own.
public struct JSONLinesLocation: Sendable, Hashable {
    /// The 1-based line number.
    public var line: Int
    /// The byte offset of the line's first byte in the file.
    public var offset: Int
    /// The number of bytes of the line, without its `\n` (or `\r\n`).
    public var length: Int

    /// A location as recorded by `JSONLinesFile`.
    public init(line: Int, offset: Int, length: Int) {
        self.line = line
        self.offset = offset
        self.length = length
    }
}

/// One record of a JSON Lines file.
public struct JSONLinesRecord: Sendable {
    /// The id, as a string (an integer id is written in decimal, as in the file).
    public var id: String
    /// The text, one element per Unicode code point, escapes decoded.
    public var text: [Unicode.Scalar]
    /// Where the record lies in the file.
    public var location: JSONLinesLocation

    /// The record as a `SourceText` named `path` (UTF-8, plain text).
    ///
    /// - Complexity: O(n) in the length of the text (line indexing).
    public func sourceText(path: String) -> SourceText {
        SourceText(path: path, encoding: .utf8, format: .text, scalars: text)
    }
}

/// A JSON Lines file: one JSON object a line, each with an id and a text field.
///
/// Lines are separated by `\n`; a `\r` before it, a missing `\n` after the last line, a UTF-8 byte
/// order mark and blank lines are accepted (blank lines are skipped but counted in line numbers).
/// Each other line must be one object (see `JSONLineParser` for the accepted syntax), with a
/// string or integer id and a string text; ids must be unique in the file (the integer `7` and the
/// string `"7"` are the same id). Any violation is a `DoppelError.badRecord` naming the line and,
/// for syntax errors, the 1-based byte column.
///
/// The file is scanned in chunks of 4 MiB with `pread`, never held whole in memory, and the
/// lines of each chunk are parsed on all cores; each record keeps its `JSONLinesLocation`, so a
/// caller may keep only locations and read records again with `record(at:)`. Reads use explicit offsets, so one `JSONLinesFile` may serve several
/// threads at once.
public final class JSONLinesFile: Sendable {
    /// The file's name, for messages.
    public let path: String
    /// The field names read.
    public let fields: JSONLinesFields
    private let descriptor: Int32?
    private let memory: [UInt8]
    /// The file's size in bytes when opened (what sizes the table of ids).
    private let fileSize: Int
    private let parser: JSONLineParser
    private static let chunkSize = 4 << 20

    /// Opens the file at `path`; `-` reads all of standard input into memory (a pipe cannot be
    /// read again at an offset), at most 1 GiB (`FileBytes.maximumBytes`): an endless or larger
    /// stream is refused once that much is read; a larger archive is read from a file.
    ///
    /// - Throws: `DoppelError.unreadable` ("no such file", "is a directory", "larger than 1 GiB", ...).
    /// - Complexity: O(1) for a file, O(n) for standard input.
    public init(path: String, fields: JSONLinesFields = JSONLinesFields()) throws {
        self.path = path
        self.fields = fields
        parser = JSONLineParser(idField: fields.idField, textField: fields.textField)
        if path == "-" {
            memory = try FileBytes.readStandardInput()
            descriptor = nil
            fileSize = memory.count
        } else {
            let opened = try FileBytes.openForReading(rawPath: Array(path.utf8), displayPath: path)
            descriptor = opened.fd
            fileSize = opened.size
            memory = []
        }
    }

    /// Wraps bytes already in memory (standard input, tests) as the file `path`.
    ///
    /// - Complexity: O(1).
    public init(bytes: [UInt8], path: String, fields: JSONLinesFields = JSONLinesFields()) {
        self.path = path
        self.fields = fields
        descriptor = nil
        memory = bytes
        fileSize = bytes.count
        parser = JSONLineParser(idField: fields.idField, textField: fields.textField)
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Scans the file once, from the start, calling `body` with each record in file order.
    ///
    /// - Parameter skipping: when given, a bad line or a repeated id is passed to it as a
    ///   `DoppelError.badRecord` and the scan goes on (the first record with an id is kept);
    ///   when `nil`, the first one is thrown.
    /// - Throws: `DoppelError.badRecord` at the first bad line or repeated id unless skipping
    ///   (records before it have been passed to `body`), `DoppelError.unreadable` when reading
    ///   fails, or what `body` throws.
    /// - Complexity: O(n) in the size of the file; memory O(longest line + number of ids).
    public func forEachRecord(
        skipping: ((DoppelError) -> Void)? = nil,
        _ body: (JSONLinesRecord) throws -> Void
    ) throws {
        try scan(skipping: skipping, parse: { try $0.parse($1) }) { id, text, location in
            try body(JSONLinesRecord(id: id, text: text, location: location))
        }
    }

    /// Scans the file as `forEachRecord` does, with the same checks and errors (every record's
    /// text is validated), but gives each record's id and location only: the text is not
    /// decoded, so a caller that reads records again later (`record(at:)`, `records(at:)`)
    /// decodes each text once.
    ///
    /// - Throws: as `forEachRecord`.
    /// - Complexity: O(n) in the size of the file; memory O(longest line + number of ids).
    public func forEachLocation(
        skipping: ((DoppelError) -> Void)? = nil,
        _ body: (_ id: String, _ location: JSONLinesLocation) throws -> Void
    ) throws {
        try scan(skipping: skipping, parse: { try $0.parseID($1).map { ($0, ()) } }) { id, _, location in
            try body(id, location)
        }
    }

    /// The scan of `forEachRecord` and `forEachLocation`: each batch's lines parsed by `parse`
    /// on all cores, then ids checked for repeats and `body` called in file order.
    private func scan<Value>(
        skipping: ((DoppelError) -> Void)?,
        parse: @escaping @Sendable (JSONLinesFile, Line) throws -> (id: String, value: Value)?,
        _ body: (String, Value, JSONLinesLocation) throws -> Void
    ) throws {
        var firstLineOfID: [String: Int] = [:]
        try forEachBatch { lines in
            // Room for the ids of as many records as lines of the first batch's length fill
            // the file: the table is not rebuilt as it grows.
            if firstLineOfID.isEmpty, let last = lines.last {
                let average = max(1, (last.location.offset + last.location.length) / lines.count)
                firstLineOfID.reserveCapacity(min(fileSize / average, 1 << 24))
            }
            let parsed = parseInParallel(lines, parse)
            for (index, line) in lines.enumerated() {
                let location = line.location
                let record: (id: String, value: Value)
                do {
                    guard let parsedRecord = try parsed[index].get() else { continue }
                    if let first = firstLineOfID.updateValue(location.line, forKey: parsedRecord.id) {
                        firstLineOfID[parsedRecord.id] = first
                        throw DoppelError.badRecord(
                            path: path, line: location.line,
                            reason: "duplicate id \"\(parsedRecord.id)\" (first on line \(first))")
                    }
                    record = parsedRecord
                } catch let error as DoppelError {
                    guard let skipping else { throw error }
                    skipping(error)
                    continue
                }
                try body(record.id, record.value, location)
            }
        }
    }

    /// One line of a batch: its bytes (valid during the batch only) and location.
    private struct Line: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let location: JSONLinesLocation
    }

    /// Each line of `lines` parsed by `parse` (`nil` for a blank line), on all cores.
    private func parseInParallel<Value>(
        _ lines: [Line], _ parse: @Sendable (JSONLinesFile, Line) throws -> (id: String, value: Value)?
    ) -> [Result<(id: String, value: Value)?, DoppelError>] {
        let results = SharedSlots<Result<(id: String, value: Value)?, DoppelError>>(
            repeating: .success(nil), count: lines.count)
        let slices = min(lines.count, 4 * ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for index in stride(from: slice, to: lines.count, by: slices) {
                do {
                    results[index] = .success(try parse(self, lines[index]))
                } catch let error as DoppelError {
                    results[index] = .failure(error)
                } catch {
                    preconditionFailure("parse throws only DoppelError")
                }
            }
        }
        return results.take(resettingTo: .success(nil))
    }

    /// The record of `line`, decoded.
    private func parse(_ line: Line) throws -> (id: String, value: [Unicode.Scalar])? {
        try parse(line.bytes, line.location).map { ($0.id, $0.text) }
    }

    /// The id of the record of `line`, its text validated but not decoded.
    private func parseID(_ line: Line) throws -> String? {
        do {
            return try parser.parseID(line.bytes)
        } catch {
            throw DoppelError.badRecord(path: path, line: line.location.line, reason: error.reason)
        }
    }

    /// Every record, in file order.
    ///
    /// - Throws: as `forEachRecord(_:)`.
    /// - Complexity: O(n) in the size of the file; memory O(total text).
    public func records() throws -> [JSONLinesRecord] {
        var all: [JSONLinesRecord] = []
        try forEachRecord { all.append($0) }
        return all
    }

    /// Reads the record at a location recorded by an earlier scan.
    ///
    /// - Throws: `DoppelError.badRecord` if the bytes there are not a record (the file changed),
    ///   `DoppelError.unreadable` when reading fails.
    /// - Complexity: O(length of the record).
    public func record(at location: JSONLinesLocation) throws -> JSONLinesRecord {
        let bytes: [UInt8]
        if descriptor == nil {
            let end = min(location.offset + location.length, memory.count)
            bytes = Array(memory[min(location.offset, end)..<end])
        } else {
            bytes = try read(count: location.length, at: location.offset)
        }
        let parsed = try bytes.withUnsafeBufferPointer { try parse($0, location) }
        guard let (id, text) = parsed, bytes.count == location.length else {
            throw DoppelError.badRecord(
                path: path, line: location.line, reason: "no record at offset \(location.offset)")
        }
        return JSONLinesRecord(id: id, text: text, location: location)
    }

    /// Reads the records at `locations`, locations recorded by an earlier scan in file order,
    /// and calls `body` with each in turn. Records that lie close together (as consecutive
    /// records of a scan do) are read with one `pread` for all of them rather than one each,
    /// into `buffer`, which grows as needed and may be passed again for the next records.
    ///
    /// - Throws: as `record(at:)`, or what `body` throws.
    /// - Complexity: O(bytes from the first location to the end of the last).
    public func forEachRecord(
        at locations: some Collection<JSONLinesLocation>, reusing buffer: inout [UInt8],
        _ body: (JSONLinesRecord) throws -> Void
    ) throws {
        guard descriptor != nil, let first = locations.first else {
            for location in locations { try body(record(at: location)) }
            return
        }
        var end = first.offset
        var total = 0
        var ascending = true
        for location in locations {
            ascending = ascending && location.offset >= end
            end = max(end, location.offset + location.length)
            total += location.length
        }
        // One read when the records are in order and what lies between them (skipped lines)
        // is small beside them.
        guard ascending || locations.count == 1, end - first.offset <= 2 * total + (1 << 20) else {
            for location in locations { try body(record(at: location)) }
            return
        }
        let count = try read(count: end - first.offset, at: first.offset, into: &buffer)
        try buffer.withUnsafeBufferPointer { whole in
            let span = UnsafeBufferPointer(rebasing: whole[..<count])
            for location in locations {
                let start = location.offset - first.offset
                let line = UnsafeBufferPointer(
                    rebasing: span[min(start, span.count)..<min(start + location.length, span.count)])
                guard line.count == location.length, let (id, text) = try parse(line, location) else {
                    throw DoppelError.badRecord(
                        path: path, line: location.line, reason: "no record at offset \(location.offset)")
                }
                try body(JSONLinesRecord(id: id, text: text, location: location))
            }
        }
    }

    private func parse(_ line: UnsafeBufferPointer<UInt8>, _ location: JSONLinesLocation) throws
        -> (id: String, text: [Unicode.Scalar])?
    {
        do {
            return try parser.parse(line)
        } catch {
            throw DoppelError.badRecord(path: path, line: location.line, reason: error.reason)
        }
    }

    /// Calls `body` with the lines (without `\n` and a `\r` before it) of each chunk of the file
    /// and their locations, in file order; the bytes are valid during that call only.
    private func forEachBatch(_ body: ([Line]) throws -> Void) throws {
        var lines: [Line] = []
        func collect(_ bytes: UnsafeBufferPointer<UInt8>, _ location: JSONLinesLocation) {
            lines.append(Line(bytes: bytes, location: location))
        }
        guard let descriptor else {
            _ = try memory.withUnsafeBufferPointer {
                try Self.splitLines($0, of: path, startOffset: 0, firstLine: 1, final: true, collect)
            }
            try body(lines)
            return
        }
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var kept = 0  // bytes of an unfinished line at the start of `buffer`
        var fileOffset = 0  // file offset of buffer[0]
        var line = 1
        while true {
            if kept == buffer.count {
                // One unfinished line fills the buffer: double it, up to the longest line taken.
                guard kept <= FileBytes.maximumBytes else { throw Self.lineTooLong(path, line: line) }
                let grown = kept + min(kept, FileBytes.maximumBytes + 1 - kept)
                buffer = [UInt8](unsafeUninitializedCapacity: grown) { bigger, count in
                    // Bulk copy and clear (memcpy, memset), quick in a debug build too.
                    let raw = UnsafeMutableRawBufferPointer(bigger)
                    buffer.withUnsafeBytes { raw.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: kept) }
                    memset(raw.baseAddress! + kept, 0, grown - kept)
                    count = grown
                }
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                FileBytes.readAt(descriptor, raw.baseAddress! + kept, raw.count - kept, offset: fileOffset + kept)
            }
            if got < 0 { throw DoppelError.unreadable(path: path, reason: FileBytes.reason(errno)) }
            let filled = kept + got
            let consumed = try buffer.withUnsafeBufferPointer { whole in
                lines.removeAll(keepingCapacity: true)
                let consumed = try Self.splitLines(
                    UnsafeBufferPointer(rebasing: whole[..<filled]), of: path,
                    startOffset: fileOffset, firstLine: line,
                    final: got == 0
                ) { bytes, location in
                    line = location.line + 1
                    collect(bytes, location)
                }
                try body(lines)
                return consumed
            }
            if got == 0 { return }
            buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + consumed, byteCount: filled - consumed)
            }
            kept = filled - consumed
            fileOffset += consumed
        }
    }

    /// The error for a line longer than one input may be (`FileBytes.maximumBytes`): the file is
    /// not read further, since an endless line (`/dev/zero`) has no next record to go on with.
    private static func lineTooLong(_ path: String, line: Int) -> DoppelError {
        .unreadable(
            path: path,
            reason: "line \(line) is longer than \(FileBytes.maximumBytes >> 30) GiB, the most one record may hold")
    }

    /// Splits `chunk` (which starts at file offset `startOffset` with line `firstLine`) at `\n`;
    /// returns how many bytes were consumed. Without `final`, an unfinished last line is left.
    private static func splitLines(
        _ chunk: UnsafeBufferPointer<UInt8>, of path: String, startOffset: Int, firstLine: Int, final: Bool,
        _ body: (UnsafeBufferPointer<UInt8>, JSONLinesLocation) throws -> Void
    ) throws -> Int {
        guard let base = chunk.baseAddress else { return 0 }
        var start = 0
        var line = firstLine
        if startOffset == 0, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < chunk.count {
            let end: Int
            if let hit = memchr(base + start, 0x0A, chunk.count - start) {
                end = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            } else if final {
                end = chunk.count
            } else {
                break
            }
            var length = end - start
            if length > 0, base[start + length - 1] == 0x0D { length -= 1 }
            guard length <= FileBytes.maximumBytes else { throw lineTooLong(path, line: line) }
            try body(
                UnsafeBufferPointer(start: base + start, count: length),
                JSONLinesLocation(line: line, offset: startOffset + start, length: length))
            line += 1
            start = end + 1
        }
        return min(start, chunk.count)
    }

    /// Reads up to `count` bytes at `offset` into the start of `buffer`, growing it when it is
    /// shorter; returns how many were read (fewer at the end of the file).
    private func read(count: Int, at offset: Int, into buffer: inout [UInt8]) throws -> Int {
        guard let descriptor else { return 0 }
        if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
        var filled = 0
        try buffer.withUnsafeMutableBytes { raw in
            while filled < count {
                let got = FileBytes.readAt(
                    descriptor, raw.baseAddress! + filled, count - filled, offset: offset + filled)
                if got < 0 { throw DoppelError.unreadable(path: path, reason: FileBytes.reason(errno)) }
                if got == 0 { break }
                filled += got
            }
        }
        return filled
    }

    private func read(count: Int, at offset: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let got = try read(count: count, at: offset, into: &bytes)
        bytes.removeLast(bytes.count - got)
        return bytes
    }
}
