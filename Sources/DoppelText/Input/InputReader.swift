import DoppelIO
import Foundation

/// How to read inputs: the `--encoding` and `--format` choices of a command.
public struct InputOptions: Sendable, Equatable {
    /// The encoding to decode with (`--encoding`); `nil` detects it (see `TextDecoding`).
    public var encoding: TextEncoding?
    /// The format to read as (`--format`); `nil` detects it from the extension and content.
    public var format: SourceFormat?
    /// The `pdftotext` executable to run; `nil` searches `searchPath`.
    public var pdftotextPath: String?
    /// Where to look for `pdftotext` when `pdftotextPath` is `nil`: a `PATH`-style list. The
    /// executable passes the environment's `PATH`; the default is the usual system directories.
    public var searchPath: String
    /// Read only an HTML page's main content, dropping its chrome (`HTMLMainContent`: head, nav,
    /// aside, form, page header and footer, hidden elements). Default true; false (`--html-all`)
    /// keeps all the text.
    public var htmlMainContentOnly: Bool

    /// Options with everything detected.
    public init(
        encoding: TextEncoding? = nil, format: SourceFormat? = nil, pdftotextPath: String? = nil,
        searchPath: String = "/usr/local/bin:/usr/bin:/bin", htmlMainContentOnly: Bool = true
    ) {
        self.encoding = encoding
        self.format = format
        self.pdftotextPath = pdftotextPath
        self.searchPath = searchPath
        self.htmlMainContentOnly = htmlMainContentOnly
    }
}

/// Reads one input (a file or standard input) into a `SourceText`.
///
/// The format is the forced one if given; else PDF for a `.pdf` name or bytes starting with
/// `%PDF-`; else the bytes are decoded (`TextDecoding`) and the text is HTML for an `.html`,
/// `.htm` or `.xhtml` name or a text starting like a page (`HTMLText.looksLikeHTML`), plain text
/// otherwise. HTML is reduced to its readable text (`HTMLText.extractText`), so positions refer to
/// that text; a PDF's text is `pdftotext`'s output (`PDFText`), UTF-8.
public enum InputReader {
    /// Reads two files as `read(path:options:)` reads each, at the same time on two threads
    /// unless one is standard input (`-`, read first, and then empty for the other).
    ///
    /// - Throws: the error of `pathA` when it has one, else that of `pathB`.
    /// - Complexity: O(n + m); the wall time of the longer read on two cores.
    public static func read(
        _ pathA: String, _ pathB: String,
        options: InputOptions = InputOptions()
    ) throws -> (SourceText, SourceText) {
        if pathA == "-" || pathB == "-" {
            let a = try read(path: pathA, options: options)
            return (a, try read(path: pathB, options: options))
        }
        let results = SharedSlots<Result<SourceText, any Error>?>(repeating: nil, count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            results[side] = Result { try read(path: side == 0 ? pathA : pathB, options: options) }
        }
        return (try results[0]!.get(), try results[1]!.get())
    }

    /// Reads the file at `path`, or standard input when `path` is `-`.
    ///
    /// - Throws: `DoppelError.unreadable` ("no such file", "is a directory", "permission
    ///   denied", ...), `notText`, `badEncoding` or `pdfExtraction`.
    /// - Complexity: O(n) in the size of the input (plus `pdftotext` for a PDF).
    public static func read(path: String, options: InputOptions = InputOptions()) throws -> SourceText {
        if path == "-" {
            return try read(bytes: FileBytes.readStandardInput(), path: path, options: options)
        }
        return try read(rawPath: Array(path.utf8), path: path, options: options)
    }

    /// Reads a file found by `FileWalker`, whose name may not be valid UTF-8.
    ///
    /// - Throws: as `read(path:options:)`.
    /// - Complexity: O(n) in the size of the file (plus `pdftotext` for a PDF).
    public static func read(file: WalkedFile, options: InputOptions = InputOptions()) throws -> SourceText {
        try read(rawPath: file.rawPath, path: file.path, options: options)
    }

    /// Reads bytes already in memory as if they were the file `path` (the name decides the
    /// format by extension and appears in errors). A PDF goes through a temporary file.
    ///
    /// - Throws: `DoppelError.notText`, `badEncoding` or `pdfExtraction`.
    /// - Complexity: O(n) in the number of bytes (plus `pdftotext` for a PDF).
    public static func read(bytes: [UInt8], path: String, options: InputOptions = InputOptions()) throws
        -> SourceText
    {
        if isPDF(bytes: bytes, path: path, options: options) {
            let scalars = try PDFText.extractText(bytes: bytes, path: path, tool: tool(options))
            return SourceText(path: path, encoding: .utf8, format: .pdf, scalars: scalars)
        }
        return try text(bytes: bytes, path: path, options: options)
    }

    /// A long plain-text file is decoded while it is read (`UTF8FileReading`) unless an option
    /// or its name asks for another encoding or format; anything else is read whole and decoded.
    private static func read(rawPath: [UInt8], path: String, options: InputOptions) throws -> SourceText {
        let (fd, size) = try FileBytes.openForReading(rawPath: rawPath, displayPath: path)
        defer { close(fd) }
        if options.encoding == nil, options.format == nil || options.format == .text,
            !PDFText.hasPDFExtension(path), !HTMLText.hasHTMLExtension(path),
            let read = try UTF8FileReading.read(fd, size: size, path: path)
        {
            if options.format == nil && HTMLText.looksLikeHTML(read.scalars) {
                return text(DecodedText(scalars: read.scalars, encoding: .utf8), path: path, options: options)
            }
            return SourceText(path: path, encoding: .utf8, format: .text, scalars: read.scalars, starts: read.starts)
        }
        let bytes = try FileBytes.read(
            descriptor: fd, reportedSize: size, displayPath: path, limit: FileBytes.maximumBytes)
        if isPDF(bytes: bytes, path: path, options: options) {
            let tool = tool(options)
            let scalars: [Unicode.Scalar]
            if String(validating: rawPath, as: UTF8.self) != nil {
                scalars = try PDFText.extractText(file: path, path: path, tool: tool)
            } else {
                scalars = try PDFText.extractText(bytes: bytes, path: path, tool: tool)
            }
            return SourceText(path: path, encoding: .utf8, format: .pdf, scalars: scalars)
        }
        return try text(bytes: bytes, path: path, options: options)
    }

    private static func isPDF(bytes: [UInt8], path: String, options: InputOptions) -> Bool {
        if let forced = options.format { return forced == .pdf }
        return PDFText.hasPDFExtension(path) || PDFText.looksLikePDF(bytes)
    }

    private static func tool(_ options: InputOptions) -> String? {
        PDFText.locateTool(explicit: options.pdftotextPath, searchPath: options.searchPath)
    }

    private static func text(bytes: [UInt8], path: String, options: InputOptions) throws -> SourceText {
        text(try TextDecoding.decode(bytes, path: path, forced: options.encoding), path: path, options: options)
    }

    /// The source of decoded text: HTML reduced to its readable text, or plain text.
    private static func text(_ decoded: DecodedText, path: String, options: InputOptions) -> SourceText {
        let isHTML =
            options.format.map { $0 == .html }
            ?? (HTMLText.hasHTMLExtension(path) || HTMLText.looksLikeHTML(decoded.scalars))
        if isHTML {
            let (text, offsets) = HTMLText.extract(decoded.scalars, mainContentOnly: options.htmlMainContentOnly)
            return SourceText(
                path: path, encoding: decoded.encoding, scalars: text, markup: decoded.scalars,
                offsets: offsets)
        }
        return SourceText(path: path, encoding: decoded.encoding, format: .text, scalars: decoded.scalars)
    }
}
