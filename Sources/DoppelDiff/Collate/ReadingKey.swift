import DoppelIO
import DoppelText

/// What makes two readings the same: their tokens, as the diff sees them. Spaces are dropped
/// except one between two letters or digits (which separates two words), so `a, b` and `a,b`
/// are one reading and `ab` and `a b` are two.
enum ReadingKey {
    /// The key of `text.units[range]`.
    ///
    /// - Complexity: O(range.count).
    static func of(_ text: NormalizedText, _ range: Range<Int>) -> [UInt32] {
        var key: [UInt32] = []
        key.reserveCapacity(range.count)
        var spaced = false
        var previousIsWord = false
        for u in text.units[range] {
            let cls = ScriptClass.of(u)
            if cls == .space {
                spaced = true
                continue
            }
            if spaced && previousIsWord && cls.isWordPart { key.append(0x20) }
            key.append(u)
            previousIsWord = cls.isWordPart
            spaced = false
        }
        return key
    }

    /// `range` without the spaces at either end.
    static func trimmed(_ text: NormalizedText, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && ScriptClass.of(text.units[lo]) == .space { lo += 1 }
        while hi > lo && ScriptClass.of(text.units[hi - 1]) == .space { hi -= 1 }
        return lo..<hi
    }
}
