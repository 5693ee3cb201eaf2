import DoppelIO
import Foundation

/// A decoded input: the original text as Unicode code points, and where it came from.
///
/// Every position doppel reports is a code-point offset into `scalars` (for HTML and PDF inputs,
/// into the text extracted from the page), with 1-based lines and columns derived from
/// `lineStarts`, or for HTML from the page's own lines (`markupOffsets`). `SourceText` is the only value that holds original text; later stages pass
/// index ranges and the Report stage turns them back into text through it.
public struct SourceText: Sendable {
    /// The path as the user gave it; `-` for standard input; `PATH#N` for a split article.
    public var path: String
    /// The encoding the bytes were decoded with.
    public var encoding: TextEncoding
    /// How the text was obtained from the file.
    public var format: SourceFormat
    /// The decoded original, one element per Unicode code point.
    public var scalars: [Unicode.Scalar]
    /// Offsets in `scalars` where each line begins; `lineStarts[0] == 0`. A line ends at `\n`,
    /// `\r\n`, a lone `\r`, or a form feed.
    public private(set) var lineStarts: [Int]
    /// Offsets where each page begins (`[0]` unless the text has form feeds, as `pdftotext` writes).
    public private(set) var pageStarts: [Int]
    /// For text extracted from HTML: for each code point of `scalars`, its offset in the page's
    /// markup; empty for other inputs.
    public private(set) var markupOffsets: [Int32] = []
    /// For text extracted from HTML: offsets in the page's markup where each of its lines begins.
    public private(set) var markupLineStarts: [Int] = []

    /// Wraps decoded text and indexes its lines and pages.
    ///
    /// - Complexity: O(n) in the number of code points.
    public init(
        path: String, encoding: TextEncoding = .utf8, format: SourceFormat = .text,
        scalars: [Unicode.Scalar]
    ) {
        var starts = LineStarts()
        scalars.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { u in
                if let base = u.baseAddress { _ = starts.scan(base, from: 0, to: u.count, count: u.count) }
            }
        }
        self.init(path: path, encoding: encoding, format: format, scalars: scalars, starts: starts)
    }

    /// Wraps decoded text whose lines and pages were indexed already (`UTF8FileReading` does it
    /// as it decodes).
    ///
    /// - Precondition: `starts` scanned all of `scalars`.
    init(
        path: String, encoding: TextEncoding, format: SourceFormat, scalars: [Unicode.Scalar],
        starts: LineStarts
    ) {
        self.path = path
        self.encoding = encoding
        self.format = format
        self.scalars = scalars
        self.lineStarts = starts.lines
        self.pageStarts = starts.pages
    }

    /// Text extracted from an HTML page (`HTMLText.extract`): `offsets` gives, for each code point
    /// of `scalars`, its offset in `markup`, so lines and columns are the page's.
    ///
    /// - Complexity: O(n + m) for n extracted and m markup code points.
    public init(
        path: String, encoding: TextEncoding, scalars: [Unicode.Scalar], markup: [Unicode.Scalar],
        offsets: [Int32]
    ) {
        precondition(offsets.count == scalars.count, "one markup offset per extracted code point")
        self.init(path: path, encoding: encoding, format: .html, scalars: scalars)
        markupOffsets = offsets
        markupLineStarts = Self(path: path, scalars: markup).lineStarts
    }

    /// Convenience for tests and library users holding a `String`.
    public init(path: String, text: String, format: SourceFormat = .text) {
        self.init(path: path, encoding: .utf8, format: format, scalars: Array(text.unicodeScalars))
    }

    /// The 1-based line and column (in code points) of a code-point offset.
    ///
    /// - Complexity: O(log lines).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        if !markupOffsets.isEmpty {
            // In the page: the markup offset of the code point (past the end: after the last).
            let markup =
                offset < markupOffsets.count
                ? Int(markupOffsets[max(0, offset)])
                : Int(markupOffsets[markupOffsets.count - 1]) + 1
            let line = Self.lastIndex(in: markupLineStarts, notAfter: markup)
            return (line + 1, markup - markupLineStarts[line] + 1)
        }
        let line = textLine(of: offset)
        return (line + 1, offset - lineStarts[line] + 1)
    }

    /// The 0-based index in `lineStarts` of the line of `scalars` holding `offset` (for HTML, a
    /// line of the extracted text, not of the page).
    ///
    /// - Complexity: O(log lines).
    public func textLine(of offset: Int) -> Int {
        Self.lastIndex(in: lineStarts, notAfter: offset)
    }

    /// The 1-based page number of a code-point offset.
    ///
    /// - Complexity: O(log pages).
    public func page(of offset: Int) -> Int {
        Self.lastIndex(in: pageStarts, notAfter: offset) + 1
    }

    /// The original text of a code-point range, as a `String`.
    ///
    /// - Complexity: O(range.count).
    public func text(in range: Range<Int>) -> String { UTF8Encoding.string(slice(range)) }

    /// The original code points of a range (clamped to the text), without copying them.
    ///
    /// - Complexity: O(1).
    public func slice(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        scalars[range.clamped(to: 0..<scalars.count)]
    }

    private static func lastIndex(in starts: [Int], notAfter offset: Int) -> Int {
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}

/// How a file's text was obtained.
public enum SourceFormat: String, Sendable, CaseIterable {
    /// Plain text, read as it is.
    case text
    /// An HTML page: the text of its body, scripts and styles dropped, block elements as paragraphs.
    case html
    /// A PDF: the text `pdftotext` extracts in reading order; pages end with form feeds.
    case pdf
}

/// The character encodings doppel reads.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// Parses a user-given name, case-insensitively, accepting common aliases
    /// (`utf8`, `utf-16le`, `gbk`, `gb2312`, `big5-hkscs`).
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
        case "big5", "big-5", "cp950", "big5-hkscs": self = .big5
        default: return nil
        }
    }
}

/// Where lines and pages begin, indexed a run of code points at a time: a line ends at `\n`,
/// `\r\n`, a lone `\r` or a form feed, and a form feed that is not the text's last code point
/// begins a page.
struct LineStarts: Sendable {
    /// Offsets where each line begins; `[0]` before any break.
    var lines = [0]
    /// Offsets where each page begins; `[0]` before any form feed.
    var pages = [0]

    /// Indexes the breaks at `from ..< to` of the `count` code points at `u` (the text so far, or
    /// all of it), and returns where the next run begins: `to`, or one past it when a `\r\n`
    /// spans its end.
    ///
    /// - Precondition: `to < count` unless the text ends at `count` (a break is judged by the
    ///   code point after it).
    /// - Complexity: O(to - from).
    mutating func scan(_ u: UnsafePointer<UInt32>, from: Int, to: Int, count n: Int) -> Int {
        var i = from
        while i < to {
            switch u[i] {
            case 0x0A:
                lines.append(i + 1)
            case 0x0D:
                if i + 1 < n, u[i + 1] == 0x0A { i += 1 }
                lines.append(i + 1)
            case 0x0C:
                lines.append(i + 1)
                if i + 1 < n { pages.append(i + 1) }
            default:
                break
            }
            i += 1
        }
        return i
    }
}
