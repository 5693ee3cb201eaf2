/// Minimal edit scripts between integer sequences: Eugene W. Myers, "An O(ND) Difference
/// Algorithm and Its Variations", Algorithmica 1(2), 1986, in its linear-space form (section 4b:
/// find the middle snake by searching from both ends at once, then divide and conquer).
///
/// Work is bounded by a deterministic cost budget rather than by time. The cost of a search is
/// the number of diagonals it extends plus the number of token pairs its snakes compare, summed
/// over all subproblems. When a search would take the total past the budget, that subproblem and
/// every later one are solved by the fallback instead (see `PatienceFallback.swift`): anchor on
/// tokens unique in both sides and increasing in both, as patience diff does, recurse into the
/// gaps, and replace what is left. The fallback's script is valid but may not be minimal, and the
/// result says so with `exact == false`.
public enum MyersDiff {
    /// The edit script from `a` to `b`.
    ///
    /// Ids must be non-negative; the fallback keeps tables of size `max(id) + 1`, so dense ids
    /// (as `DiffTokenizer` gives) keep it small.
    ///
    /// - Parameter costBudget: the most work to spend on minimal scripts (see the type's
    ///   documentation); 0 sends everything past the common prefix and suffix to the fallback.
    /// - Complexity: O((n + m) · D) for a minimal script, where D is the edit distance, and
    ///   O(`costBudget` + (n + m) log(n + m)) in any case; memory O(n + m).
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
            // Diagonals of any subproblem lie in -m ... n, so one pair of vectors serves them all.
            var forward = [Int32](repeating: -1, count: n + m + 1)
            var backward = [Int32](repeating: -1, count: n + m + 1)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    forward.withUnsafeMutableBufferPointer { vf in
                        backward.withUnsafeMutableBufferPointer { vb in
                            var engine = MyersEngine(
                                a: pa, b: pb, forward: vf.baseAddress! + m,
                                backward: vb.baseAddress! + m, remaining: costBudget, matches: list)
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

    /// Appends the matched runs of `a[aLo..<aHi]` against `b[bLo..<bHi]`.
    mutating func solve(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) {
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
        if aLo < aHi && bLo < bHi {
            if remaining > 0, let (x, y) = middleSnake(aLo, aHi, bLo, bHi) {
                solve(aLo, x, bLo, y)
                solve(x, aHi, y, bHi)
            } else {
                remaining = 0
                fallback(aLo, aHi, bLo, bHi, depth: 0)
            }
        }
        matches.append(a: aHi, b: bHi, count: suffix)
    }

    /// A point on a minimal path through the box `a[aLo..<aHi]` × `b[bLo..<bHi]`, strictly inside
    /// it, or nil when the search would exceed the remaining budget. Both sides must be non-empty,
    /// their first tokens must differ and so must their last tokens.
    ///
    /// Both searches keep every point inside the box: a move is taken only from a predecessor
    /// from which it stays inside. A furthest point blocked that way (right move from x = n, down
    /// move from y = m) is never on a minimal path, since walking along the edge from the
    /// blocking point is cheaper, so the searches meet at the same round as the unbounded ones.
    /// The split is the forward point where they meet, after its snake; distances to the end do
    /// not grow along a diagonal, so a minimal path passes through it.
    private mutating func middleSnake(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int)
        -> (Int, Int)?
    {
        let n = aHi - aLo
        let m = bHi - bLo
        let pa = a.baseAddress! + aLo
        let pb = b.baseAddress! + bLo
        let ra = a.baseAddress! + (aHi - 1)  // ra[-x'] is the x'-th token from the end
        let rb = b.baseAddress! + (bHi - 1)
        let vf = forward
        let vb = backward
        let delta = n - m
        let odd = delta & 1 != 0
        var work = 0
        // The diagonals each search filled in its last round; empty before round 0.
        var fLo = 1, fHi = 0
        var bLoK = 1, bHiK = 0
        for d in 0...((n + m + 1) / 2) {
            var lo = max(-d, -m)
            if (lo ^ d) & 1 != 0 { lo += 1 }
            var hi = min(d, n)
            if (hi ^ d) & 1 != 0 { hi -= 1 }

            var k = lo
            while k <= hi {
                var x = d == 0 ? 0 : -1
                if k - 1 >= fLo && k - 1 <= fHi {
                    let from = Int(vf[k - 1])
                    if from >= 0 && from < n { x = from + 1 }
                }
                if k + 1 >= fLo && k + 1 <= fHi {
                    let from = Int(vf[k + 1])
                    if from > x && from - k - 1 < m { x = from }
                }
                if x >= 0 {
                    var y = x - k
                    let x0 = x
                    while x < n && y < m && pa[x] == pb[y] {
                        x += 1
                        y += 1
                    }
                    work += x - x0
                    if odd && delta - k >= bLoK && delta - k <= bHiK {
                        let other = Int(vb[delta - k])
                        if other >= 0 && x + other >= n {
                            remaining -= work
                            return (aLo + x, bLo + y)
                        }
                    }
                }
                vf[k] = Int32(x)
                k += 2
            }
            fLo = lo
            fHi = hi
            work += (hi - lo) / 2 + 1

            k = lo
            while k <= hi {
                var x = d == 0 ? 0 : -1
                if k - 1 >= bLoK && k - 1 <= bHiK {
                    let from = Int(vb[k - 1])
                    if from >= 0 && from < n { x = from + 1 }
                }
                if k + 1 >= bLoK && k + 1 <= bHiK {
                    let from = Int(vb[k + 1])
                    if from > x && from - k - 1 < m { x = from }
                }
                if x >= 0 {
                    var y = x - k
                    let x0 = x
                    while x < n && y < m && ra[-x] == rb[-y] {
                        x += 1
                        y += 1
                    }
                    work += x - x0
                    if !odd && delta - k >= fLo && delta - k <= fHi {
                        let other = Int(vf[delta - k])
                        if other >= 0 && x + other >= n {
                            remaining -= work
                            return (aLo + other, bLo + other - (delta - k))
                        }
                    }
                }
                vb[k] = Int32(x)
                k += 2
            }
            bLoK = lo
            bHiK = hi
            work += (hi - lo) / 2 + 1
            if work > remaining { return nil }
        }
        return nil
    }
}
