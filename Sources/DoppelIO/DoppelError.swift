/// Every failure the library reports. Each message names the input and the problem in one line,
/// so the executable can print it as `doppel: MESSAGE` and exit with status 2.
public enum DoppelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The bytes are not text in any supported encoding (NUL bytes, undecodable, binary format).
    case notText(path: String, reason: String)
    /// The encoding forced with `--encoding` is unknown or does not decode the bytes.
    case badEncoding(path: String, reason: String)
    /// A PDF was given but `pdftotext` is missing or failed.
    case pdfExtraction(path: String, reason: String)
    /// A JSON Lines record is malformed, lacks its text, or repeats an id.
    case badRecord(path: String, line: Int, reason: String)
    /// An index file is damaged, of an unknown version, or does not match its checksum.
    case badIndex(path: String, reason: String)
    /// An output file could not be written.
    case unwritable(path: String, reason: String)
    /// A configuration value is out of range (the executable turns this into a usage error).
    case invalidOption(name: String, reason: String)

    /// A short reason for a system error number, in the words the messages use ("no such
    /// file", "permission denied", "no space left on device").
    public static func reason(errno code: Int32) -> String { FileBytes.reason(code) }

    /// The message on one line: control characters in names and reasons (a file name may hold a
    /// line break) are escaped (`DisplayName.oneLine`).
    public var description: String { DisplayName.oneLine(message) }

    private var message: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot read (\(reason))"
        case let .notText(path, reason): return "\(path): not text (\(reason))"
        case let .badEncoding(path, reason): return "\(path): bad encoding (\(reason))"
        case let .pdfExtraction(path, reason): return "\(path): cannot extract PDF text (\(reason))"
        case let .badRecord(path, line, reason): return "\(path):\(line): bad record (\(reason))"
        case let .badIndex(path, reason): return "\(path): bad index (\(reason))"
        case let .unwritable(path, reason): return "\(path): cannot write (\(reason))"
        case let .invalidOption(name, reason): return "invalid value for \(name): \(reason)"
        }
    }
}
