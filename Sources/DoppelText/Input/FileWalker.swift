#if canImport(Glibc)
    import DoppelIO
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file found by `FileWalker`, named by the raw bytes of its path (names need not be UTF-8).
public struct WalkedFile: Sendable, Hashable {
    /// The path as the file system spells it: the root as given, then `/`-separated names.
    public let rawPath: [UInt8]

    /// Wraps raw path bytes.
    public init(rawPath: [UInt8]) { self.rawPath = rawPath }

    /// Wraps a path given as a string.
    public init(path: String) { rawPath = Array(path.utf8) }

    /// The path for display and messages; bytes that are not UTF-8 show as `\xHH`, so distinct
    /// names stay distinct (`DisplayName.decoding`).
    public var path: String { DisplayName.decoding(rawPath) }
}

/// What to list when walking folders.
public struct FileWalkOptions: Sendable, Equatable {
    /// `--include` patterns matched against file names; a file is listed when any matches, every
    /// file when there are none. Folders are always entered.
    public var include: [Glob]
    /// Whether names starting with `.` (files and folders) are listed and entered.
    public var includeHidden: Bool
    /// Whether symbolic links are followed (to files and folders); otherwise they are skipped.
    public var followSymbolicLinks: Bool

    /// The defaults: every file, hidden ones skipped, links followed.
    public init(include: [Glob] = [], includeHidden: Bool = false, followSymbolicLinks: Bool = true) {
        self.include = include
        self.includeHidden = includeHidden
        self.followSymbolicLinks = followSymbolicLinks
    }
}

/// The outcome of a walk: the files in order, and what could not be read.
public struct FileWalk: Sendable {
    /// The files found, in walk order (see `FileWalker`).
    public var files: [WalkedFile]
    /// One `DoppelError.unreadable` per root or entry that could not be listed or examined
    /// (missing root, folder without permission, broken symbolic link), in walk order.
    public var errors: [DoppelError]

    /// Pairs files with errors.
    public init(files: [WalkedFile], errors: [DoppelError]) {
        self.files = files
        self.errors = errors
    }
}

/// Lists the files under folders, for batch commands.
///
/// Each root that is a file (or a link to one) is listed as it is, whatever its name. Each root
/// that is a folder is walked depth first, the entries of every folder sorted by the bytes of
/// their names, so the order is that of the paths compared component by component, the same on
/// every run. Only regular files are listed (not sockets, pipes or devices). Every folder is
/// entered once, the first time the walk meets it: folders are identified by device and inode
/// number, so a symbolic link back to an ancestor (a loop), or a second link to a folder already
/// walked, is skipped silently. A file is listed once too, the first time it is met: a file named
/// twice, or named and inside a folder also named, or reached again through a link or another
/// hard link, is one document, not two identical ones. Failures do not stop the walk; they are
/// collected in `FileWalk.errors` for the caller's `--on-error` policy.
public enum FileWalker {
    /// Walks `roots` in the order given.
    ///
    /// - Complexity: O(entries + folders * log) time: one `readdir` pass per folder, a `stat` per
    ///   folder and per symbolic link (not per file: a file's inode comes with its name), and a
    ///   sort of each folder's names.
    public static func walk(_ roots: [String], options: FileWalkOptions = FileWalkOptions()) -> FileWalk {
        var walker = Walker(options: options)
        for root in roots { walker.walkRoot(Array(root.utf8)) }
        return FileWalk(files: walker.files, errors: walker.errors)
    }

    /// Whether walking `roots` with `options` lists the file `identity` (the roots that are
    /// files included), without reading any file.
    ///
    /// - Complexity: as `walk`.
    public static func lists(
        _ identity: FileIdentity, walking roots: [String],
        options: FileWalkOptions = FileWalkOptions()
    ) -> Bool {
        var walker = Walker(options: options)
        for root in roots { walker.walkRoot(Array(root.utf8)) }
        return walker.listed.contains(identity)
    }
}

private typealias FileID = FileIdentity

private struct Walker {
    let options: FileWalkOptions
    var files: [WalkedFile] = []
    var errors: [DoppelError] = []
    var visited: Set<FileID> = []
    /// The files listed so far.
    var listed: Set<FileID> = []

    init(options: FileWalkOptions) { self.options = options }

    private enum Pending {
        case file([UInt8])
        case folder([UInt8], device: UInt64)
    }

    mutating func walkRoot(_ root: [UInt8]) {
        guard let info = status(root, followingLinks: true) else {
            errors.append(.unreadable(path: display(root), reason: FileBytes.reason(errno)))
            return
        }
        guard isFolder(info) else {
            if listed.insert(fileID(info)).inserted { files.append(WalkedFile(rawPath: root)) }
            return
        }
        guard visited.insert(fileID(info)).inserted else { return }
        var stack: [Pending] = [.folder(root, device: UInt64(info.st_dev))]
        while let next = stack.popLast() {
            switch next {
            case let .file(path):
                files.append(WalkedFile(rawPath: path))
            case let .folder(path, device):
                stack.append(contentsOf: children(of: path, device: device).reversed())
            }
        }
    }

    /// The listed files and unvisited folders directly inside `folder`, sorted by name. Real
    /// folders are claimed before links, so a link to a sibling folder does not take its place.
    /// `device` is the folder's: a regular file in it is known by that and its inode.
    private mutating func children(of folder: [UInt8], device: UInt64) -> [Pending] {
        guard let entries = list(folder) else { return [] }
        let prefix = folder.last == UInt8(ascii: "/") ? folder : folder + [UInt8(ascii: "/")]
        var newFolders = Set<Int>()
        var subfolderDevices: [Int: UInt64] = [:]
        for (index, (name, type, _)) in entries.enumerated() where Int32(type) == Int32(DT_DIR) {
            guard let info = status(prefix + name, followingLinks: false) else {
                errors.append(.unreadable(path: display(prefix + name), reason: FileBytes.reason(errno)))
                continue
            }
            if visited.insert(fileID(info)).inserted { newFolders.insert(index) }
            subfolderDevices[index] = UInt64(info.st_dev)
        }
        var result: [Pending] = []
        for (index, (name, type, inode)) in entries.enumerated() {
            let path = prefix + name
            switch Int32(type) {
            case Int32(DT_REG):
                if included(name), listed.insert(FileID(device: device, inode: inode)).inserted {
                    result.append(.file(path))
                }
            case Int32(DT_DIR):
                if newFolders.contains(index) { result.append(.folder(path, device: subfolderDevices[index]!)) }
            case Int32(DT_LNK), Int32(DT_UNKNOWN):
                let isLink = Int32(type) == Int32(DT_LNK)
                if isLink && !options.followSymbolicLinks { continue }
                guard let info = status(path, followingLinks: options.followSymbolicLinks) else {
                    let reason = isLink && errno == ENOENT ? "broken symbolic link" : FileBytes.reason(errno)
                    errors.append(.unreadable(path: display(path), reason: reason))
                    continue
                }
                if isFolder(info) {
                    if visited.insert(fileID(info)).inserted {
                        result.append(.folder(path, device: UInt64(info.st_dev)))
                    }
                } else if info.st_mode & S_IFMT == S_IFREG, included(name), listed.insert(fileID(info)).inserted {
                    result.append(.file(path))
                }
            default:
                continue
            }
        }
        return result
    }

    /// The entries of a folder (name bytes, `d_type` and inode), sorted by name, hidden ones
    /// dropped unless asked for; `nil` (with the error recorded) when it cannot be opened.
    private mutating func list(_ folder: [UInt8]) -> [([UInt8], UInt8, UInt64)]? {
        let handle = (folder + [0]).withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { opendir($0.baseAddress!) }
        }
        guard let handle else {
            errors.append(.unreadable(path: display(folder), reason: FileBytes.reason(errno)))
            return nil
        }
        defer { closedir(handle) }
        var entries: [([UInt8], UInt8, UInt64)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            if name.first == 0x2E && !options.includeHidden { continue }
            entries.append((name, entry.pointee.d_type, UInt64(entry.pointee.d_ino)))
        }
        entries.sort { $0.0.lexicographicallyPrecedes($1.0) }
        return entries
    }

    private func included(_ name: [UInt8]) -> Bool {
        if options.include.isEmpty { return true }
        let text = String(decoding: name, as: UTF8.self)
        return options.include.contains { $0.matches(text) }
    }

    private func status(_ path: [UInt8], followingLinks: Bool) -> stat? {
        var info = stat()
        let result = (path + [0]).withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) {
                followingLinks ? stat($0.baseAddress!, &info) : lstat($0.baseAddress!, &info)
            }
        }
        return result == 0 ? info : nil
    }

    private func isFolder(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }

    private func fileID(_ info: stat) -> FileID {
        FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private func display(_ path: [UInt8]) -> String { DisplayName.decoding(path) }
}
