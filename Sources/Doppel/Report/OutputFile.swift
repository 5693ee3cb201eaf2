import Foundation

/// Writes a report file atomically: the bytes go to a temporary file in the destination's
/// folder, which is then renamed over the destination, so a reader never sees half a report
/// and an interrupted run leaves the old file as it was.
public enum OutputFile {
    /// Writes `bytes` to `path` through a temporary sibling file and `rename(2)`.
    ///
    /// `onTemporary` is called with the temporary path before writing and with `nil` once it is
    /// gone (renamed or removed), so a signal handler can remove it if the process is killed.
    ///
    /// - Complexity: O(n) in the size of the output.
    /// - Throws: `DoppelError.unwritable` naming the destination.
    public static func write(_ bytes: [UInt8], to path: String,
                             onTemporary: (String?) -> Void = { _ in }) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw DoppelError.unwritable(path: path, reason: "is a directory")
        }
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
            throw DoppelError.unwritable(path: path, reason: "no such folder")
        }
        var random = SplitMix64(seed: UInt64(UInt32(bitPattern: getpid())) << 32 ^ UInt64(Date().timeIntervalSince1970 * 1e6))
        let temporary = (folder.isEmpty ? "." : folder) + "/." + url.lastPathComponent
            + ".tmp-\(getpid())-\(String(random.next() & 0xFFFFFF, radix: 16))"
        onTemporary(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            onTemporary(nil)
            throw DoppelError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            onTemporary(nil)
            throw DoppelError.unwritable(path: path, reason: failure)
        }
        onTemporary(nil)
    }
}
