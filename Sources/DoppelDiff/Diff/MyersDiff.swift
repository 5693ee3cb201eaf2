/// Minimal edit scripts between integer sequences: Eugene W. Myers, "An O(ND) Difference
/// Algorithm and Its Variations", Algorithmica 1(2), 1986, in its linear-space form (section 4b:
/// find the middle snake by searching from both ends at once, then divide and conquer).
///
/// Work is bounded by a deterministic cost budget rather than by time. The cost of a search is
/// the number of diagonals it extends plus the number of token pairs its snakes compare, summed
/// over all subproblems. When a search would take the total past the budget, that subproblem and
/// every later one go to the fallback instead (`PatienceFallback.swift`): anchor on runs of
/// tokens that occur equally often on both sides, in the same order, as patience diff anchors on
/// unique lines; recurse into the gaps, diff small gaps exactly, and replace what is left. The
/// fallback's script is valid but may not be minimal, and the result says so with
/// `exact == false`.
public enum MyersDiff {
    /// The edit script from `a` to `b`.
    ///
    /// Ids must be non-negative; the fallback keeps tables of size `max(id) + 1`, so dense ids
    /// (as `DiffTokenizer` gives) keep it small.
    ///
    /// - Parameter costBudget: the most work to spend on minimal scripts (see the type's
    ///   documentation); 0 sends everything past the common prefix and suffix to the fallback.
    /// - Complexity: O((n + m) · D) for a minimal script, where D is the edit distance, and
    ///   O(`costBudget` + (n + m) log(n + m)) in any case (the fallback's depth and small-gap
    ///   size are constants); memory O(n + m + max id).
    public static func script(_ a: [Int32], _ b: [Int32], costBudget: Int) -> TokenScript {
        precondition(costBudget >= 0, "cost budget must not be negative")
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix
            && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        var list = TokenMatchList()
        list.append(a: 0, b: 0, count: prefix)
        let n = a.count - prefix - suffix
        let m = b.count - prefix - suffix
        var exact = true
        if n > 0 && m > 0 {
            // Diagonals of any subproblem lie in -m ... n; with two sentinels on either side, one
            // pair of vectors serves them all.
            var forward = [Int32](repeating: -1, count: n + m + 5)
            var backward = [Int32](repeating: -1, count: n + m + 5)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    forward.withUnsafeMutableBufferPointer { vf in
                        backward.withUnsafeMutableBufferPointer { vb in
                            var engine = MyersEngine(
                                a: pa, b: pb, forward: vf.baseAddress! + m + 2,
                                backward: vb.baseAddress! + m + 2, remaining: costBudget,
                                matches: list)
                            engine.solve(prefix, prefix + n, prefix, prefix + m)
                            list = engine.matches
                            exact = engine.exact
                        }
                    }
                }
            }
        }
        list.append(a: a.count - suffix, b: b.count - suffix, count: suffix)
        return TokenScript(aCount: a.count, bCount: b.count, matches: list.matches, exact: exact)
    }
}

/// The state of one `MyersDiff.script` call: the sequences, the two furthest-reaching vectors,
/// the budget left, and the matched runs found so far (appended in ascending order).
struct MyersEngine {
    let a: UnsafeBufferPointer<Int32>
    let b: UnsafeBufferPointer<Int32>
    /// `forward[k]`: furthest x on diagonal k = x - y of the forward search, or -1.
    let forward: UnsafeMutablePointer<Int32>
    /// `backward[k]`: furthest x' on diagonal k = x' - y' of the search over the reversed
    /// sequences, or -1.
    let backward: UnsafeMutablePointer<Int32>
    var remaining: Int
    var matches: TokenMatchList
    var exact = true
    /// Per-id tables of the fallback, allocated on first use.
    var fallbackTables = PatienceTables()

    init(a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>,
         forward: UnsafeMutablePointer<Int32>, backward: UnsafeMutablePointer<Int32>,
         remaining: Int, matches: TokenMatchList) {
        self.a = a
        self.b = b
        self.forward = forward
        self.backward = backward
        self.remaining = remaining
        self.matches = matches
    }

    /// Records the common prefix of the box as a match and returns the box without its common
    /// prefix and suffix, and the suffix's length (the caller records it after the middle).
    ///
    /// - Complexity: O(prefix + suffix).
    mutating func trimCommonEnds(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int)
        -> (aLo: Int, aHi: Int, bLo: Int, bHi: Int, suffix: Int) {
        var aLo = aLo, aHi = aHi, bLo = bLo, bHi = bHi
        let start = (aLo, bLo)
        while aLo < aHi && bLo < bHi && a[aLo] == b[bLo] {
            aLo += 1
            bLo += 1
        }
        matches.append(a: start.0, b: start.1, count: aLo - start.0)
        var suffix = 0
        while aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1] {
            aHi -= 1
            bHi -= 1
            suffix += 1
        }
        return (aLo, aHi, bLo, bHi, suffix)
    }

    /// Appends the matched runs of `a[aLo..<aHi]` against `b[bLo..<bHi]`. A `budgeted` solve
    /// charges its searches to `remaining` and hands the subproblem to the fallback when they
    /// would exceed it; an unbudgeted one (the fallback's small gaps) always finishes.
    mutating func solve(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, budgeted: Bool = true) {
        let (aLo, aHi, bLo, bHi, suffix) = trimCommonEnds(aLo, aHi, bLo, bHi)
        if aLo < aHi && bLo < bHi {
            let limit = budgeted ? remaining : Int.max
            if limit > 0, let split = middleSnake(aLo, aHi, bLo, bHi, limit: limit) {
                if budgeted { remaining -= split.work }
                solve(aLo, split.x, bLo, split.y, budgeted: budgeted)
                solve(split.x, aHi, split.y, bHi, budgeted: budgeted)
            } else {
                remaining = 0
                fallback(aLo, aHi, bLo, bHi, depth: 0)
            }
        }
        matches.append(a: aHi, b: bHi, count: suffix)
    }

    /// A point `(x, y)` on a minimal path through the box `a[aLo..<aHi]` × `b[bLo..<bHi]`,
    /// strictly inside it, with the work the search took; nil when that work would exceed
    /// `limit`. Both sides must be non-empty, their first tokens must differ and so must their
    /// last tokens.
    ///
    /// Both searches keep every point inside the box: a move is taken only from a predecessor
    /// from which it stays inside. A furthest point blocked that way (right move from x = n, down
    /// move from y = m) is never on a minimal path, since walking along the edge from the
    /// blocking point is cheaper, so the searches meet at the same round as unbounded ones would.
    /// The split is the forward point where they meet, after its snake; distances to the end do
    /// not grow along a diagonal, so a minimal path passes through it.
    private func middleSnake(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, limit: Int)
        -> (x: Int, y: Int, work: Int)?
    {
        let n = aHi &- aLo
        let m = bHi &- bLo
        let pa = a.baseAddress! + aLo
        let pb = b.baseAddress! + bLo
        let ra = a.baseAddress! + (aHi - 1)  // ra[-x'] is the x'-th token from the end
        let rb = b.baseAddress! + (bHi - 1)
        let vf = forward
        let vb = backward
        let delta = n &- m
        let odd = delta & 1 != 0
        var work = 0
        // Round 0 reads diagonals -1 and 1: a virtual start point on diagonal 1 and nothing on
        // -1, so diagonal 0 starts at x = 0.
        vf[-1] = -1
        vf[1] = 0
        vb[-1] = -1
        vb[1] = 0
        // The diagonals each search filled in its last round (none before round 0).
        var fLo = 0, fHi = 0
        var bLoK = 1, bHiK = 0
        for d in 0...((n + m + 1) / 2) {
            var lo = max(-d, -m)
            if (lo ^ d) & 1 != 0 { lo &+= 1 }
            var hi = min(d, n)
            if (hi ^ d) & 1 != 0 { hi &-= 1 }
            if d > 0 {
                // Neighbours outside last round's diagonals read as unreachable.
                vf[fLo &- 2] = -1
                vf[fHi &+ 2] = -1
                vb[bLoK &- 2] = -1
                vb[bHiK &+ 2] = -1
            }

            var k = lo
            while k <= hi {
                let right = Int(vf[k &- 1])
                let down = Int(vf[k &+ 1])
                var x = right >= 0 && right < n ? right &+ 1 : -1
                if down > x && down &- k &- 1 < m { x = down }
                if x >= 0 {
                    var y = x &- k
                    let x0 = x
                    while x < n && y < m && pa[x] == pb[y] {
                        x &+= 1
                        y &+= 1
                    }
                    work &+= x &- x0
                    let kb = delta &- k
                    if odd && kb >= bLoK && kb <= bHiK {
                        let other = Int(vb[kb])
                        if other >= 0 && x &+ other >= n {
                            return (aLo + x, bLo + y, work + (k - lo) / 2 + 1)
                        }
                    }
                }
                vf[k] = Int32(truncatingIfNeeded: x)
                k &+= 2
            }
            fLo = lo
            fHi = hi
            work &+= (hi &- lo) / 2 &+ 1

            k = lo
            while k <= hi {
                let right = Int(vb[k &- 1])
                let down = Int(vb[k &+ 1])
                var x = right >= 0 && right < n ? right &+ 1 : -1
                if down > x && down &- k &- 1 < m { x = down }
                if x >= 0 {
                    var y = x &- k
                    let x0 = x
                    while x < n && y < m && ra[-x] == rb[-y] {
                        x &+= 1
                        y &+= 1
                    }
                    work &+= x &- x0
                    let kf = delta &- k
                    if !odd && kf >= fLo && kf <= fHi {
                        let other = Int(vf[kf])
                        if other >= 0 && x &+ other >= n {
                            return (aLo + other, bLo + other - kf, work + (k - lo) / 2 + 1)
                        }
                    }
                }
                vb[k] = Int32(truncatingIfNeeded: x)
                k &+= 2
            }
            bLoK = lo
            bHiK = hi
            work &+= (hi &- lo) / 2 &+ 1
            if work > limit { return nil }
        }
        return nil
    }
}
