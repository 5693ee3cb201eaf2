/// Writes a report file atomically: the bytes go to a temporary file in the destination's
/// folder, which is then renamed over the destination, so a reader never sees half a report
/// and an interrupted run leaves the old file as it was. Devices, FIFOs and symbolic links are
/// handled as `AtomicFile` describes.
public enum OutputFile {
    /// Writes `bytes` to `path` through a temporary sibling file and `rename(2)` (see
    /// `AtomicFile`).
    ///
    /// `onTemporary` is called with the temporary path before writing and with `nil` once it is
    /// gone (renamed or removed), so a signal handler can remove it if the process is killed.
    ///
    /// - Complexity: O(n) in the size of the output.
    /// - Throws: `DoppelError.unwritable` naming the destination.
    public static func write(
        _ bytes: [UInt8], to path: String, options: OutputOptions = .standard,
        onTemporary: @escaping (String?) -> Void = { _ in }
    ) throws {
        let file = try AtomicFile(path: path, options: options, onTemporary: onTemporary)
        try file.append(bytes)
        try file.commit()
    }

    /// Writes the UTF-8 of `text` to `path` as `write(_:to:options:onTemporary:)` does, from
    /// the string's own storage: a report is not copied into an array first, which would hold
    /// it twice at the peak.
    ///
    /// - Complexity: O(n) in the size of the output.
    /// - Throws: `DoppelError.unwritable` naming the destination.
    public static func write(
        _ text: String, to path: String, options: OutputOptions = .standard,
        onTemporary: @escaping (String?) -> Void = { _ in }
    ) throws {
        let file = try AtomicFile(path: path, options: options, onTemporary: onTemporary)
        var text = text
        try text.withUTF8 { try file.write(UnsafeRawBufferPointer($0), at: 0) }
        try file.commit()
    }
}
