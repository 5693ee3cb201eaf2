import Doppel
import FuzzSupport

/// `Comparer.compare` on two texts: the input split at its first 0xFF byte (never in UTF-8), the
/// diff's cost budget chosen by the first byte (0, 300, 20,000 or the default) so that the
/// fallback is fuzzed too. Properties: never a crash; each pair's edits are ascending and inside
/// it, and applied to A's units they give B's units (spaces aside: spacing alone is no edit);
/// both reports render.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDiff(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let budgets = [0, 300, 20_000, DiffOptions.standard.costBudget]
    let bytes = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let split = bytes.firstIndex(of: 0xFF) ?? bytes.count / 2
    let a = SourceText(path: "a", scalars: Fuzz.scalars(bytes[..<split]))
    let b = SourceText(path: "b", scalars: Fuzz.scalars(bytes[min(split + 1, bytes.count)...]))
    var options = ComparisonOptions.standard
    options.diff = try! DiffOptions(costBudget: budgets[Int(data[0]) % budgets.count])
    let c = Comparer.compare(a, b, options: options)
    for pc in c.pairs {
        var endA = pc.pair.a.lowerBound
        var endB = pc.pair.b.lowerBound
        for edit in pc.edits {
            Fuzz.require(edit.a.lowerBound >= endA && edit.b.lowerBound >= endB, "edits overlap or go back")
            endA = edit.a.upperBound
            endB = edit.b.upperBound
        }
        Fuzz.require(endA <= pc.pair.a.upperBound && endB <= pc.pair.b.upperBound, "an edit leaves its pair")
        let rebuilt = TextDiff.apply(pc.edits, from: c.textA, pc.pair.a, to: c.textB)
        Fuzz.require(
            rebuilt.filter { $0 != 0x20 } == c.textB.units[pc.pair.b].filter { $0 != 0x20 },
            "edits of pair \(pc.pair.a) → \(pc.pair.b) do not rebuild B")
    }
    _ = DiffReport.text(c)
    _ = DiffReport.json(c)
    return 0
}

Fuzz.main(fuzzDiff)
