#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading whole files with POSIX calls, so that failures carry `errno` and file names may be
/// any bytes.
enum FileBytes {
    /// Reads the whole file at the raw path `rawPath` (bytes without the final NUL).
    ///
    /// - Throws: `DoppelError.unreadable` naming `displayPath` with a reason such as "no such
    ///   file", "is a directory" or "permission denied".
    /// - Complexity: O(n) in the size of the file.
    static func read(rawPath: [UInt8], displayPath: String) throws -> [UInt8] {
        let (fd, reportedSize) = try openForReading(rawPath: rawPath, displayPath: displayPath)
        defer { close(fd) }
        // One byte beyond the reported size, so that the end (or growth) shows up at once; a
        // small buffer, doubled as needed, when the size is unknown (pipes, empty files). Sized
        // to the file, not to a fixed minimum: a folder of many tiny files stays cheap. The
        // first read goes straight into the array's storage, which no zero fill touched first.
        let first = reportedSize > 0 ? reportedSize + 1 : 4096
        var bytes = try [UInt8](unsafeUninitializedCapacity: first) { buffer, initialized in
            HugePages.advise(buffer)
            initialized = try fill(UnsafeMutableRawBufferPointer(buffer), from: fd, displayPath: displayPath)
        }
        var full = bytes.count == first
        while full {
            // The file is longer than reported (it grew, or is a pipe): double the room.
            let filled = bytes.count
            let room = max(filled, 4096)
            bytes += [UInt8](repeating: 0, count: room)
            let got = try bytes.withUnsafeMutableBytes { buffer in
                try fill(UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), from: fd, displayPath: displayPath)
            }
            bytes.removeSubrange((filled + got)...)
            full = got == room
        }
        return bytes
    }

    /// Reads from `fd` until `buffer` is full or the file ends, retrying after interruptions.
    ///
    /// - Returns: the number of bytes read (less than the buffer only at the end of the file).
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, displayPath: String) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = systemRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if got < 0 {
                if errno == EINTR { continue }
                throw DoppelError.unreadable(path: displayPath, reason: reason(errno))
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// Opens a file that is not a folder for reading; the caller closes the descriptor.
    ///
    /// - Returns: the descriptor and the size the file system reports (0 for pipes and the like).
    /// - Throws: `DoppelError.unreadable` as `read(rawPath:displayPath:)`.
    static func openForReading(rawPath: [UInt8], displayPath: String) throws -> (fd: Int32, size: Int) {
        let fd = (rawPath + [0]).withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) }
        }
        guard fd >= 0 else { throw DoppelError.unreadable(path: displayPath, reason: reason(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw DoppelError.unreadable(path: displayPath, reason: reason(code))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw DoppelError.unreadable(path: displayPath, reason: "is a directory")
        }
        return (fd, max(Int(info.st_size), 0))
    }

    /// Reads up to `count` bytes at `offset` into `buffer`, retrying after interruptions.
    ///
    /// - Returns: the number of bytes read (0 at the end of the file), or -1 with `errno` set.
    static func readAt(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, offset: Int) -> Int {
        while true {
            let got = pread(fd, buffer, count, off_t(offset))
            if got < 0 && errno == EINTR { continue }
            return got
        }
    }

    /// A short human reason for an `errno` value.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ELOOP: return "too many levels of symbolic links"
        default: return String(cString: strerror(code))
        }
    }

    @inline(__always)
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }
}
