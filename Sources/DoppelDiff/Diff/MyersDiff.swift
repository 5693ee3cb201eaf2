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
                            // The engine and its vectors live only inside these closures.
                            var engine = MyersEngine(
                                a: pa, b: pb, forward: DiagonalVector(vf, zero: m + 2),
                                backward: DiagonalVector(vb, zero: m + 2), remaining: costBudget,
                                matches: list)
                            engine.solve(prefix..<(prefix + n), prefix..<(prefix + m))
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
///
/// Positions are absolute: a subproblem is the box `xs` × `ys` of the edit graph, x indexing `a`
/// and y indexing `b` as in Myers' paper. An engine lives only inside the `withUnsafe…` closures
/// of `MyersDiff.script`, which keep the storage of its buffers and vectors alive.
struct MyersEngine {
    let a: UnsafeBufferPointer<Int32>
    let b: UnsafeBufferPointer<Int32>
    /// `forward[k]`: furthest x on diagonal k = x - y of the forward search, or -1.
    let forward: DiagonalVector
    /// `backward[k]`: furthest x' on diagonal k = x' - y' of the search over the reversed
    /// sequences, or -1.
    let backward: DiagonalVector
    var remaining: Int
    var matches: TokenMatchList
    var exact = true
    /// Per-id tables of the fallback, allocated on first use.
    var fallbackTables = PatienceTables()

    init(
        a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, forward: DiagonalVector,
        backward: DiagonalVector, remaining: Int, matches: TokenMatchList
    ) {
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
    @inline(__always)
    mutating func trimCommonEnds(_ xs: Range<Int>, _ ys: Range<Int>)
        -> (xs: Range<Int>, ys: Range<Int>, suffix: Int)
    {
        var (aLo, aHi, bLo, bHi) = (xs.lowerBound, xs.upperBound, ys.lowerBound, ys.upperBound)
        while aLo < aHi && bLo < bHi && a[aLo] == b[bLo] {
            aLo += 1
            bLo += 1
        }
        matches.append(a: xs.lowerBound, b: ys.lowerBound, count: aLo - xs.lowerBound)
        var suffix = 0
        while aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1] {
            aHi -= 1
            bHi -= 1
            suffix += 1
        }
        return (aLo..<aHi, bLo..<bHi, suffix)
    }

    /// Appends the matched runs of `a[xs]` against `b[ys]`. A `budgeted` solve charges its
    /// searches to `remaining` and hands the subproblem to the fallback when they would exceed
    /// it; an unbudgeted one (the fallback's small gaps) always finishes.
    mutating func solve(_ xs: Range<Int>, _ ys: Range<Int>, budgeted: Bool = true) {
        let (xs, ys, suffix) = trimCommonEnds(xs, ys)
        if !xs.isEmpty && !ys.isEmpty {
            let limit = budgeted ? remaining : Int.max
            if limit > 0, let split = middleSnake(xs, ys, limit: limit) {
                if budgeted { remaining -= split.work }
                solve(xs.lowerBound..<split.x, ys.lowerBound..<split.y, budgeted: budgeted)
                solve(split.x..<xs.upperBound, split.y..<ys.upperBound, budgeted: budgeted)
            } else {
                remaining = 0
                fallback(xs, ys, depth: 0)
            }
        }
        matches.append(a: xs.upperBound, b: ys.upperBound, count: suffix)
    }

    /// A point `(x, y)` on a minimal path through the box `a[xs]` × `b[ys]`, strictly inside it,
    /// with the work the search took; nil when that work would exceed `limit`. Both sides must be
    /// non-empty, their first tokens must differ and so must their last tokens.
    ///
    /// Round d of each search extends every diagonal it can reach with d edits (`roundDiagonals`)
    /// to its furthest point (`extend`): first the forward search from the top left corner, then
    /// the backward one from the bottom right corner over the reversed sequences. Both keep
    /// every point inside the box: a move is taken only from a predecessor from which it stays
    /// inside. A furthest point blocked that way (right move from x = n, down move from y = m) is
    /// never on a minimal path, since walking along the edge from the blocking point is cheaper,
    /// so the searches meet at the same round as unbounded ones would. When the difference of the
    /// sides' lengths is odd they can first meet in a forward round, otherwise in a backward one.
    /// The split is the forward point where they meet, after its snake; distances to the end do
    /// not grow along a diagonal, so a minimal path passes through it.
    ///
    /// The work is the number of diagonals extended plus the token pairs compared.
    ///
    /// - Complexity: O((n + m) · D) for an n × m box at edit distance D.
    private func middleSnake(_ xs: Range<Int>, _ ys: Range<Int>, limit: Int)
        -> (x: Int, y: Int, work: Int)?
    {
        let n = xs.count
        let m = ys.count
        let delta = n &- m
        let odd = delta & 1 != 0
        let ahead = ForwardTokens(a: a.baseAddress! + xs.lowerBound, b: b.baseAddress! + ys.lowerBound)
        let behind = BackwardTokens(
            a: a.baseAddress! + (xs.upperBound - 1),
            b: b.baseAddress! + (ys.upperBound - 1))
        var forward = SnakeSearch(forward)
        var backward = SnakeSearch(backward)
        var work = 0
        for d in 0...((n + m + 1) / 2) {
            let (lo, hi) = Self.roundDiagonals(d, n: n, m: m)
            if d > 0 {
                forward.forgetBeyondLastRound()
                backward.forgetBeyondLastRound()
            }
            if let meeting = forward.extend(
                lo, hi, ahead, n: n, m: m, meeting: odd ? backward : nil,
                delta: delta, work: &work)
            {
                return (
                    xs.lowerBound + meeting.x, ys.lowerBound + meeting.x - meeting.k,
                    work + (meeting.k - lo) / 2 + 1
                )
            }
            work &+= (hi &- lo) / 2 &+ 1
            if let meeting = backward.extend(
                lo, hi, behind, n: n, m: m, meeting: odd ? nil : forward,
                delta: delta, work: &work)
            {
                // The forward point on the same diagonal, diagonal delta - k of the forward search.
                return (
                    xs.lowerBound + meeting.otherX,
                    ys.lowerBound + meeting.otherX - (delta - meeting.k),
                    work + (meeting.k - lo) / 2 + 1
                )
            }
            work &+= (hi &- lo) / 2 &+ 1
            if work > limit { return nil }
        }
        return nil
    }

    /// The diagonals round `d` of a search over an `n` × `m` box fills: those of d's parity in
    /// `-d ... d` that lie in the box (`-m ... n`).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    private static func roundDiagonals(_ d: Int, n: Int, m: Int) -> (lo: Int, hi: Int) {
        var lo = max(-d, -m)
        if (lo ^ d) & 1 != 0 { lo &+= 1 }
        var hi = min(d, n)
        if (hi ^ d) & 1 != 0 { hi &-= 1 }
        return (lo, hi)
    }
}

/// Token equality along a snake, at offsets x into `a` and y into `b` of the box's search.
private protocol SnakeTokens {
    func equal(_ x: Int, _ y: Int) -> Bool
}

/// The forward search's view: offsets from the box's top left corner.
private struct ForwardTokens: SnakeTokens {
    /// The box's first tokens; `a[x]` and `b[y]` stay inside the sequences for x < n, y < m.
    let a: UnsafePointer<Int32>
    let b: UnsafePointer<Int32>

    @inline(__always)
    func equal(_ x: Int, _ y: Int) -> Bool { a[x] == b[y] }
}

/// The backward search's view: offsets from the box's bottom right corner, so that `x` is the
/// x-th token from the end.
private struct BackwardTokens: SnakeTokens {
    /// The box's last tokens; `a[-x]` and `b[-y]` stay inside the sequences for x < n, y < m.
    let a: UnsafePointer<Int32>
    let b: UnsafePointer<Int32>

    @inline(__always)
    func equal(_ x: Int, _ y: Int) -> Bool { a[-x] == b[-y] }
}

/// One of the two searches of `middleSnake`: its vector and the diagonals its last round filled.
private struct SnakeSearch {
    let v: DiagonalVector
    /// The diagonals filled in the last round, `lo ... hi` (none before round 0).
    var lo = 1
    var hi = 0

    /// A search at round 0, which reads diagonals -1 and 1: a virtual start point on diagonal 1
    /// and nothing on -1, so diagonal 0 starts at x = 0.
    init(_ v: DiagonalVector) {
        self.v = v
        v[-1] = -1
        v[1] = 0
    }

    /// Makes the neighbours outside the last round's diagonals read as unreachable (they may
    /// hold values of an earlier subproblem).
    @inline(__always)
    func forgetBeyondLastRound() {
        v[lo &- 2] = -1
        v[hi &+ 2] = -1
    }

    /// One round: every diagonal k of `lo ... hi` (step 2) takes the better of its neighbours'
    /// furthest points that keeps it in the n × m box, follows the snake of equal tokens, and
    /// records where it ends. With `other`, each point is checked against the other search's
    /// furthest point on the same diagonal (diagonal `delta - k` of the other's reversed view,
    /// filled in its last round): when the two reach each other, the round stops there and
    /// returns k, the point's x and the other's x.
    ///
    /// `work` grows by the token pairs the snakes compare.
    ///
    /// - Complexity: O((hi - lo) / 2 + the snakes' lengths).
    @inline(__always)
    mutating func extend<Tokens: SnakeTokens>(
        _ lo: Int, _ hi: Int, _ tokens: Tokens, n: Int, m: Int, meeting other: SnakeSearch?,
        delta: Int, work: inout Int
    ) -> (k: Int, x: Int, otherX: Int)? {
        var k = lo
        while k <= hi {
            let right = v[k &- 1]
            let down = v[k &+ 1]
            var x = right >= 0 && right < n ? right &+ 1 : -1
            if down > x && down &- k &- 1 < m { x = down }
            if x >= 0 {
                var y = x &- k
                let x0 = x
                while x < n && y < m && tokens.equal(x, y) {
                    x &+= 1
                    y &+= 1
                }
                work &+= x &- x0
                if let other {
                    let kOther = delta &- k
                    if kOther >= other.lo && kOther <= other.hi {
                        let otherX = other.v[kOther]
                        if otherX >= 0 && x &+ otherX >= n { return (k, x, otherX) }
                    }
                }
            }
            v[k] = x
            k &+= 2
        }
        self.lo = lo
        self.hi = hi
        return nil
    }
}
