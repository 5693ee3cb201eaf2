import DoppelDiff
import DoppelIO
import DoppelText

/// Every occurrence of a short run of units in a fixed text, found through a table of the text's
/// bigrams (two consecutive units), so a lookup costs the occurrences of the form's rarest bigram
/// instead of a scan of the text.
///
/// The table is a compressed bucket array: each bigram hashes (a fixed multiplicative hash, the
/// same on every run) to one of a power-of-two number of buckets, and a bucket lists, ascending, the
/// positions where a bigram of that bucket starts. A lookup takes the form's bigram whose bucket
/// is shortest and checks each listed position against the whole form, so bucket collisions
/// cost time, never a wrong answer.
///
/// ```swift
/// let search = UnitSearch(Array("王女士给王女士".unicodeScalars.map(\.value)))
/// search.occurrences(of: Array("王女士".unicodeScalars.map(\.value)))  // [0, 4]
/// ```
package struct UnitSearch: Sendable {
    /// The text searched.
    package let units: [UInt32]
    /// `bucketStarts[k] ..< bucketStarts[k + 1]` are bucket `k`'s entries in `positions`.
    private let bucketStarts: [UInt32]
    private let positions: [UInt32]
    /// 64 minus the bits of the bucket number.
    private let shift: UInt64

    /// Units the table can hold: positions are stored as 32-bit values.
    package static let maximumUnits = Int(UInt32.max) - 1

    /// Builds the table of `units`.
    ///
    /// - Precondition: `units.count <= maximumUnits` (the caller checks and reports it).
    /// - Complexity: O(n) time, 4n + 4b bytes for b buckets (about n / 8: a bucket array that
    ///   a quarter of the memory to count into and fill, while a lookup checks about 8 positions
    ///   more).
    package init(_ units: [UInt32]) {
        precondition(units.count <= Self.maximumUnits)
        self.units = units
        var bits: UInt64 = 0
        while 1 << bits < max(1, units.count / 8) { bits += 1 }
        let buckets = 1 << Int(bits)
        let shift = 64 - bits
        self.shift = shift
        let pairs = max(0, units.count - 1)
        // Both arrays are written whole before they are read; long ones are backed by huge
        // pages (`HugePages`): each first write to a page is a fault, and most of the cost.
        var starts = [UInt32](unsafeUninitializedCapacity: buckets + 1) { s, count in
            HugePages.advise(s)
            s.initialize(repeating: 0)
            count = buckets + 1
        }
        var positions = [UInt32](unsafeUninitializedCapacity: pairs) { p, count in
            HugePages.advise(p)
            count = pairs
        }
        units.withUnsafeBufferPointer { u in
            starts.withUnsafeMutableBufferPointer { s in
                positions.withUnsafeMutableBufferPointer { p in
                    // Invariant: every index below is `< pairs + 1 <= u.count` or a masked
                    // bucket number `< buckets`, and `s` has `buckets + 1` slots. After the
                    // prefix sums `s[k]` is the end of bucket k; filling backwards moves it to
                    // the bucket's start and leaves each bucket ascending.
                    for i in 0..<pairs { s[Int(Self.bucket(u[i], u[i + 1], shift))] += 1 }
                    for k in 0..<buckets { s[k + 1] += s[k] }
                    for i in stride(from: pairs - 1, through: 0, by: -1) {
                        let k = Int(Self.bucket(u[i], u[i + 1], shift))
                        s[k] -= 1
                        p[Int(s[k])] = UInt32(i)
                    }
                }
            }
        }
        self.bucketStarts = starts
        self.positions = positions
    }

    /// The start of every occurrence of `form` in the text, ascending (overlapping ones too).
    /// A one-unit form is found by a scan of the text.
    ///
    /// - Complexity: O(b · m) for a form of m ≥ 2 units whose rarest bigram's bucket holds b
    ///   positions; O(n) for one unit.
    package func occurrences(of form: [UInt32]) -> [Int] {
        var found: [Int] = []
        forEachOccurrence(of: form[...], wholeWords: false) {
            found.append($0)
            return true
        }
        return found
    }

    /// The occurrences of `form` that do not start or end inside a run of letters and digits
    /// (`cat` in `the cat` but not in `catalogue`); ideographs have no such bounds.
    ///
    /// - Complexity: that of `occurrences(of:)`.
    package func wordOccurrences(of form: [UInt32]) -> [Int] {
        var found: [Int] = []
        forEachOccurrence(of: form[...], wholeWords: true) {
            found.append($0)
            return true
        }
        return found
    }

    /// The number of `wordOccurrences(of:)`, without collecting them, counted up to `limit` at
    /// most (the search stops there: a caller that only asks "twice?" or "more than 8?" does not
    /// pay for the occurrences past it); `each` sees every start counted, ascending.
    ///
    /// - Complexity: that of `occurrences(of:)`, less when the count reaches `limit` early.
    package func wordCount(
        of form: ArraySlice<UInt32>, upTo limit: Int = .max, _ each: (Int) -> Void = { _ in }
    ) -> Int {
        var count = 0
        guard limit > 0 else { return 0 }
        forEachOccurrence(of: form, wholeWords: true) {
            count += 1
            each($0)
            return count < limit
        }
        return count
    }

    /// Calls `body` with the start of each occurrence of `form`, ascending, until it returns false.
    private func forEachOccurrence(of form: ArraySlice<UInt32>, wholeWords: Bool, _ body: (Int) -> Bool) {
        let m = form.count
        guard m > 0, m <= units.count else { return }
        let f = form.startIndex
        units.withUnsafeBufferPointer { u in
            // Invariant: every index read from `u` is checked against `u.count` first.
            // A cut can split a word only where the form itself begins or ends with a letter
            // or digit: ideographs and punctuation need no check.
            let checkStart = wholeWords && ScriptClass.of(form[f]).isWordPart
            let checkEnd = wholeWords && ScriptClass.of(form[f + m - 1]).isWordPart
            func clean(_ start: Int) -> Bool {
                (!checkStart || Self.cutIsClean(u, start)) && (!checkEnd || Self.cutIsClean(u, start + m))
            }
            if m == 1 {
                for i in 0..<u.count where u[i] == form[f] && clean(i) {
                    if !body(i) { return }
                }
                return
            }
            var best = 0
            var bestRange = bucket(form[f], form[f + 1])
            for j in 1..<(m - 1) {
                let range = bucket(form[f + j], form[f + j + 1])
                if range.count < bestRange.count { (best, bestRange) = (j, range) }
            }
            for entry in bestRange {
                let start = Int(positions[entry]) - best
                guard start >= 0, start + m <= u.count else { continue }
                var equal = true
                for j in 0..<m where u[start + j] != form[f + j] {
                    equal = false
                    break
                }
                if equal && clean(start) && !body(start) { return }
            }
        }
    }

    /// True when a cut before unit `i` does not split a run of letters and digits.
    ///
    /// - Complexity: O(1).
    static func cutIsClean(_ units: UnsafeBufferPointer<UInt32>, _ i: Int) -> Bool {
        guard i > 0, i < units.count else { return true }
        return !(ScriptClass.of(units[i - 1]).isWordPart && ScriptClass.of(units[i]).isWordPart)
    }

    /// As `cutIsClean(_:_:)` on an array.
    static func cutIsClean(_ units: [UInt32], _ i: Int) -> Bool {
        units.withUnsafeBufferPointer { cutIsClean($0, i) }
    }

    private func bucket(_ u0: UInt32, _ u1: UInt32) -> Range<Int> {
        let k = Int(Self.bucket(u0, u1, shift))
        return Int(bucketStarts[k])..<Int(bucketStarts[k + 1])
    }

    /// Fibonacci hashing of the bigram (Knuth, TAOCP vol. 3, 6.4): the top bits of the product
    /// with 2⁶⁴/φ; a fixed function, the same on every run.
    @inline(__always)
    private static func bucket(_ u0: UInt32, _ u1: UInt32, _ shift: UInt64) -> UInt64 {
        ((UInt64(u0) << 32 | UInt64(u1)) &* 0x9E37_79B9_7F4A_7C15) >> shift
    }
}
