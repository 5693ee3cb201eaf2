import Foundation

/// A file written in pieces and put in place atomically: the bytes go to a temporary file in the
/// destination's folder, and `commit` syncs it and renames it over the destination, so readers
/// see either the old file or the whole new one, never part of it. Until `commit`, the
/// destination is untouched; `discard` (or releasing the value) removes the temporary file.
///
/// For outputs too large to hold in memory (`OutputFile.write` takes all the bytes at once):
/// index files and `doppel sign`'s JSON Lines.
public final class AtomicFile {
    /// The destination.
    public let path: String
    private let temporary: String
    private let onTemporary: (String?) -> Void
    private var descriptor: Int32
    /// Whether the temporary file exists (created and not yet renamed or removed).
    private var pending = true
    /// The offset `append` writes at next.
    public private(set) var end = 0

    /// Creates the temporary file.
    ///
    /// `onTemporary` is called with the temporary path before it is created and with nil once it
    /// is gone (renamed or removed), so a signal handler can remove it if the process is killed.
    ///
    /// - Throws: `DoppelError.unwritable` when the folder is missing or not writable, or `path` is
    ///   a folder.
    /// - Complexity: O(1).
    public init(path: String, onTemporary: @escaping (String?) -> Void = { _ in }) throws {
        self.path = path
        self.onTemporary = onTemporary
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw DoppelError.unwritable(path: path, reason: "is a directory")
        }
        var random = SplitMix64(seed: UInt64(UInt32(bitPattern: getpid())) << 32
            ^ UInt64(Date().timeIntervalSince1970 * 1e6))
        temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
            + ".tmp-\(getpid())-\(String(random.next() & 0xFF_FFFF, radix: 16))"
        onTemporary(temporary)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let reason = errno == ENOENT ? "no such folder" : String(cString: strerror(errno))
            pending = false
            onTemporary(nil)
            throw DoppelError.unwritable(path: path, reason: reason)
        }
    }

    deinit { discard() }

    /// Writes `bytes` at `offset` of the temporary file (leaving a hole before it if need be).
    ///
    /// - Throws: `DoppelError.unwritable` (disk full, I/O error).
    /// - Complexity: O(n) for n bytes.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        precondition(descriptor >= 0, "write after commit or discard")
        var done = 0
        while done < bytes.count {
            let n = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            done += n
        }
        end = max(end, offset + bytes.count)
    }

    /// Writes `bytes` after the furthest byte written so far.
    ///
    /// - Throws: as `write(_:at:)`.
    /// - Complexity: O(n) for n bytes.
    public func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0, at: end) }
    }

    /// Syncs the temporary file and renames it over the destination.
    ///
    /// - Throws: `DoppelError.unwritable`; the destination is then untouched and the temporary
    ///   file removed.
    /// - Complexity: O(1) plus the sync.
    public func commit() throws {
        precondition(descriptor >= 0, "commit after commit or discard")
        if fsync(descriptor) != 0 {
            let error = failure()
            discard()
            throw error
        }
        close(descriptor)
        descriptor = -1
        if rename(temporary, path) != 0 {
            let error = failure()
            discard()
            throw error
        }
        pending = false
        onTemporary(nil)
        // Make the rename durable (best effort: some file systems refuse to sync a folder).
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path,
                          O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Closes and removes the temporary file, if it is still there.
    ///
    /// - Complexity: O(1).
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if pending {
            pending = false
            unlink(temporary)
            onTemporary(nil)
        }
    }

    private func failure() -> DoppelError {
        .unwritable(path: path, reason: String(cString: strerror(errno)))
    }
}
