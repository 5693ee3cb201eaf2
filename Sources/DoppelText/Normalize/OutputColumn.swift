/// An append-only column of the normaliser's output, written in place into the uninitialised
/// storage of the array it becomes (`Array(unsafeUninitializedCapacity:)`), so a long text's
/// units and map are neither copied nor touched twice. Past the capacity, appends are dropped
/// and only counted (`wanted`, `peak`), and the caller folds again with that much room.
///
/// Lifetime: `base` points into the storage that `Array(unsafeUninitializedCapacity:)` lends to
/// its initialising closure (in `Normalizer.normalize(_:lines:capacity:)` and
/// `OriginMap.build(capacity:_:)`), and is valid only inside that closure. The column is made
/// there, lives in values made in the same closure, and its `count` is handed back as the
/// array's initialised count before the closure returns; neither escapes it.
///
/// Invariants: `0 <= count <= capacity` and `count <= wanted <= peak`; elements `0 ..< count`
/// are initialised and nothing at or past `count` is read. Until the first dropped append
/// (`overflowed`), `count == wanted` and element `i` is the `i`th element appended and not
/// removed. From then on nothing more is stored: removals only shorten `count`, so the elements
/// kept are still the first ones appended, and the caller discards the column (`overflowed` stays
/// true) and folds again with room for `peak`.
struct OutputColumn<Element: BitwiseCopyable> {
    private let base: UnsafeMutablePointer<Element>?
    private let capacity: Int
    private(set) var count = 0
    /// Elements appended and not removed, kept or dropped.
    private(set) var wanted = 0
    /// The most elements the column held at once, kept or dropped: the room it needed.
    private(set) var peak = 0

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress
        capacity = buffer.count
    }

    /// True once an append was dropped for want of room.
    var overflowed: Bool { peak > capacity }

    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base![count - 1] : nil }

    /// Element `i`, which must be below `count`.
    subscript(i: Int) -> Element {
        @inline(__always) get { base![i] }
        @inline(__always) set { base![i] = newValue }
    }

    /// The elements `range` (below `count`), valid while the column's storage is.
    func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
    }

    /// Counts `added` more elements and says whether they are to be stored at `count`.
    @inline(__always)
    private mutating func grow(by added: Int) -> Bool {
        wanted += added
        if wanted > peak { peak = wanted }
        return peak <= capacity
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        guard grow(by: 1) else { return }
        base![count] = element
        count += 1
    }

    /// Appends `element` `n` times.
    @inline(__always)
    mutating func append(repeating element: Element, count n: Int) {
        guard grow(by: n) else { return }
        (base! + count).initialize(repeating: element, count: n)
        count += n
    }

    mutating func removeLast() {
        wanted -= 1
        count = min(count, wanted)
    }

    /// Drops the elements from `newCount` on.
    ///
    /// - Precondition: `newCount <= wanted`.
    mutating func removeAll(from newCount: Int) {
        wanted = newCount
        count = min(count, newCount)
    }
}

extension OutputColumn where Element == UInt32 {
    /// Appends the values of `s[run]`.
    @inline(__always)
    mutating func append(contentsOf s: UnsafeBufferPointer<Unicode.Scalar>, _ run: Range<Int>) {
        guard grow(by: run.count), !run.isEmpty else { return }
        // A `Unicode.Scalar` is its 32-bit value (same size, stride and alignment), and `run`
        // lies inside `s`: the run is copied whole into the uninitialised room past `count`.
        (s.baseAddress! + run.lowerBound).withMemoryRebound(to: UInt32.self, capacity: run.count) {
            (base! + count).initialize(from: $0, count: run.count)
        }
        count += run.count
    }
}
