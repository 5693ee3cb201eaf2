import Foundation

/// A file written in pieces and put in place atomically: the bytes go to a temporary file in the
/// destination's folder, and `commit` syncs it and renames it over the destination, so readers
/// see either the old file or the whole new one, never part of it. Until `commit`, the
/// destination is untouched; `discard` (or releasing the value) removes the temporary file.
///
/// What the destination is decides how it is written:
/// - missing, or a regular file: replaced atomically as above; a replaced file keeps its
///   permission bits (a private report stays private) and, as far as the writer may give them
///   (root may; others keep at least the group when they belong to it), its owner and group:
///   both are set on the temporary file before the rename. A new file gets 0666 less the
///   umask. A file its owner cannot write (`chmod a-w`) is refused as read-only unless
///   `OutputOptions.force`. A file with several hard links is replaced under this name only:
///   the other names keep the old content, as with any atomic replacement.
/// - a symbolic link: followed, and the file it names is replaced in *its* folder; the link
///   stays a link.
/// - a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe): written through in
///   place, never renamed over, so a device node is never turned into a regular file.
/// - a folder, or an empty path: refused.
///
/// Temporary files are named `.NAME.tmp-PID-RANDOM`. One left behind by a process that no longer
/// runs (`kill -9`, a power cut) is removed by the next write to the same target: the folder is
/// scanned for names of that pattern whose PID is no longer a process (`kill(PID, 0)` fails with
/// `ESRCH`).
///
/// Used for every output file: reports (`OutputFile.write`), index files and `doppel sign`'s
/// JSON Lines, which are written in pieces too large to hold in memory.
public final class AtomicFile {
    /// The destination as given.
    public let path: String
    /// The temporary file, or nil when the destination is written through in place.
    private let temporary: String?
    /// The file the temporary file is renamed to (the destination, links followed).
    private let target: String
    private let onTemporary: (String?) -> Void
    private var descriptor: Int32
    /// Whether the temporary file exists (created and not yet renamed or removed).
    private var pending: Bool
    /// The offset `append` writes at next.
    public private(set) var end = 0

    /// Opens the destination for writing: creates the temporary file, or opens a device or FIFO.
    ///
    /// `onTemporary` is called with the temporary path before it is created and with nil once it
    /// is gone (renamed or removed), so a signal handler can remove it if the process is killed.
    ///
    /// - Throws: `DoppelError.unwritable` when the path is empty, the folder is missing or not
    ///   writable, `path` is a folder, or a read-only file without `options.force`.
    /// - Complexity: O(links) to follow symbolic links, plus O(entries of the folder) to find
    ///   temporary files of dead processes.
    public init(
        path: String, options: OutputOptions = .standard,
        onTemporary: @escaping (String?) -> Void = { _ in }
    ) throws {
        self.path = path
        self.onTemporary = onTemporary
        guard !path.isEmpty else { throw DoppelError.unwritable(path: "''", reason: "an empty path") }
        var info = stat()
        let exists = stat(path, &info) == 0
        let type = info.st_mode & S_IFMT
        if exists && type == S_IFDIR { throw DoppelError.unwritable(path: path, reason: "is a directory") }
        if exists && type != S_IFREG {
            // A device, FIFO or socket (through links, /dev/stdout included): written in place.
            target = path
            temporary = nil
            pending = false
            descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw DoppelError.unwritable(path: path, reason: FileBytes.reason(errno)) }
            return
        }
        if exists && info.st_mode & S_IWUSR == 0 && !options.force {
            throw DoppelError.unwritable(path: path, reason: "read-only; --force replaces it")
        }
        target = exists ? Self.realPath(path) : Self.followingLinks(path)
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var random = SplitMix64(
            seed: UInt64(UInt32(bitPattern: getpid())) << 32
                ^ UInt64(Date().timeIntervalSince1970 * 1e6))
        let suffix = ".tmp-\(getpid())-\(String(random.next() & 0xFF_FFFF, radix: 16))"
        // `.NAME.tmp-PID-RANDOM`, or `.doppel.tmp-…` when NAME is too long for one more suffix
        // (a name may have 255 bytes).
        let name = url.lastPathComponent.utf8.count + suffix.utf8.count + 1 <= 255 ? url.lastPathComponent : "doppel"
        let temporary = folder + "/." + name + suffix
        Self.removeTemporariesOfDeadProcesses(in: folder, prefix: "." + name + ".tmp-")
        self.temporary = temporary
        onTemporary(temporary)
        let mode = exists ? info.st_mode & 0o7777 : 0o666
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 {
            let reason = errno == ENOENT ? "no such folder" : FileBytes.reason(errno)
            pending = false
            onTemporary(nil)
            throw DoppelError.unwritable(path: path, reason: reason)
        }
        pending = true
        if exists {
            // The replaced file's owner and group (a writer that may not give the file away
            // keeps at least the group), then its exact bits: open(2) applied the umask, and a
            // change of owner clears the set-user-ID and set-group-ID bits.
            if info.st_uid != geteuid() || info.st_gid != getegid() {
                if fchown(descriptor, info.st_uid, info.st_gid) != 0 { _ = fchown(descriptor, uid_t.max, info.st_gid) }
            }
            fchmod(descriptor, mode)
        }
    }

    deinit { discard() }

    /// Writes `bytes` at `offset` of the temporary file (leaving a hole before it if need be);
    /// a device or FIFO is written in order, so there `offset` must be `end`.
    ///
    /// - Throws: `DoppelError.unwritable` (disk full, I/O error, a FIFO nobody reads).
    /// - Complexity: O(n) for n bytes.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        precondition(descriptor >= 0, "write after commit or discard")
        precondition(temporary != nil || offset == end, "writes in place go in order")
        var done = 0
        while done < bytes.count {
            let n =
                temporary == nil
                ? Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                : pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
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

    /// Syncs the temporary file and renames it over the destination (for a destination written
    /// in place: closes it).
    ///
    /// - Throws: `DoppelError.unwritable`; the destination is then untouched and the temporary
    ///   file removed.
    /// - Complexity: O(1) plus the sync.
    public func commit() throws {
        precondition(descriptor >= 0, "commit after commit or discard")
        guard let temporary else {
            close(descriptor)
            descriptor = -1
            return
        }
        if fsync(descriptor) != 0 {
            let error = failure()
            discard()
            throw error
        }
        close(descriptor)
        descriptor = -1
        if rename(temporary, target) != 0 {
            let error = failure()
            discard()
            throw error
        }
        pending = false
        onTemporary(nil)
        // Make the rename durable (best effort: some file systems refuse to sync a folder).
        let folder = open(URL(fileURLWithPath: target).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
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
        if pending, let temporary {
            pending = false
            unlink(temporary)
            onTemporary(nil)
        }
    }

    private func failure() -> DoppelError {
        .unwritable(path: path, reason: FileBytes.reason(errno))
    }

    /// Removes the files in `folder` named `PREFIX` + `PID-…` whose PID is no process (a
    /// temporary file of a writer that was killed, or of a machine that went down). Best
    /// effort: a folder that cannot be listed is left alone.
    private static func removeTemporariesOfDeadProcesses(in folder: String, prefix: String) {
        guard let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        let prefixBytes = Array(prefix.utf8)
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.count > prefixBytes.count, name.starts(with: prefixBytes) else { continue }
            let digits = name[prefixBytes.count...].prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty, digits.count <= 9, name.dropFirst(prefixBytes.count + digits.count).first == 0x2D,
                let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0, pid != getpid()
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                _ = (name + [0]).withUnsafeBufferPointer { raw in
                    raw.withMemoryRebound(to: CChar.self) { unlinkat(dirfd(handle), $0.baseAddress!, 0) }
                }
            }
        }
    }

    /// The absolute path of an existing file, links followed (`realpath(3)`).
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` with symbolic links followed to the file they name, which may not exist yet (a
    /// dangling link names the file to create). Stops after 40 links, as the kernel does; the
    /// open then reports the loop.
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, Int(PATH_MAX))
            guard length > 0 else { return current }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                link.hasPrefix("/")
                ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return current
    }
}
