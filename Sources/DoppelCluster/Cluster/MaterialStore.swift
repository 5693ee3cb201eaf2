import Foundation

#if canImport(Glibc)
    import DoppelIO
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What verification compares for every document, written once in pass 1 so that no document
/// is read, normalised or shingled twice: its compact shingle set (exact verification) or its
/// signature (signature verification), 32-bit values each.
///
/// Values are kept in memory up to `memoryBudget` bytes, allocated once and filled as documents
/// arrive; once that is full, every later batch goes to a scratch file in `directory`, created on
/// first need and unlinked at once (it disappears when the store does, or when the process
/// ends). Memory therefore stays bounded whatever the collection's size; the file holds about
/// 4 bytes per distinct shingle (2.8 KB for a 2 KB Chinese article) and is read back with
/// `pread`, mostly from the page cache.
///
/// Several threads may `append` at once; reads start after the last `append` returns.
final class MaterialStore: @unchecked Sendable {
    /// Where the scratch file goes.
    let directory: String
    /// Bytes of values held in memory.
    let memoryBudget: Int

    private let memory: UnsafeMutableBufferPointer<UInt32>
    /// Per document: where its values start, counting memory first and the file after it.
    private let starts: UnsafeMutableBufferPointer<UInt64>
    /// Per document: how many values it has.
    private let counts: UnsafeMutableBufferPointer<UInt32>
    private let lock = NSLock()
    private var memoryUsed = 0
    /// Values in memory when the first batch went to the file; `nil` while none has.
    private var memoryEnd: Int?
    private var fileUsed = 0
    private var descriptor: Int32 = -1

    /// An empty store for `documentCount` documents.
    ///
    /// - Complexity: O(documentCount); the memory part is only reserved, its pages are touched as
    ///   values arrive.
    init(documentCount: Int, directory: String, memoryBudget: Int) {
        precondition(documentCount >= 0 && memoryBudget >= 0)
        self.directory = directory
        self.memoryBudget = memoryBudget
        memory = .allocate(capacity: max(1, memoryBudget / 4))
        HugePages.advise(memory)  // filled from the front, so only pages in use are backed
        starts = .allocate(capacity: max(1, documentCount))
        starts.initialize(repeating: 0)
        counts = .allocate(capacity: max(1, documentCount))
        counts.initialize(repeating: 0)
    }

    deinit {
        memory.deallocate()
        starts.deallocate()
        counts.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Whether some values went to the scratch file.
    var spilled: Bool { lock.withLock { memoryEnd != nil } }

    /// Stores the values of consecutive documents `documents`: `values` holds them one after
    /// the other, `counts[i]` of them for document `documents.lowerBound + i`.
    ///
    /// - Throws: `DoppelError.unwritable` naming `directory` when the scratch file cannot be
    ///   created or written.
    /// - Complexity: O(values.count).
    func append(documents: Range<Int>, counts batchCounts: [UInt32], values: [UInt32]) throws {
        precondition(batchCounts.count == documents.count)
        let (start, inMemory) = try reserve(values.count)
        var position = UInt64(start)
        for (offset, count) in batchCounts.enumerated() {
            starts[documents.lowerBound + offset] = position
            counts[documents.lowerBound + offset] = count
            position += UInt64(count)
        }
        if values.isEmpty { return }
        if inMemory {
            values.withUnsafeBufferPointer { values in
                (memory.baseAddress! + start).update(from: values.baseAddress!, count: values.count)
            }
            return
        }
        let fileOffset = 4 * (start - lock.withLock { memoryEnd! })
        try values.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = pwrite(
                    descriptor, bytes.baseAddress! + written, bytes.count - written,
                    off_t(fileOffset + written))
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { throw failure(errno) }
                written += result
            }
        }
    }

    /// Calls `body` with the values of `document`, reading them into `buffer` when they are in
    /// the scratch file.
    ///
    /// - Throws: `DoppelError.unreadable` naming the scratch file's directory when reading fails.
    /// - Complexity: O(number of values).
    func withValues<R>(
        of document: Int, buffer: inout [UInt32],
        _ body: (UnsafeBufferPointer<UInt32>) throws -> R
    ) throws -> R {
        let start = Int(starts[document])
        let count = Int(counts[document])
        let end = memoryEnd ?? Int.max  // no append runs while values are read
        if start < end {
            return try body(UnsafeBufferPointer(start: memory.baseAddress! + start, count: count))
        }
        if buffer.count < count { buffer = [UInt32](repeating: 0, count: count) }
        let offset = 4 * (start - end)
        try buffer.withUnsafeMutableBytes { bytes in
            var filled = 0
            while filled < 4 * count {
                let got = FileBytes.readAt(
                    descriptor, bytes.baseAddress! + filled, 4 * count - filled,
                    offset: offset + filled)
                if got <= 0 {
                    throw DoppelError.unreadable(
                        path: directory, reason: "scratch file: " + (got < 0 ? FileBytes.reason(errno) : "short read"))
                }
                filled += got
            }
        }
        return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Reserves `count` values: in memory while they fit and nothing has gone to the file yet,
    /// else at the end of the file (created on first need). Returns the virtual start.
    private func reserve(_ count: Int) throws -> (start: Int, inMemory: Bool) {
        try lock.withLock {
            if memoryEnd == nil && 4 * (memoryUsed + count) <= memoryBudget {
                defer { memoryUsed += count }
                return (memoryUsed, true)
            }
            if memoryEnd == nil {
                descriptor = try Self.scratchFile(in: directory)
                memoryEnd = memoryUsed
            }
            defer { fileUsed += count }
            return (memoryEnd! + fileUsed, false)
        }
    }

    /// Creates and unlinks a scratch file in `directory`; returns its descriptor.
    private static func scratchFile(in directory: String) throws -> Int32 {
        var template =
            Array(
                (directory.hasSuffix("/") ? directory : directory + "/")
                    .utf8CString.dropLast()) + Array("doppel-cluster-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            throw DoppelError.unwritable(
                path: directory,
                reason: "scratch file: " + FileBytes.reason(errno))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    private func failure(_ code: Int32) -> DoppelError {
        DoppelError.unwritable(path: directory, reason: "scratch file: " + FileBytes.reason(code))
    }
}
