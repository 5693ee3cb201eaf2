import Doppel
import FuzzSupport

/// `HTMLText.extractText` on any text, then the normaliser on what it gives. Properties: never
/// a crash; the extracted text normalises with a sound map.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let scalars = Fuzz.scalars(UnsafeBufferPointer(start: data, count: size))
    _ = HTMLText.looksLikeHTML(scalars)
    let text = HTMLText.extractText(scalars)
    let source = SourceText(path: "fuzz.html", format: .html, scalars: text)
    Fuzz.requireMap(Normalizer().normalize(source), count: text.count)
    return 0
}

Fuzz.main(fuzzHTML)
