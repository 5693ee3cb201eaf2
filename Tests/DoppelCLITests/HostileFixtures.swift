import Doppel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under the system's temporary folder for one test, removed when the value goes.
/// Files are written with POSIX calls so that names may be any bytes.
final class Scratch: @unchecked Sendable {
    let path: String

    init(_ name: String) throws {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/doppel-\(name)-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to the file `name` (raw bytes, relative to the folder); returns its path.
    @discardableResult
    func write(_ name: [UInt8], _ bytes: [UInt8]) throws -> String {
        let full = Array(path.utf8) + [UInt8(ascii: "/")] + name
        let fd = (full + [0]).withUnsafeBufferPointer { raw in
            raw.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += n
        }
        return String(decoding: full, as: UTF8.self)
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String { try write(Array(name.utf8), bytes) }

    @discardableResult
    func write(_ name: String, text: String) throws -> String { try write(Array(name.utf8), Array(text.utf8)) }

    /// Creates the folder `name` (and its parents); returns its path.
    @discardableResult
    func folder(_ name: String) throws -> String {
        let full = "\(path)/\(name)"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// The names in the folder `name` ("" for the scratch folder itself), sorted.
    func list(_ name: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: name.isEmpty ? path : file(name)).sorted()
    }
}

/// Bytes from a hex string (spaces ignored), for fixtures in encodings Foundation may not write.
func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.unicodeScalars.filter { !$0.properties.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(String.UnicodeScalarView(digits[$0..<$0 + 2])), radix: 16)!
    }
}

extension SplitMix64 {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// `count` ideographs drawn from the `span` code points from U+4E00.
    mutating func han(_ count: Int, span: UInt32 = 3000) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<count { s.append(Unicode.Scalar(0x4E00 + UInt32(next() % UInt64(span)))!) }
        return String(s)
    }
}

extension Run {
    /// The lines of standard error.
    var errorLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
}

/// Checks how a bad input is met: status 2, nothing on standard output, one line on standard
/// error starting `doppel: ` + `message`; and with `-o`, no file written and no temporary left.
func expectRejected(
    _ arguments: [String], message: String, in scratch: Scratch,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let run = try DoppelProcess.run(arguments)
    #expect(run.status == 2, sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(run.errorLines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.hasPrefix("doppel: \(message)"), "\(run.stderr)", sourceLocation: sourceLocation)
    let before = try scratch.list()
    let out = scratch.file("report.out")
    let written = try DoppelProcess.run([arguments[0], "-o", out] + arguments.dropFirst())
    #expect(written.status == 2, sourceLocation: sourceLocation)
    #expect(written.stderr == run.stderr, sourceLocation: sourceLocation)
    #expect(try scratch.list() == before, "no report and no temporary file", sourceLocation: sourceLocation)
}
