import Doppel
import FuzzSupport

/// `Normalizer().normalize` on any text, with the layout and folds chosen by the first byte.
/// Properties: never a crash; the map is total, monotonic and inside the original; the units do
/// not depend on whether the map is kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let flags = data[0]
    let scalars = Fuzz.scalars(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let layouts = NormalizationOptions.Layout.allCases
    var options = NormalizationOptions(
        layout: layouts[Int(flags & 3) % layouts.count],
        ignoreCase: flags & 4 != 0, ignorePunctuation: flags & 8 != 0,
        foldVariants: flags & 16 != 0)
    let text = Normalizer(options: options).normalize(scalars)
    Fuzz.requireMap(text, count: scalars.count)
    options.keepMap = false
    let lean = Normalizer(options: options).normalize(scalars)
    Fuzz.require(
        lean.units == text.units && lean.paragraphStarts == text.paragraphStarts,
        "units differ without the map")
    return 0
}

Fuzz.main(fuzzNormalize)
