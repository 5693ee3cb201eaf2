#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file as the file system knows it: its device and inode number. Two paths name the same
/// file exactly when their identities are equal, whatever symbolic links, hard links, `.` and
/// `..` lie between them.
public struct FileIdentity: Hashable, Sendable {
    /// `st_dev`.
    public let device: UInt64
    /// `st_ino`.
    public let inode: UInt64

    /// An identity from its parts.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity in a `stat` result.
    package init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// The identity of the file `path` names, links followed (`-`: standard input's); nil when
    /// there is none (a missing file, a dangling link, a closed standard input).
    ///
    /// - Complexity: O(1): one `stat(2)`.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        let found = path == "-" ? fstat(STDIN_FILENO, &info) == 0 : stat(path, &info) == 0
        return found ? FileIdentity(info) : nil
    }
}
