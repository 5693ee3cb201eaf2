import Foundation
import Testing

@testable import DoppelIO
@testable import DoppelText

@Test func readsAFileAndIndexesItsLines() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("a b.txt")
    try Data("第一行\r\n第二行\r第三行\u{0C}第四".utf8).write(to: file)
    let text = try InputReader.read(path: file.path)
    #expect(text.format == .text && text.encoding == .utf8 && text.path == file.path)
    #expect(text.lineStarts == [0, 5, 9, 13])
    #expect(text.pageStarts == [0, 13])
}

@Test func missingFileFolderAndPermissionAreUnreadable() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("nope.txt").path
    #expect(throws: DoppelError.unreadable(path: missing, reason: "no such file")) {
        try InputReader.read(path: missing)
    }
    #expect(throws: DoppelError.unreadable(path: folder.path, reason: "is a directory")) {
        try InputReader.read(path: folder.path)
    }
    let locked = folder.appendingPathComponent("locked.txt")
    try Data("x".utf8).write(to: locked)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
    if getuid() != 0 {  // root reads anything
        #expect(throws: DoppelError.unreadable(path: locked.path, reason: "permission denied")) {
            try InputReader.read(path: locked.path)
        }
    }
}

@Test func htmlIsDetectedByExtensionContentOrForcing() throws {
    let page = Array("<!doctype html><p>正文&amp;</p>".utf8)
    #expect(try InputReader.read(bytes: page, path: "page.txt").format == .html)
    let fragment = Array("<p>正文</p>".utf8)
    #expect(try InputReader.read(bytes: fragment, path: "page.htm").text(in: 0..<2) == "正文")
    #expect(try InputReader.read(bytes: fragment, path: "f.txt").format == .text)
    #expect(try InputReader.read(bytes: fragment, path: "f.txt", options: InputOptions(format: .html)).format == .html)
    #expect(try InputReader.read(bytes: page, path: "p.html", options: InputOptions(format: .text)).format == .text)
}

@Test func gb18030HTMLIsDecodedThenExtracted() throws {
    let html = "<html><body><p>职工之家</p><p>工会建设</p></body></html>"
    let bytes = [UInt8](try #require(html.data(using: ChineseEncodings.gb18030)))
    let text = try InputReader.read(bytes: bytes, path: "p.html")
    #expect(text.encoding == .gb18030)
    #expect(text.text(in: 0..<text.scalars.count) == "职工之家\n\n工会建设")
}

@Test func forcedEncodingIsPassedToTheDecoder() {
    #expect(throws: DoppelError.badEncoding(path: "f.txt", reason: "invalid UTF-8 at offset 0")) {
        try InputReader.read(bytes: [0xD6, 0xD0], path: "f.txt", options: InputOptions(encoding: .utf8))
    }
}

@Test func readingTwoFilesAtOnceGivesWhatReadingEachGivesAndAsFirstError() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("a.txt")
    let second = folder.appendingPathComponent("b.txt")
    try Data("王女士".utf8).write(to: first)
    try Data([0xFF, 0xFE] + Array("马女士".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: second)
    let (a, b) = try InputReader.read(first.path, second.path)
    #expect(a.scalars == (try InputReader.read(path: first.path)).scalars)
    #expect(b.scalars == (try InputReader.read(path: second.path)).scalars && b.encoding == .utf16LE)
    let missingA = folder.appendingPathComponent("x.txt").path
    let missingB = folder.appendingPathComponent("y.txt").path
    #expect(throws: DoppelError.unreadable(path: missingA, reason: "no such file")) {
        try InputReader.read(missingA, missingB)
    }
    #expect(throws: DoppelError.unreadable(path: missingB, reason: "no such file")) {
        try InputReader.read(first.path, missingB)
    }
}
