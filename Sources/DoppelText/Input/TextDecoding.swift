import DoppelIO
import Foundation

/// Text decoded from bytes: the code points and the encoding they were read with.
public struct DecodedText: Sendable, Equatable {
    /// The text, one element per Unicode code point; a byte order mark is not included. Line
    /// ends are kept as they were (`\r\n`, `\r`, `\n`, form feeds).
    public var scalars: [Unicode.Scalar]
    /// The encoding the bytes were read with.
    public var encoding: TextEncoding

    /// Pairs decoded code points with their encoding.
    public init(scalars: [Unicode.Scalar], encoding: TextEncoding) {
        self.scalars = scalars
        self.encoding = encoding
    }
}

/// Turns the bytes of a file into code points, detecting the encoding unless one is forced.
///
/// Detection, in this order (offsets in messages are 0-based byte offsets into the input):
/// 1. Empty input is empty UTF-8 text.
/// 2. A byte order mark decides: `EF BB BF` UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE; the mark is
///    dropped and the rest must decode strictly in that encoding, else `notText`.
/// 3. Known binary signatures (PNG, JPEG, GIF, ZIP, ELF, gzip, xz, 7z, PDF) are `notText`.
/// 4. Input with NUL bytes, of an even length, and not 95% printable ASCII (which is ASCII text
///    with stray NULs), may be UTF-16 without a byte order mark. A byte
///    order is a candidate when the whole input decodes strictly in it, to no NUL character, with
///    at most 1% controls, private-use or noncharacter code points and at most 1% unassigned
///    ones (among the first 65,536): the wrong order of real text lands on unpaired surrogates,
///    private use and unassigned code points within a few dozen characters, and binary data on
///    NUL characters and controls. Among the candidates, the order the bytes point to wins: the
///    side of the code units whose bytes vary less holds the high bytes, since text keeps to a
///    few Unicode blocks (`UTF16Decoding.byteOrderFromByteVariety`), or else the side the NULs
///    fall on (ASCII puts them there, `UTF16Decoding.byteOrderFromNULs`; in Chinese text `一`,
///    `　` and other code points whose low byte is zero put them on the other side, which is
///    why the variety comes first). When the bytes point nowhere (a short text), a single
///    candidate wins whatever its script, and of two the one that `TextPlausibility` scores
///    higher, if it reaches the 0.3 threshold. Otherwise the input is binary (`notText`,
///    "binary data: NUL byte at offset N").
/// 5. Valid UTF-8 is UTF-8 (so ASCII is UTF-8).
/// 6. Otherwise GB18030, Big5 and, for an even number of bytes, UTF-16LE and UTF-16BE are each
///    tried and the decoded texts scored (`TextPlausibility`: share of frequent Han characters
///    and CJK punctuation, minus private-use, replacement, control and rare characters). The best
///    score wins if it reaches 0.3 (ties go to GB18030); if none does, the input is `notText`
///    ("invalid UTF-8 at offset N and not GB18030 or Big5"). A UTF-8 file damaged by a few bad
///    bytes is thus rejected with the offset of the first one: its bytes read as GB18030 or Big5
///    score far below the threshold.
///
/// A forced encoding skips detection: a byte order mark of that encoding is dropped and the bytes
/// must decode strictly, else `badEncoding`. NUL bytes and binary signatures are not checked then.
public enum TextDecoding {
    /// Decodes `bytes`, detecting the encoding unless `forced` is given.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - path: the file's name, for error messages.
    ///   - forced: the encoding given with `--encoding`, or `nil` to detect it.
    /// - Throws: `DoppelError.notText` when detection fails, `DoppelError.badEncoding` when the
    ///   forced encoding does not decode the bytes.
    /// - Complexity: O(n) in the number of bytes; UTF-8 runs at memory speed, the GB18030 and
    ///   Big5 guesses decode the input up to four times.
    public static func decode(_ bytes: [UInt8], path: String, forced: TextEncoding? = nil) throws
        -> DecodedText
    {
        if let forced { return try decode(bytes, path: path, as: forced) }
        if bytes.isEmpty { return DecodedText(scalars: [], encoding: .utf8) }
        if let encoding = byteOrderMarkEncoding(bytes) {
            return try decodeStrictly(bytes, as: encoding, path: path) { .notText(path: path, reason: $0) }
        }
        if let kind = binarySignature(bytes) {
            throw DoppelError.notText(path: path, reason: "binary data: \(kind)")
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            if let nul = firstNUL(buffer) {
                if let text = utf16WithoutBOM(buffer) { return text }
                throw DoppelError.notText(path: path, reason: "binary data: NUL byte at offset \(nul)")
            }
            switch UTF8Decoding.decode(buffer) {
            case let .decoded(scalars):
                return DecodedText(scalars: scalars, encoding: .utf8)
            case let .invalid(offset):
                if let guess = bestChineseGuess(bytes, buffer) { return guess }
                throw DoppelError.notText(
                    path: path, reason: "invalid UTF-8 at offset \(offset) and not GB18030 or Big5")
            }
        }
    }

    /// Decodes strictly as `encoding`, dropping a byte order mark of that encoding.
    private static func decode(_ bytes: [UInt8], path: String, as encoding: TextEncoding) throws
        -> DecodedText
    {
        let withBOM = byteOrderMarkEncoding(bytes) == encoding
        return try decodeStrictly(bytes, as: encoding, path: path, skippingBOM: withBOM) {
            .badEncoding(path: path, reason: $0)
        }
    }

    private static func decodeStrictly(
        _ bytes: [UInt8], as encoding: TextEncoding, path: String, skippingBOM: Bool = true,
        error: (String) -> DoppelError
    ) throws -> DecodedText {
        let skip = skippingBOM ? bomLength(encoding) : 0
        switch encoding {
        case .utf8:
            return try bytes.withUnsafeBufferPointer { whole in
                let buffer = UnsafeBufferPointer(rebasing: whole[skip...])
                switch UTF8Decoding.decode(buffer) {
                case let .decoded(scalars):
                    return DecodedText(scalars: scalars, encoding: .utf8)
                case let .invalid(offset):
                    throw error("invalid UTF-8 at offset \(offset + skip)")
                }
            }
        case .utf16LE, .utf16BE:
            return try bytes.withUnsafeBufferPointer { whole in
                let buffer = UnsafeBufferPointer(rebasing: whole[skip...])
                switch UTF16Decoding.decode(buffer, bigEndian: encoding == .utf16BE) {
                case let .decoded(scalars):
                    return DecodedText(scalars: scalars, encoding: encoding)
                case let .invalid(offset):
                    throw error("invalid \(encoding.rawValue) at offset \(offset + skip)")
                }
            }
        case .gb18030, .big5:
            switch ChineseEncodings.decode(bytes, as: encoding) {
            case let .decoded(scalars):
                return DecodedText(scalars: scalars, encoding: encoding)
            case let .invalid(reason):
                throw error(reason)
            }
        }
    }

    private static func bomLength(_ encoding: TextEncoding) -> Int {
        switch encoding {
        case .utf8: return 3
        case .utf16LE, .utf16BE: return 2
        case .gb18030, .big5: return 0
        }
    }

    /// True when an input starting with `head` (its first 16 bytes or more) is decoded by the
    /// UTF-8 step (5) if it is valid UTF-8 without a NUL byte: it has no byte order mark and no
    /// binary signature, which steps 2 and 3 look at first.
    ///
    /// - Complexity: O(1).
    static func reachesUTF8Step(_ head: [UInt8]) -> Bool {
        !head.isEmpty && byteOrderMarkEncoding(head) == nil && binarySignature(head) == nil
    }

    private static func byteOrderMarkEncoding(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        return nil
    }

    private static let signatures: [(magic: [UInt8], kind: String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF87a".utf8), "GIF image"),
        (Array("GIF89a".utf8), "GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
        ([0x50, 0x4B, 0x05, 0x06], "ZIP archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
        ([0x1F, 0x8B], "gzip data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z archive"),
        (Array("%PDF-".utf8), "PDF document"),
    ]

    /// The kind of binary file the bytes start like, if any.
    static func binarySignature(_ bytes: [UInt8]) -> String? {
        signatures.first { bytes.starts(with: $0.magic) }?.kind
    }

    private static func firstNUL(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The input as UTF-16 without a byte order mark, if it reads as text in one order (see
    /// step 4 of the type's rules).
    private static func utf16WithoutBOM(_ buffer: UnsafeBufferPointer<UInt8>) -> DecodedText? {
        guard buffer.count % 2 == 0, !isMostlyASCII(buffer) else { return nil }
        let pointed = UTF16Decoding.byteOrderFromByteVariety(buffer) ?? UTF16Decoding.byteOrderFromNULs(buffer)
        var candidates: [(text: DecodedText, score: Double)] = []
        for bigEndian in pointed.map({ [$0, !$0] }) ?? [false, true] {
            guard case let .decoded(scalars) = UTF16Decoding.decode(buffer, bigEndian: bigEndian),
                !scalars.contains("\0")
            else { continue }
            let plausibility = TextPlausibility(scalars)
            guard plausibility.badShare <= 0.01, unassignedShare(scalars) <= 0.01 else { continue }
            let text = DecodedText(scalars: scalars, encoding: bigEndian ? .utf16BE : .utf16LE)
            if bigEndian == pointed { return text }
            candidates.append((text, plausibility.score))
        }
        if candidates.count == 1 { return candidates[0].text }
        guard let best = candidates.max(by: { $0.score < $1.score }), best.score >= TextPlausibility.threshold
        else { return nil }
        return best.text
    }

    /// True when at least 95% of the bytes (in the first 64 KiB) are printable ASCII or white
    /// space: ASCII text with a stray NUL, whose byte pairs would read as Han characters in
    /// either order. UTF-16 text has a NUL or a byte above 0x7E in nearly every code unit
    /// outside the CJK blocks, and about two thirds of its CJK code units have a low byte outside
    /// printable ASCII.
    private static func isMostlyASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = UnsafeBufferPointer(rebasing: buffer.prefix(65536))
        var ascii = 0
        for byte in sample where (byte >= 0x20 && byte < 0x7F) || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            ascii += 1
        }
        return ascii * 20 >= sample.count * 19
    }

    /// The share of unassigned code points among the first 65,536 of `scalars`.
    private static func unassignedShare(_ scalars: [Unicode.Scalar]) -> Double {
        let sample = scalars.prefix(65536)
        guard !sample.isEmpty else { return 0 }
        var unassigned = 0
        for scalar in sample where scalar.value >= 0x80 && scalar.properties.generalCategory == .unassigned {
            unassigned += 1
        }
        return Double(unassigned) / Double(sample.count)
    }

    /// The best-scoring reading as GB18030, Big5 or BOM-less UTF-16, if it is plausible.
    private static func bestChineseGuess(_ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>)
        -> DecodedText?
    {
        var best: (text: DecodedText, score: Double)?
        func consider(_ scalars: [Unicode.Scalar], _ encoding: TextEncoding) {
            let score = TextPlausibility(scalars).score
            if score >= TextPlausibility.threshold, score > best?.score ?? -.infinity {
                best = (DecodedText(scalars: scalars, encoding: encoding), score)
            }
        }
        for encoding in [TextEncoding.gb18030, .big5] {
            if case let .decoded(scalars) = ChineseEncodings.decode(bytes, as: encoding) {
                consider(scalars, encoding)
            }
        }
        for bigEndian in [false, true] {
            if case let .decoded(scalars) = UTF16Decoding.decode(buffer, bigEndian: bigEndian) {
                consider(scalars, bigEndian ? .utf16BE : .utf16LE)
            }
        }
        return best?.text
    }
}
