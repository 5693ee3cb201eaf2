import Doppel
import FuzzSupport

/// `TextDecoding.decode` on any bytes, detecting or (chosen by the first byte) forcing an
/// encoding. Properties: never a crash; valid UTF-8 without NUL bytes, byte order mark or a
/// binary signature decodes as UTF-8 to exactly its code points; the text indexes its lines.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let bytes = Fuzz.bytes(data + 1, size - 1)
    let choices: [TextEncoding?] = [nil, nil, nil, .utf8, .utf16LE, .utf16BE, .gb18030, .big5]
    let forced = choices[Int(data[0]) % choices.count]
    guard let decoded = try? TextDecoding.decode(bytes, path: "fuzz", forced: forced) else { return 0 }
    if forced == nil, let string = String(validating: bytes, as: UTF8.self), !bytes.contains(0),
        !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
        !bytes.isEmpty
    {
        Fuzz.require(
            decoded.encoding == .utf8 && decoded.scalars == Array(string.unicodeScalars),
            "valid UTF-8 read as \(decoded.encoding)")
    }
    let source = SourceText(path: "fuzz", encoding: decoded.encoding, scalars: decoded.scalars)
    Fuzz.require(
        source.lineStarts.first == 0 && source.lineStarts.allSatisfy { $0 <= decoded.scalars.count },
        "line starts outside the text")
    return 0
}

Fuzz.main(fuzzDecode)
