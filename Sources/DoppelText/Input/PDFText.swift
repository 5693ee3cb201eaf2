import Dispatch
import DoppelIO
import Foundation

/// The text of a PDF, as Debian's `pdftotext` (poppler-utils) extracts it in reading order.
///
/// doppel runs `pdftotext -enc UTF-8 FILE -` (no `-layout`) and decodes its output as UTF-8.
/// `pdftotext` ends every page with a form feed, so `SourceText.page(of:)` gives page numbers.
public enum PDFText {
    /// The hint given when `pdftotext` cannot be found.
    public static let missingToolReason = "pdftotext not found; install Debian's poppler-utils"

    /// Whether a path names a PDF by its extension (`.pdf`, any case).
    ///
    /// - Complexity: O(length of the path).
    public static func hasPDFExtension(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".pdf")
    }

    /// Whether bytes start with the PDF signature `%PDF-`.
    ///
    /// - Complexity: O(1).
    public static func looksLikePDF(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("%PDF-".utf8))
    }

    /// Finds an executable `pdftotext`: `explicit` if given (it must be executable), else the first
    /// one in the directories of `searchPath` (a `PATH`-style list).
    ///
    /// - Complexity: O(number of directories in `searchPath`).
    public static func locateTool(explicit: String?, searchPath: String) -> String? {
        let manager = FileManager.default
        if let explicit { return manager.isExecutableFile(atPath: explicit) ? explicit : nil }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = directory.hasSuffix("/") ? "\(directory)pdftotext" : "\(directory)/pdftotext"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Extracts the text of the PDF file at `file`.
    ///
    /// - Parameters:
    ///   - file: the file to run `pdftotext` on.
    ///   - path: the name used in error messages (the user's spelling, or `-`).
    ///   - tool: the `pdftotext` executable, from `locateTool`; `nil` when it was not found.
    /// - Throws: `DoppelError.pdfExtraction` when the tool is missing, cannot be started, exits
    ///   with a failure (the reason is the first `Error` line of its standard error, else its
    ///   first line) or writes something that is not UTF-8.
    /// - Complexity: the cost of `pdftotext`, plus O(n) to decode its output.
    public static func extractText(file: String, path: String, tool: String?) throws -> [Unicode.Scalar] {
        guard let tool else { throw DoppelError.pdfExtraction(path: path, reason: missingToolReason) }
        let input = file.hasPrefix("-") ? "./" + file : file
        let (status, output, errors) = try run(tool, ["-enc", "UTF-8", input, "-"], path: path)
        guard status == 0 else {
            let lines = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline)
            let line = lines.first { $0.hasPrefix("Error") } ?? lines.first
            throw DoppelError.pdfExtraction(
                path: path, reason: line.map(String.init) ?? "pdftotext exited with status \(status)")
        }
        return try output.withUnsafeBufferPointer { buffer in
            switch UTF8Decoding.decode(buffer) {
            case let .decoded(scalars):
                return scalars
            case let .invalid(offset):
                throw DoppelError.pdfExtraction(
                    path: path, reason: "pdftotext wrote invalid UTF-8 at offset \(offset)")
            }
        }
    }

    /// Extracts the text of a PDF held in memory (standard input, a test) by writing it to a
    /// temporary file that is removed afterwards.
    ///
    /// - Throws: as `extractText(file:path:tool:)`; `DoppelError.pdfExtraction` when the temporary
    ///   file cannot be written.
    /// - Complexity: O(n) to write the bytes, plus the cost of `pdftotext`.
    public static func extractText(bytes: [UInt8], path: String, tool: String?) throws -> [Unicode.Scalar] {
        guard let tool else { throw DoppelError.pdfExtraction(path: path, reason: missingToolReason) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doppel-\(UUID().uuidString).pdf")
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw DoppelError.pdfExtraction(
                path: path, reason: "cannot write a temporary file: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try extractText(file: url.path, path: path, tool: tool)
    }

    /// Runs a tool to completion, reading its standard output on this thread and its standard
    /// error on another so that neither pipe can fill up and block it.
    private static func run(_ tool: String, _ arguments: [String], path: String) throws
        -> (status: Int32, output: [UInt8], errors: [UInt8])
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DoppelError.pdfExtraction(
                path: path, reason: "cannot run \(tool): \(error.localizedDescription)")
        }
        let errorBytes = CollectedBytes()
        let errorHandle = errors.fileHandleForReading
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            errorBytes.store((try? errorHandle.readToEnd()) ?? Data())
        }
        let outputData = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](outputData), errorBytes.bytes)
    }
}

/// Bytes handed from a reading thread to the waiting one (the wait on the `DispatchGroup` orders
/// the write before the read; the lock keeps the type honestly `Sendable`).
private final class CollectedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [UInt8] = []

    func store(_ data: Data) {
        lock.lock()
        stored = [UInt8](data)
        lock.unlock()
    }

    var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
