/// An append-only column of the normaliser's output, written in place into the uninitialised
/// storage of the array it becomes (`Array(unsafeUninitializedCapacity:)`), so a long text's
/// units are neither copied nor touched twice. Past the capacity, appends are dropped
/// and only counted (`wanted`), and the caller folds again with that much room.
///
/// Lifetime: `base` points into the storage that `Array(unsafeUninitializedCapacity:)` lends to
/// its initialising closure in `Normalizer.normalize(_:lines:capacity:)`, and is valid only
/// inside that closure. The column is made there, lives in the `Emitter` made in the same closure, and its
/// `count` is handed back as the array's initialised count before the closure returns; neither
/// escapes it.
///
/// Invariants: `0 <= count <= capacity` and `count <= wanted`; elements `0 ..< count` are
/// initialised and nothing at or past `count` is read. While `wanted > count` (some appends were
/// dropped), `last` and the subscript see the last element kept, so the fold may decide
/// differently than with room; its output is then discarded whenever `wanted > capacity` at the
/// end, and the caller folds again with more room.
struct OutputColumn<Element: BitwiseCopyable> {
    private let base: UnsafeMutablePointer<Element>?
    private let capacity: Int
    fileprivate(set) var count = 0
    /// Elements appended and not removed, kept or dropped: the room the column wanted.
    fileprivate(set) var wanted = 0

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress
        capacity = buffer.count
    }

    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base![count - 1] : nil }

    subscript(i: Int) -> Element {
        get { base![i] }
        set { base![i] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        wanted += 1
        guard count < capacity else { return }
        base![count] = element
        count += 1
    }

    mutating func removeLast() {
        if wanted == count { count -= 1 }
        wanted -= 1
    }
}

extension OutputColumn where Element == UInt32 {
    /// Appends the values of `s[run]`.
    @inline(__always)
    mutating func append(contentsOf s: UnsafeBufferPointer<Unicode.Scalar>, _ run: Range<Int>) {
        wanted += run.count
        guard wanted == count + run.count, count + run.count <= capacity else { return }
        var k = count
        for i in run {
            base![k] = s[i].value
            k += 1
        }
        count = k
    }
}
