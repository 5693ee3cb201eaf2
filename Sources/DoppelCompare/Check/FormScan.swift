import DoppelIO
import DoppelText

/// Every whole-word occurrence of a few forms in a text, found in one pass over the text: what
/// the consistency check asks of B, the side it searches for old forms left standing. A pass costs
/// less than building B's bigram table (`UnitSearch`) when the forms are known beforehand: no
/// table of the text's size is written, only a bit set of the forms' first bigrams, which stays
/// in cache.
///
/// ```swift
/// let text = Array("王女士给王女士，李先生".unicodeScalars.map(\.value))
/// FormScan.wordOccurrences(of: [Array("王女士".unicodeScalars.map(\.value))], in: text)  // [[0, 4]]
/// ```
package enum FormScan {
    /// For each form, the start of every occurrence in `units` that does not start or end inside
    /// a run of letters and digits, ascending (overlapping ones too): the same positions as
    /// `UnitSearch(units).wordOccurrences(of: form)`. An empty form has none.
    ///
    /// - Complexity: O(n) for the pass over n units, plus O(m) per position whose bigram starts
    ///   some form of m units (bit-set collisions included).
    package static func wordOccurrences(of forms: [[UInt32]], in units: [UInt32]) -> [[Int]] {
        var found = [[Int]](repeating: [], count: forms.count)
        // Forms of two units or more, by their first bigram; forms of one unit, by that unit.
        var byBigram: [UInt64: [Int]] = [:]
        var byUnit: [UInt32: [Int]] = [:]
        var filter = [UInt64](repeating: 0, count: filterWords)
        for (k, form) in forms.enumerated() where !form.isEmpty && form.count <= units.count {
            if form.count == 1 {
                byUnit[form[0], default: []].append(k)
            } else {
                let key = UInt64(form[0]) << 32 | UInt64(form[1])
                byBigram[key, default: []].append(k)
                let bit = slot(key)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        guard !byBigram.isEmpty || !byUnit.isEmpty else { return found }
        units.withUnsafeBufferPointer { u in
            filter.withUnsafeBufferPointer { f in
                // Invariant: `i + 1 < u.count` inside the bigram test, and a form is compared
                // only where it fits (`i + m <= u.count`); `slot` is below `f.count * 64`.
                func record(_ k: Int, at i: Int) {
                    let form = forms[k]
                    let m = form.count
                    guard i + m <= u.count else { return }
                    for j in 0..<m where u[i + j] != form[j] { return }
                    if ScriptClass.of(form[0]).isWordPart && !UnitSearch.cutIsClean(u, i) { return }
                    if ScriptClass.of(form[m - 1]).isWordPart && !UnitSearch.cutIsClean(u, i + m) { return }
                    found[k].append(i)
                }
                for i in 0..<u.count {
                    if !byUnit.isEmpty, let ks = byUnit[u[i]] {
                        for k in ks { record(k, at: i) }
                    }
                    guard i + 1 < u.count else { continue }
                    let key = UInt64(u[i]) << 32 | UInt64(u[i + 1])
                    let bit = slot(key)
                    guard f[bit >> 6] & (1 << UInt64(bit & 63)) != 0, let ks = byBigram[key] else { continue }
                    for k in ks { record(k, at: i) }
                }
            }
        }
        return found
    }

    /// 64-bit words of the bigram bit set: 2¹⁸ bits, 32 KiB.
    static let filterWords = 1 << 12

    /// The bit of a bigram: the top 18 bits of its Fibonacci hash (a fixed function).
    @inline(__always)
    static func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> 46) }
}
