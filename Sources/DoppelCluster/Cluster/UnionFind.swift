/// Disjoint sets over `0 ..< count` with path compression and union by size (Tarjan 1975):
/// nearly constant time per operation.
struct UnionFind {
    private var parent: [Int32]
    private var size: [Int32]

    /// `count` singletons.
    init(count: Int) {
        precondition(count <= Int(Int32.max))
        parent = (0..<count).map { Int32($0) }
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of `element`'s set.
    ///
    /// - Complexity: amortised O(α(n)).
    mutating func find(_ element: Int) -> Int {
        var root = element
        while Int(parent[root]) != root { root = Int(parent[root]) }
        var node = element
        while node != root {
            let next = Int(parent[node])
            parent[node] = Int32(root)
            node = next
        }
        return root
    }

    /// Joins the sets of `a` and `b`; false when they were already one set.
    ///
    /// - Complexity: amortised O(α(n)).
    @discardableResult
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        var rootA = find(a)
        var rootB = find(b)
        if rootA == rootB { return false }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = Int32(rootA)
        size[rootA] += size[rootB]
        return true
    }
}
