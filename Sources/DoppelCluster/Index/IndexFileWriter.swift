import DoppelIO

/// Writes an index file atomically (`AtomicFile`) and checksums it on the way: the payload
/// streams into the temporary file, a checksum is taken of each `IndexHeader.blockSize` block as
/// it is written, and `finish` appends the checksum section, writes the header page, and puts the
/// file in place. Until then the destination (an older index being extended by `add`) is
/// untouched; `discard` removes the temporary file.
final class IndexFileWriter {
    private let file: AtomicFile
    /// Payload bytes not yet written: `offset - buffer.count` is block-aligned.
    private var buffer: [UInt8] = []
    private var blockChecksums: [UInt64] = []
    /// The file offset of the next byte appended.
    private(set) var offset = IndexHeader.pageSize
    private static let flushSize = 1 << 20

    /// Creates the temporary file beside `path` (see `AtomicFile.init`).
    ///
    /// - Throws: `DoppelError.unwritable`.
    /// - Complexity: O(1).
    init(path: String, options: OutputOptions, onTemporary: @escaping (String?) -> Void) throws {
        file = try AtomicFile(path: path, options: options, onTemporary: onTemporary)
        buffer.reserveCapacity(Self.flushSize + IndexHeader.blockSize)
    }

    /// Appends payload bytes.
    ///
    /// - Throws: `DoppelError.unwritable` when a write fails (disk full, I/O error).
    /// - Complexity: O(n) for n bytes.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var start = 0
        while start < bytes.count {
            let take = min(bytes.count - start, Self.flushSize - buffer.count)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + take)]))
            start += take
            offset += take
            if buffer.count >= Self.flushSize { try flush(final: false) }
        }
    }

    /// Appends payload bytes.
    ///
    /// - Throws: as `append(_:)`.
    /// - Complexity: O(n) for n bytes.
    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try append($0) }
    }

    /// Appends zero bytes until the file offset is a multiple of `alignment`.
    ///
    /// - Throws: as `append(_:)`.
    /// - Complexity: O(alignment).
    func pad(to alignment: Int) throws {
        let missing = (alignment - offset % alignment) % alignment
        if missing > 0 { try append([UInt8](repeating: 0, count: missing)) }
    }

    /// Writes the checksum section and the header page made by `header` from the checksum
    /// section's range and hash, syncs, and renames the file into place.
    ///
    /// - Throws: `DoppelError.unwritable`; the destination is then untouched and the temporary
    ///   file removed.
    /// - Complexity: O(size of the payload / block size) for the checksum section.
    func finish(header: (_ checksums: Range<Int>, _ checksumsHash: UInt64) -> IndexHeader) throws {
        do {
            try flush(final: true)
            var table = IndexBytes()
            for checksum in blockChecksums { table.append(checksum) }
            let range = offset..<(offset + table.bytes.count)
            let page = header(range, IndexChecksum.hash(table.bytes)).encode()
            try table.bytes.withUnsafeBytes { try file.write($0, at: offset) }
            try page.withUnsafeBytes { try file.write($0, at: 0) }
            try file.commit()
        } catch {
            discard()
            throw error
        }
    }

    /// Closes and removes the temporary file, if it is still there.
    ///
    /// - Complexity: O(1).
    func discard() { file.discard() }

    /// Checksums and writes the whole blocks in the buffer, and with `final` the last partial one.
    private func flush(final: Bool) throws {
        let blockSize = IndexHeader.blockSize
        let whole = final ? buffer.count : buffer.count - buffer.count % blockSize
        let start = offset - buffer.count
        try buffer.withUnsafeBytes { bytes in
            var block = 0
            while block < whole {
                let end = min(block + blockSize, whole)
                blockChecksums.append(IndexChecksum.hash(UnsafeRawBufferPointer(rebasing: bytes[block..<end])))
                block = end
            }
            try file.write(UnsafeRawBufferPointer(rebasing: bytes[0..<whole]), at: start)
        }
        buffer.removeFirst(whole)
    }
}
