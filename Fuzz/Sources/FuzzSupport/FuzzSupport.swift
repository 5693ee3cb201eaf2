import Doppel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libFuzzer's entry point for programs with their own `main` (`-sanitize=fuzzer` links it).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// What the fuzz targets share: reading libFuzzer's input and stopping loudly when a property
/// fails. A failed property traps, which libFuzzer records as a crash with its input.
public enum Fuzz {
    /// Runs libFuzzer with the command line's options on `target`, then exits with its status.
    /// An executable's `main` is Swift's, so libFuzzer's own `main` is not linked; this is it.
    public static func main(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, target))
    }

    /// The input as bytes.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Bytes read as UTF-8, each bad sequence as U+FFFD, so that every input gives text.
    public static func scalars<C: Collection<UInt8>>(_ bytes: C) -> [Unicode.Scalar] {
        Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    }

    /// Stops the process with `message` when `condition` is false.
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("property failed: \(message())") }
    }

    /// The normaliser's contract on `text`, normalised from `count` code points: one non-empty
    /// origin per unit, monotonic and inside the original; paragraphs ascending, starting at 0.
    public static func requireMap(_ text: NormalizedText, count: Int) {
        require(text.origins.count == text.count, "map is not total")
        var previous = 0..<0
        for (i, origin) in text.origins.ranges(0..<text.count).enumerated() {
            require(
                !origin.isEmpty && origin.lowerBound >= previous.lowerBound
                    && origin.upperBound >= previous.upperBound && origin.upperBound <= count,
                "unit \(i) maps to \(origin) after \(previous), \(count) code points")
            previous = origin
        }
        require(text.paragraphStarts.first.map { $0 == 0 } ?? text.units.isEmpty, "first paragraph not at 0")
        require(
            zip(text.paragraphStarts, text.paragraphStarts.dropFirst()).allSatisfy { $0 < $1 },
            "paragraphs not ascending")
        require(text.paragraphStarts.allSatisfy { $0 < max(text.count, 1) }, "paragraph past the end")
    }
}
