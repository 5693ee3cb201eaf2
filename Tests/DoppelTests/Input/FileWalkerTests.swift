import Foundation
import Testing

@testable import DoppelText

private func make(_ folder: URL, _ files: [String]) throws {
    for file in files {
        let url = folder.appendingPathComponent(file)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }
}

private func relative(_ walk: FileWalk, _ folder: URL) -> [String] {
    walk.files.map { String($0.path.dropFirst(folder.path.count + 1)) }
}

@Test func walksInSortedOrderSkippingHiddenFiles() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try make(
        folder,
        ["b.txt", "a/z.txt", "a/b c.txt", "a/new\nline.txt", ".hidden.txt", ".git/config", "c/.d/e.txt", "A.txt"])
    let walk = FileWalker.walk([folder.path])
    #expect(relative(walk, folder) == ["A.txt", "a/b c.txt", "a/new\nline.txt", "a/z.txt", "b.txt"])
    #expect(walk.errors.isEmpty)
    let all = FileWalker.walk([folder.path], options: FileWalkOptions(includeHidden: true))
    #expect(relative(all, folder).contains(".git/config"))
    #expect(relative(all, folder).contains("c/.d/e.txt"))
}

@Test func includePatternsMatchFileNames() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try make(folder, ["x.txt", "x.html", "sub.txt/y.html", "sub.txt/z.md"])
    let walk = FileWalker.walk([folder.path], options: FileWalkOptions(include: [Glob("*.html"), Glob("*.md")]))
    #expect(relative(walk, folder) == ["sub.txt/y.html", "sub.txt/z.md", "x.html"])
}

@Test func symbolicLinkLoopsAreWalkedOnce() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try make(folder, ["a/f.txt", "b/g.txt"])
    let manager = FileManager.default
    try manager.createSymbolicLink(atPath: folder.appendingPathComponent("a/loop").path, withDestinationPath: "..")
    try manager.createSymbolicLink(atPath: folder.appendingPathComponent("a/self").path, withDestinationPath: ".")
    try manager.createSymbolicLink(atPath: folder.appendingPathComponent("a/to-b").path, withDestinationPath: "../b")
    try manager.createSymbolicLink(
        atPath: folder.appendingPathComponent("a/link.txt").path, withDestinationPath: "f.txt")
    try manager.createSymbolicLink(
        atPath: folder.appendingPathComponent("a/broken").path, withDestinationPath: "nowhere")
    let walk = FileWalker.walk([folder.path])
    // a/link.txt names a/f.txt, already listed: one file, one document.
    #expect(relative(walk, folder) == ["a/f.txt", "b/g.txt"])
    #expect(
        walk.errors == [
            .unreadable(path: folder.appendingPathComponent("a/broken").path, reason: "broken symbolic link")
        ])
    let unfollowed = FileWalker.walk([folder.path], options: FileWalkOptions(followSymbolicLinks: false))
    #expect(relative(unfollowed, folder) == ["a/f.txt", "b/g.txt"])
    #expect(unfollowed.errors.isEmpty)
}

@Test func rootsThatAreFilesOrMissingAreReported() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try make(folder, [".notes.md"])
    let file = folder.appendingPathComponent(".notes.md").path
    let missing = folder.appendingPathComponent("missing").path
    let walk = FileWalker.walk([file, missing], options: FileWalkOptions(include: [Glob("*.txt")]))
    #expect(walk.files == [WalkedFile(path: file)])
    #expect(walk.errors == [.unreadable(path: missing, reason: "no such file")])
}

@Test func unreadableSubfoldersAreCollectedNotFatal() throws {
    guard getuid() != 0 else { return }  // root reads every folder
    let folder = try InputFixtures.scratchFolder()
    defer {
        try? FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("closed").path)
        try? FileManager.default.removeItem(at: folder)
    }
    try make(folder, ["closed/secret.txt", "open/ok.txt"])
    try FileManager.default.setAttributes(
        [.posixPermissions: 0], ofItemAtPath: folder.appendingPathComponent("closed").path)
    let walk = FileWalker.walk([folder.path])
    #expect(relative(walk, folder) == ["open/ok.txt"])
    #expect(
        walk.errors == [.unreadable(path: folder.appendingPathComponent("closed").path, reason: "permission denied")])
}

@Test func namesThatAreNotUTF8KeepTheirBytes() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let raw = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9, 0x2E, 0x74, 0x78, 0x74]
    let fd = (raw + [0]).withUnsafeBufferPointer { p in
        p.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    _ = write(fd, "bonjour", 7)
    close(fd)
    let walk = FileWalker.walk([folder.path], options: FileWalkOptions(include: [Glob("*.txt")]))
    #expect(walk.files.map(\.rawPath) == [raw])
    let text = try InputReader.read(file: walk.files[0])
    #expect(text.text(in: 0..<7) == "bonjour")
}

@Test func manyTinyFilesAreListedQuickly() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for d in 0..<5 {
        let sub = folder.appendingPathComponent("d\(d)")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for f in 0..<200 { close(open(sub.appendingPathComponent("f\(f).txt").path, O_CREAT | O_WRONLY, 0o644)) }
    }
    let clock = ContinuousClock()
    var walk = FileWalk(files: [], errors: [])
    let elapsed = clock.measure { walk = FileWalker.walk([folder.path]) }
    #expect(walk.files.count == 1_000)
    #expect(
        walk.files.map(\.path)
            == walk.files.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    #expect(elapsed < .seconds(5))  // 100,000 files take about 0.15 s in a release build; generous for a busy machine
}

@Test func aFileReachedTwiceIsListedOnceAtItsFirstPlace() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try make(folder, ["a.txt", "b.txt", "sub/c.txt"])
    #expect(link(folder.appendingPathComponent("b.txt").path, folder.appendingPathComponent("sub/hard.txt").path) == 0)
    #expect(symlink("../a.txt", folder.appendingPathComponent("sub/soft.txt").path) == 0)
    let a = folder.appendingPathComponent("a.txt").path
    // Named twice, by two spellings, and inside a folder also named; a hard link and a
    // symbolic link to files already listed.
    let walk = FileWalker.walk([a, a, folder.path + "/./a.txt", folder.path])
    #expect(walk.files.map(\.path) == [a] + ["b.txt", "sub/c.txt"].map { folder.appendingPathComponent($0).path })
    #expect(walk.errors.isEmpty)
}
