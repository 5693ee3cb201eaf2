import Foundation
import Testing

@testable import DoppelIO

@Test func theDestinationChangesOnlyAtCommit() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.jsonl")
    try IndexFixture.write(Array("old\n".utf8), to: path)
    let file = try AtomicFile(path: path)
    try file.append(Array("new ".utf8))
    try file.append(Array("lines\n".utf8))
    #expect(try IndexFixture.bytes(path) == Array("old\n".utf8))
    #expect(try folder.contents().count == 2)
    try file.commit()
    #expect(try IndexFixture.bytes(path) == Array("new lines\n".utf8))
    #expect(try folder.contents() == ["out.jsonl"])
}

@Test func discardingLeavesTheOldFileAndNoTemporary() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.jsonl")
    try IndexFixture.write(Array("old\n".utf8), to: path)
    var temporaries: [String?] = []
    do {
        let file = try AtomicFile(path: path) { temporaries.append($0) }
        try file.append(Array("partial".utf8))
    }
    #expect(temporaries.count == 2 && temporaries[0] != nil && temporaries[1] == nil)
    #expect(try IndexFixture.bytes(path) == Array("old\n".utf8))
    #expect(try folder.contents() == ["out.jsonl"])
}

@Test func aFolderIsNotAFileToReplace() throws {
    let folder = try TemporaryFolder()
    #expect(throws: DoppelError.unwritable(path: folder.url.path, reason: "is a directory")) {
        try AtomicFile(path: folder.url.path)
    }
}

@Test func aSymbolicLinkStaysALinkAndTheFileItNamesIsReplaced() throws {
    let folder = try TemporaryFolder()
    try IndexFixture.write(Array("old\n".utf8), to: folder.path("target.txt"))
    #expect(symlink("target.txt", folder.path("link.txt")) == 0)
    #expect(symlink("created.txt", folder.path("dangling.txt")) == 0)
    try OutputFile.write(Array("new\n".utf8), to: folder.path("link.txt"))
    try OutputFile.write(Array("made\n".utf8), to: folder.path("dangling.txt"))
    var info = stat()
    #expect(lstat(folder.path("link.txt"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(lstat(folder.path("dangling.txt"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    #expect(try IndexFixture.bytes(folder.path("target.txt")) == Array("new\n".utf8))
    #expect(try IndexFixture.bytes(folder.path("created.txt")) == Array("made\n".utf8))
    #expect(try folder.contents() == ["created.txt", "dangling.txt", "link.txt", "target.txt"])
}

@Test func aDeviceOrFIFOIsWrittenInPlaceNeverRenamedOver() throws {
    let folder = try TemporaryFolder()
    // A FIFO stands for any file that is not a regular one (/dev/null, /dev/stdout): a device
    // node needs root to make.
    let fifo = folder.path("pipe")
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Thread {
        let fd = open(fifo, O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fd, &buffer, 64) > 0 {}
        close(fd)
    }
    reader.start()
    try OutputFile.write(Array("through\n".utf8), to: fifo)
    var info = stat()
    #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(try folder.contents() == ["pipe"])
    // A device that refuses the bytes is an error, not a silent success.
    #expect(throws: DoppelError.unwritable(path: "/dev/full", reason: "no space left on device")) {
        try OutputFile.write(Array("x".utf8), to: "/dev/full")
    }
}

@Test func aReplacedFileKeepsItsPermissionsAndANewOneFollowsTheUmask() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("private.txt")
    try IndexFixture.write(Array("secret\n".utf8), to: path)
    #expect(chmod(path, 0o600) == 0)
    try OutputFile.write(Array("still secret\n".utf8), to: path)
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    let mask = umask(0o022)
    umask(mask)
    try OutputFile.write(Array("new\n".utf8), to: folder.path("new.txt"))
    #expect(stat(folder.path("new.txt"), &info) == 0 && info.st_mode & 0o777 == 0o666 & ~mask)
}

@Test func aNameTooLongForTheTemporarySuffixIsStillWritten() throws {
    let folder = try TemporaryFolder()
    let name = String(repeating: "L", count: 250)
    try OutputFile.write(Array("long\n".utf8), to: folder.path(name))
    #expect(try folder.contents() == [name])
    #expect(throws: DoppelError.unwritable(path: "''", reason: "an empty path")) {
        try OutputFile.write([], to: "")
    }
}

@Test func aReplacedFileKeepsItsOwnerAndGroup() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("theirs.doppel")
    try IndexFixture.write(Array("theirs\n".utf8), to: path)
    // Giving a file away takes root; as another user, the group is what can be kept.
    let owner: uid_t = geteuid() == 0 ? 65534 : geteuid()
    let group: gid_t = geteuid() == 0 ? 65534 : getegid()
    #expect(chown(path, owner, group) == 0 && chmod(path, 0o640) == 0)
    try OutputFile.write(Array("extended\n".utf8), to: path)
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_uid == owner && info.st_gid == group && info.st_mode & 0o7777 == 0o640)
    #expect(try IndexFixture.bytes(path) == Array("extended\n".utf8))
}

@Test func aReadOnlyFileIsRefusedUnlessForced() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("kept.txt")
    try IndexFixture.write(Array("kept\n".utf8), to: path)
    #expect(chmod(path, 0o444) == 0)
    #expect(throws: DoppelError.unwritable(path: path, reason: "read-only; --force replaces it")) {
        try OutputFile.write(Array("lost\n".utf8), to: path)
    }
    #expect(try IndexFixture.bytes(path) == Array("kept\n".utf8))
    #expect(try folder.contents() == ["kept.txt"])
    try OutputFile.write(Array("forced\n".utf8), to: path, options: OutputOptions(force: true))
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o444)
    #expect(try IndexFixture.bytes(path) == Array("forced\n".utf8))
}

@Test func temporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("out.txt")
    // A PID past the kernel's largest (2^22) is no process; our own PID is a live one.
    let dead = folder.path(".out.txt.tmp-4194305-1a2b3c")
    let live = folder.path(".out.txt.tmp-\(getpid())-1a2b3c")
    let other = folder.path(".other.txt.tmp-4194305-1a2b3c")
    for name in [dead, live, other] { try IndexFixture.write(Array("left\n".utf8), to: name) }
    try OutputFile.write(Array("new\n".utf8), to: path)
    #expect(try folder.contents() == [".other.txt.tmp-4194305-1a2b3c", ".out.txt.tmp-\(getpid())-1a2b3c", "out.txt"])
}

@Test func aReportStringIsWrittenFromItsOwnStorage() throws {
    let folder = try TemporaryFolder()
    let report = String(repeating: "报告 report\n", count: 1000)
    try OutputFile.write(report, to: folder.path("r.txt"))
    #expect(try IndexFixture.bytes(folder.path("r.txt")) == Array(report.utf8))
    try OutputFile.write("", to: folder.path("r.txt"))
    #expect(try IndexFixture.bytes(folder.path("r.txt")) == [])
    #expect(try folder.contents() == ["r.txt"])
}
