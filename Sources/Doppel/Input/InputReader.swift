import Foundation

/// How to read inputs: a forced encoding or format, or detection when nil.
public struct InputOptions: Sendable {
    public var encoding: TextEncoding?
    public var format: SourceFormat?
    public init(encoding: TextEncoding? = nil, format: SourceFormat? = nil) {
        self.encoding = encoding
        self.format = format
    }
}

/// Reads a path (or `-`) into a `SourceText`.
public enum InputReader {
    public static func read(path: String, options: InputOptions) throws -> SourceText {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DoppelError.unreadable(path: path, reason: "no such file")
        }
        guard let string = String(data: data, encoding: .utf8) else {
            throw DoppelError.notText(path: path, reason: "invalid UTF-8")
        }
        return SourceText(path: path, text: string)
    }
}
