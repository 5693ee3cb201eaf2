import DoppelIO
import Foundation

/// An index file opened for reading: memory-mapped, so opening costs the same for a thousand
/// documents as for millions, and a query touches only the pages it needs.
///
/// Opening checks the header (magic, version, checksum, the rest of the page zero, parameters,
/// section bounds and lengths, file length) and the checksum section. Every later read goes
/// through `bytes(_:)`, which checks the checksum of each block it covers before handing the
/// bytes out, so a damaged byte is reported as `DoppelError.badIndex` ("checksum mismatch") by
/// whatever operation reads it, never taken for data; a block that matched is not hashed again
/// while the archive is open (`IndexCheckedBlocks`). `verify()` checks every block.
///
/// A file can also be well checksummed and still wrong (crafted, or written wrong): every value
/// read from it is checked before later code relies on it, and a misfit is
/// `DoppelError.badIndex` too, never a trap. A query checks what it reads (band headers,
/// directory slots, the document numbers of entries, each candidate's record against the
/// storage and permutation count); `stats()` and `IndexBuilder.add` check the whole structure
/// (`IndexValidation.swift`), so a file they accept is one every query can read.
///
/// Reads may run on several threads at once; their one side effect is the record of blocks
/// whose checksums matched, kept under a lock.
public final class IndexArchive: @unchecked Sendable {
    /// The file's name, for messages.
    public let path: String
    let header: IndexHeader
    private let mapping: UnsafeRawBufferPointer
    private let checked: IndexCheckedBlocks

    /// Opens and checks the index at `path`. The file is opened without blocking and must be a
    /// regular file: a FIFO or a device given as the index is refused at once, never waited on.
    ///
    /// - Throws: `DoppelError.unreadable` when the file cannot be opened or mapped,
    ///   `DoppelError.badIndex` when it is not an index, of another version, truncated, or
    ///   damaged in its header or checksum section.
    /// - Complexity: O(1) plus O(file length / block size) to check the checksum section.
    public init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw DoppelError.unreadable(
                path: path,
                reason: errno == ENOENT
                    ? "no such file"
                    : String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw DoppelError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw DoppelError.unreadable(
                path: path,
                reason: status.st_mode & S_IFMT == S_IFDIR
                    ? "is a directory" : "not a regular file")
        }
        let length = Int(status.st_size)
        if length == 0 {
            mapping = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            guard let base = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0),
                base != MAP_FAILED
            else {
                throw DoppelError.unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            mapping = UnsafeRawBufferPointer(start: base, count: length)
        }
        do {
            header = try IndexHeader(
                decoding: UnsafeRawBufferPointer(rebasing: mapping.prefix(IndexHeader.pageSize)),
                actualLength: length, path: path)
            let table = UnsafeRawBufferPointer(rebasing: mapping[header.checksums])
            guard IndexChecksum.hash(table) == header.checksumsHash else {
                throw DoppelError.badIndex(path: path, reason: "checksum mismatch")
            }
        } catch {
            if let base = mapping.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), length) }
            throw error
        }
        checked = IndexCheckedBlocks(count: header.checksums.count / 8)
    }

    deinit {
        if let base = mapping.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), mapping.count)
        }
    }

    /// How the index was built.
    public var parameters: IndexParameters { header.parameters }

    /// Documents in the index, numbered `0 ..< documentCount` in the order they were added.
    public var documentCount: Int { header.documentCount }

    /// The file's length in bytes.
    public var fileLength: Int { header.fileLength }

    /// The bytes of `range` (absolute file offsets inside the payload), after checking the
    /// checksum of every block the range touches.
    ///
    /// - Throws: `DoppelError.badIndex` when the range leaves the payload or a block's checksum
    ///   does not match.
    /// - Complexity: O(blocks touched × block size) the first time a block is read, O(blocks
    ///   touched) after.
    func bytes(_ range: Range<Int>) throws -> UnsafeRawBufferPointer {
        let payloadEnd = header.checksums.lowerBound
        guard range.lowerBound >= IndexHeader.pageSize, range.upperBound <= payloadEnd else {
            throw DoppelError.badIndex(path: path, reason: "a section points outside the file")
        }
        if !range.isEmpty {
            let first = (range.lowerBound - IndexHeader.pageSize) / IndexHeader.blockSize
            let last = (range.upperBound - 1 - IndexHeader.pageSize) / IndexHeader.blockSize
            try checkBlocks(first...last)
        }
        return UnsafeRawBufferPointer(rebasing: mapping[range])
    }

    /// The bytes of `range` without checking checksums: only for a caller that has checked every
    /// block the range touches (`verify()`, or an earlier `bytes(_:)` of the same range).
    ///
    /// - Throws: `DoppelError.badIndex` when the range leaves the payload.
    /// - Complexity: O(1).
    func checkedEarlier(_ range: Range<Int>) throws -> UnsafeRawBufferPointer {
        guard range.lowerBound >= IndexHeader.pageSize, range.upperBound <= header.checksums.lowerBound
        else { throw DoppelError.badIndex(path: path, reason: "a section points outside the file") }
        return UnsafeRawBufferPointer(rebasing: mapping[range])
    }

    /// Checks the checksum of every block of the payload.
    ///
    /// - Throws: `DoppelError.badIndex` ("checksum mismatch") at the first damaged block.
    /// - Complexity: O(file length).
    public func verify() throws {
        let blocks = header.checksums.count / 8
        if blocks > 0 { try checkBlocks(0...(blocks - 1)) }
    }

    private func checkBlocks(_ blocks: ClosedRange<Int>) throws {
        let table = IndexBytes.Reader(UnsafeRawBufferPointer(rebasing: mapping[header.checksums]))
        let payloadEnd = header.checksums.lowerBound
        for block in blocks where !checked.contains(block) {
            let start = IndexHeader.pageSize + block * IndexHeader.blockSize
            let end = min(start + IndexHeader.blockSize, payloadEnd)
            let actual = IndexChecksum.hash(UnsafeRawBufferPointer(rebasing: mapping[start..<end]))
            guard actual == table.u64(8 * block) else {
                throw DoppelError.badIndex(path: path, reason: "checksum mismatch")
            }
            checked.insert(block)
        }
    }

    /// Where the record of document `number` lies: absolute file offsets.
    ///
    /// - Precondition: `0 <= number < documentCount` (numbers read from the file are checked
    ///   before they get here: `documents(band:key:)`).
    private func recordRange(_ number: Int) throws -> Range<Int> {
        precondition(number >= 0 && number < documentCount, "no document \(number)")
        let slot = header.offsets.lowerBound + 8 * number
        let offsets = IndexBytes.Reader(try bytes(slot..<(slot + 16)))
        let start = offsets.u64(0)
        let end = offsets.u64(8)
        guard start <= end, end <= UInt64(header.records.count) else {
            throw DoppelError.badIndex(path: path, reason: "record \(number) is out of bounds")
        }
        return (header.records.lowerBound + Int(start))..<(header.records.lowerBound + Int(end))
    }

    /// Document `number`, with its shingle material or signature.
    ///
    /// - Precondition: `0 <= number < documentCount`.
    /// - Throws: `DoppelError.badIndex` when its bytes are damaged or its record malformed.
    /// - Complexity: O(record length) expected.
    public func document(_ number: Int) throws -> IndexedDocument {
        var scratch = CompactSetTable()
        return try document(number, scratch: &scratch)
    }

    /// Document `number`, its record checked in `scratch` (`IndexedDocument.decode`), for a
    /// caller that reads many; with shingle sets, `scratch` then holds the document's set.
    func document(_ number: Int, scratch: inout CompactSetTable) throws -> IndexedDocument {
        try decodeRecord(try bytes(try recordRange(number)), number: number, idOnly: false, scratch: &scratch)
    }

    /// Document `number` decoded from its record's bytes and checked against the index's
    /// storage and permutations (`IndexedDocument.decode`).
    func decodeRecord(
        _ record: UnsafeRawBufferPointer, number: Int, idOnly: Bool,
        scratch: inout CompactSetTable
    ) throws -> IndexedDocument {
        try IndexedDocument.decode(
            record, keepsShingleSets: parameters.keepsShingleSets,
            permutations: parameters.cluster.permutations, idOnly: idOnly,
            path: path, number: number, scratch: &scratch)
    }

    /// The distinct shingles of document `number`, read from its record's fixed fields only
    /// (`IndexedDocument.decode` checks the rest when the record is read): what a query needs to
    /// know whether the containment banding applies to a candidate before reading all of it.
    ///
    /// - Precondition: `0 <= number < documentCount`.
    /// - Throws: `DoppelError.badIndex` when its bytes are damaged or the record is too short.
    /// - Complexity: O(1) (one block's checksum).
    func shingleCount(of number: Int) throws -> Int {
        let range = try recordRange(number)
        guard range.count >= IndexedDocument.fixedLength else {
            throw DoppelError.badIndex(path: path, reason: "record \(number) is malformed")
        }
        return Int(IndexBytes.Reader(try bytes(range.lowerBound..<(range.lowerBound + 8))).u32(4))
    }

    /// The id of document `number`.
    ///
    /// - Precondition: `0 <= number < documentCount`.
    /// - Throws: `DoppelError.badIndex` when its bytes are damaged.
    /// - Complexity: O(record length) (the record's blocks and values are checked).
    public func id(of number: Int) throws -> String {
        var scratch = CompactSetTable()
        return try decodeRecord(
            try bytes(try recordRange(number)), number: number, idOnly: true, scratch: &scratch
        ).id
    }

    /// The record offsets, `documentCount + 1` of them (for `add`, which extends them), checked:
    /// the first is 0, each is at least the one before, and the last is the length of the
    /// records section, so that the records tile the section.
    ///
    /// - Throws: `DoppelError.badIndex` when their bytes are damaged or the offsets do not tile
    ///   the records section.
    /// - Complexity: O(documentCount).
    func recordOffsets() throws -> [UInt64] {
        let reader = IndexBytes.Reader(try bytes(header.offsets))
        let offsets = (0...documentCount).map { reader.u64(8 * $0) }
        let length = UInt64(header.records.count)
        // As `recordRange` sees a record: its start not after its end, its end inside the section.
        for number in 0..<documentCount
        where offsets[number] > offsets[number + 1] || offsets[number + 1] > length {
            throw DoppelError.badIndex(path: path, reason: "record \(number) is out of bounds")
        }
        guard offsets[0] == 0, offsets[documentCount] == length else {
            throw DoppelError.badIndex(path: path, reason: "record offsets do not span the records")
        }
        return offsets
    }
}
