import Foundation

/// An advisory lock that makes the writers of one file take turns, for files that are read,
/// changed and written back (`doppel index add`): without it, two writers both read the old
/// file and the second rename drops the first one's changes.
///
/// The lock is `flock(2)` on a lock file beside the target, `.NAME.lock` (links followed, so
/// every name of the target shares it), never on the target itself: the target is replaced by
/// a rename, and a lock on the old inode would not stop a writer that opens the new one. The
/// lock file holds the PID of the last holder, for the message of a writer that gives up. It is
/// left in place after use (removing it would let two writers lock two different files); the
/// kernel releases the lock when its holder exits, however it exits, so a crashed writer never
/// leaves the file locked. Readers take no lock: they see the old file or the whole new one,
/// since the new one is renamed into place complete (`AtomicFile`).
///
/// A second writer polls (every 20 ms) until the lock is free or `timeout` seconds have passed.
///
/// ```swift
/// let lock = try WriterLock(for: "archive.doppel", timeout: OutputOptions.standard.lockTimeout)
/// // read archive.doppel, write the new one through AtomicFile, commit
/// lock.release()
/// ```
public final class WriterLock {
    /// The lock file; nil for a target that is a device, FIFO or socket, which is written in
    /// place, not replaced, and takes no lock.
    public let lockPath: String?
    private var descriptor: Int32

    /// Waits for and takes the lock of `target`.
    ///
    /// - Throws: `DoppelError.unwritable` naming `target` when the lock file cannot be opened or
    ///   is not a plain file, or when another process holds the lock for `timeout` seconds
    ///   ("another doppel (PID N) is writing it").
    /// - Complexity: O(1) plus the wait.
    public init(for target: String, timeout: Double) throws {
        var existing = stat()
        if stat(target, &existing) == 0 && existing.st_mode & S_IFMT != S_IFREG {
            lockPath = nil
            descriptor = -1
            return
        }
        let resolved = URL(fileURLWithPath: AtomicFile.followingLinks(target))
        let folder = resolved.deletingLastPathComponent().path
        let name = resolved.lastPathComponent.utf8.count + 7 <= 255 ? resolved.lastPathComponent : "doppel"
        let lockPath = folder + "/." + name + ".lock"
        self.lockPath = lockPath
        // O_NOFOLLOW: a link planted as the lock file is refused, never followed and written.
        var fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o666)
        if fd < 0 && (errno == EACCES || errno == EPERM) {
            fd = open(lockPath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        }
        guard fd >= 0 else {
            // What writing the target would meet as well: a missing or read-only folder.
            throw DoppelError.unwritable(
                path: target, reason: errno == ENOENT ? "no such folder" : FileBytes.reason(errno))
        }
        descriptor = fd
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else {
            close(fd)
            descriptor = -1
            throw DoppelError.unwritable(path: target, reason: "its lock file \(lockPath) is not a plain file")
        }
        // A lock file made by root for someone else's index belongs to the index's owner.
        var owner = stat()
        if info.st_size == 0, stat(resolved.path, &owner) == 0,
            owner.st_uid != info.st_uid || owner.st_gid != info.st_gid
        {
            _ = fchown(fd, owner.st_uid, owner.st_gid)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            guard errno == EWOULDBLOCK else {
                let reason = FileBytes.reason(errno)
                release()
                throw DoppelError.unwritable(path: target, reason: "cannot lock it (\(reason))")
            }
            if Date() >= deadline {
                let holder = Self.holder(fd).map { "another doppel (PID \($0))" } ?? "another process"
                release()
                throw DoppelError.unwritable(
                    path: target,
                    reason: "\(holder) is writing it; gave up after \(Self.seconds(timeout)) (--lock-timeout)")
            }
            usleep(20_000)
        }
        // The holder's PID, in a fixed width so that no older, longer one shows through.
        let stamp = Array(String(getpid()).padding(toLength: 19, withPad: " ", startingAt: 0).utf8) + [0x0A]
        _ = stamp.withUnsafeBytes { pwrite(fd, $0.baseAddress!, $0.count, 0) }
    }

    deinit { release() }

    /// Releases the lock (closing the lock file); later calls do nothing.
    ///
    /// - Complexity: O(1).
    public func release() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
    }

    /// The PID the lock file names, if any.
    private static func holder(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 20)
        let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 20, 0) }
        guard got > 0 else { return nil }
        return Int(String(decoding: buffer[..<got], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
