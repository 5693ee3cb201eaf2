/// The furthest-reaching points of one Myers search: for each diagonal k = x − y of the edit
/// graph, the furthest x reached on it, or −1 when the search has not reached it. Indexed by k
/// itself, negative or not, as Myers 1986 writes `V[−d … d]` (Rust's `similar` keeps the same
/// vector as `struct V` in `src/algorithms/myers.rs`).
///
/// A view on storage its creator owns: it neither allocates nor frees. Access is unchecked in
/// release builds (the innermost loop of the diff reads two entries and writes one per diagonal)
/// and asserted to lie in `diagonals` in debug builds.
struct DiagonalVector {
    /// Diagonal 0 of the storage.
    ///
    /// Invariant: `origin + k` lies inside the storage for every k in `diagonals`, and the
    /// storage outlives this value. `MyersDiff.script` keeps it so: it makes the vectors inside
    /// the `withUnsafeMutableBufferPointer` of the arrays that hold them, and the engine that
    /// holds the vectors does not escape that closure.
    private let origin: UnsafeMutablePointer<Int32>
    /// The diagonals the storage holds.
    let diagonals: ClosedRange<Int>

    /// A vector over `storage` whose element `zero` holds diagonal 0, so that it holds
    /// diagonals `-zero ... storage.count - 1 - zero`.
    ///
    /// - Precondition: `0 <= zero < storage.count`.
    /// - Complexity: O(1).
    init(_ storage: UnsafeMutableBufferPointer<Int32>, zero: Int) {
        precondition(zero >= 0 && zero < storage.count, "diagonal 0 lies outside the storage")
        origin = storage.baseAddress! + zero
        diagonals = -zero...(storage.count - 1 - zero)
    }

    /// The furthest x reached on diagonal `k`, or −1. Values are stored in 32 bits: x is a
    /// position in a token sequence (`MyersDiff` sequences are shorter than 2³¹ tokens).
    ///
    /// - Complexity: O(1).
    subscript(k: Int) -> Int {
        @inline(__always) get {
            assert(diagonals.contains(k), "diagonal \(k) outside \(diagonals)")
            return Int(origin[k])
        }
        @inline(__always) nonmutating set {
            assert(diagonals.contains(k), "diagonal \(k) outside \(diagonals)")
            origin[k] = Int32(truncatingIfNeeded: newValue)
        }
    }
}
