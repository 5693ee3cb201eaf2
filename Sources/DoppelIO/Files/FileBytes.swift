#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading whole files with POSIX calls, so that failures carry `errno` and file names may be
/// any bytes.
package enum FileBytes {
    /// The most bytes one input may hold: 1 GiB. A text's positions are 32-bit (its map back to
    /// the original), and a diff needs about 20 bytes of memory per byte of input; a longer
    /// input, or an endless one such as `/dev/zero` or `yes |`, is refused with an error once
    /// this much has been read, not read to the end of memory. Archives go through JSON Lines,
    /// where the limit is per record, not per file.
    package static let maximumBytes = 1 << 30

    /// Reads the whole file at the raw path `rawPath` (bytes without the final NUL).
    ///
    /// - Throws: `DoppelError.unreadable` naming `displayPath` with a reason such as "no such
    ///   file", "is a directory", "permission denied" or "larger than 1 GiB".
    /// - Complexity: O(n) in the size of the file, at most O(`limit`).
    package static func read(rawPath: [UInt8], displayPath: String, limit: Int = maximumBytes) throws -> [UInt8] {
        let (fd, reportedSize) = try openForReading(rawPath: rawPath, displayPath: displayPath)
        defer { close(fd) }
        return try read(descriptor: fd, reportedSize: reportedSize, displayPath: displayPath, limit: limit)
    }

    /// Reads all of standard input (a file redirected to it, a pipe or a terminal).
    ///
    /// - Throws: `DoppelError.unreadable` naming `-`, as `read(rawPath:displayPath:limit:)`.
    /// - Complexity: O(n) in the bytes read, at most O(`limit`).
    package static func readStandardInput(limit: Int = maximumBytes) throws -> [UInt8] {
        var info = stat()
        let size = fstat(0, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? max(Int(info.st_size), 0) : 0
        return try read(descriptor: 0, reportedSize: size, displayPath: "-", limit: limit)
    }

    /// Reads `fd` to its end. One byte beyond the reported size, so that the end (or growth)
    /// shows up at once; a small buffer, doubled as needed, when the size is unknown (pipes,
    /// empty files, `/proc`). Sized to the input, not to a fixed minimum: a folder of many tiny
    /// files stays cheap. The first read goes straight into the array's storage, which no zero
    /// fill touched first.
    package static func read(
        descriptor fd: Int32, reportedSize: Int, displayPath: String,
        limit: Int
    ) throws -> [UInt8] {
        guard reportedSize <= limit else { throw tooLarge(displayPath, limit: limit) }
        let first = reportedSize > 0 ? reportedSize + 1 : min(4096, limit + 1)
        var bytes = try [UInt8](unsafeUninitializedCapacity: first) { buffer, initialized in
            HugePages.advise(buffer)
            initialized = try fill(UnsafeMutableRawBufferPointer(buffer), from: fd, displayPath: displayPath)
        }
        var full = bytes.count == first
        while full {
            // Longer than reported (a file that grew, a pipe): twice the room, up to the limit,
            // in new storage that the bytes so far are copied into and nothing else touches.
            let filled = bytes.count
            guard filled <= limit else { throw tooLarge(displayPath, limit: limit) }
            let room = min(max(filled, 4096), limit + 1 - filled)
            bytes = try [UInt8](unsafeUninitializedCapacity: filled + room) { buffer, initialized in
                HugePages.advise(buffer)
                bytes.withUnsafeBytes {
                    UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: $0.baseAddress!, byteCount: filled)
                }
                initialized = filled
                initialized += try fill(
                    UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[filled...])), from: fd,
                    displayPath: displayPath)
            }
            full = bytes.count == filled + room
        }
        return bytes
    }

    private static func tooLarge(_ displayPath: String, limit: Int) -> DoppelError {
        let size = limit >= 1 << 30 && limit % (1 << 30) == 0 ? "\(limit >> 30) GiB" : "\(limit) bytes"
        return .unreadable(path: displayPath, reason: "larger than \(size), the most doppel reads from one input")
    }

    /// Reads from `fd` until `buffer` is full or the file ends, retrying after interruptions.
    ///
    /// - Returns: the number of bytes read (less than the buffer only at the end of the file).
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, displayPath: String) throws -> Int
    {
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
    /// The file is opened without blocking (`O_NONBLOCK`), so that opening never waits, then its
    /// type is checked. Reads then block as usual: the flag is cleared, and a FIFO, whose
    /// non-blocking open does not wait for a writer (its reads would end at once), is opened
    /// again the ordinary way, which waits for the writer, as `cat` does; the first descriptor
    /// is closed only after that, so a writer that already opened it never loses its reader.
    ///
    /// - Returns: the descriptor and the size the file system reports (0 for pipes and the like).
    /// - Throws: `DoppelError.unreadable` as `read(rawPath:displayPath:)`.
    package static func openForReading(rawPath: [UInt8], displayPath: String) throws -> (fd: Int32, size: Int) {
        func open(flags: Int32) -> Int32 {
            (rawPath + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) { systemOpen($0.baseAddress!, flags) }
            }
        }
        var fd = open(flags: O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw DoppelError.unreadable(path: displayPath, reason: reason(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw DoppelError.unreadable(path: displayPath, reason: reason(code))
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            close(fd)
            throw DoppelError.unreadable(path: displayPath, reason: "is a directory")
        case S_IFIFO:
            // The non-blocking reader stays open until the blocking one is: a writer whose open
            // it let through always has a reader, so it never meets EPIPE (and SIGPIPE) in
            // between, and the second open finds that writer instead of waiting for another.
            let probe = fd
            fd = open(flags: O_RDONLY | O_CLOEXEC)
            let code = errno
            close(probe)
            guard fd >= 0 else { throw DoppelError.unreadable(path: displayPath, reason: reason(code)) }
        default:
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        return (fd, max(Int(info.st_size), 0))
    }

    @inline(__always)
    private static func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
            return Glibc.open(path, flags)
        #else
            return Darwin.open(path, flags)
        #endif
    }

    /// Reads up to `count` bytes at `offset` into `buffer`, retrying after interruptions.
    ///
    /// - Returns: the number of bytes read (0 at the end of the file), or -1 with `errno` set.
    package static func readAt(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int, offset: Int) -> Int {
        while true {
            let got = pread(fd, buffer, count, off_t(offset))
            if got < 0 && errno == EINTR { continue }
            return got
        }
    }

    /// A short human reason for an `errno` value.
    package static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ELOOP: return "too many levels of symbolic links"
        default:
            // strerror's sentence, in lower case like the reasons above ("no space left on device").
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
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
