/// Chains exact matches into candidate passages: a match joins the open passage whose last match
/// it follows in both texts with the smallest gap, within `maxGap`; a long one-sided gap (an
/// inserted paragraph) starts a new passage so that text is reported on one side only.
enum PassageChaining {
    /// Open passages looked back over for each match; bounds the cost on repetitive text.
    static let openLimit = 64

    /// - Complexity: O(matches × openLimit).
    static func chain(_ matches: [ExactMatch], options: AlignOptions) -> [AlignedPair] {
        var chains: [[ExactMatch]] = []
        var open: [Int] = []  // indices into chains, most recent last
        for var m in matches {
            open.removeAll { chains[$0].last!.aEnd + options.maxGap < m.a }
            if open.count > openLimit { open.removeFirst(open.count - openLimit) }
            var best = -1
            var bestCost = Int.max
            for c in open {
                let last = chains[c].last!
                guard m.aEnd > last.aEnd, m.bEnd > last.bEnd else { continue }
                let da = m.a - last.aEnd
                let db = m.b - last.bEnd
                guard da <= options.maxGap, db <= options.maxGap, da > -m.length, db > -m.length else { continue }
                if isOneSided(max(da, 0), max(db, 0), options) { continue }
                let cost = max(da, 0) + max(db, 0) + abs(da - db)
                if cost < bestCost {
                    bestCost = cost
                    best = c
                }
            }
            if best >= 0 {
                let last = chains[best].last!
                let overlap = max(0, last.aEnd - m.a, last.bEnd - m.b)
                m.a += overlap
                m.b += overlap
                m.length -= overlap
                if m.length > 0 { chains[best].append(m) }
                open.removeAll { $0 == best }
                open.append(best)
            } else {
                chains.append([m])
                open.append(chains.count - 1)
            }
        }
        return chains.map { ms in
            AlignedPair(a: ms.first!.a..<ms.last!.aEnd, b: ms.first!.b..<ms.last!.bEnd, moved: false, matches: ms)
        }
    }

    /// A gap that is text on one side only: long on one side, at most a quarter of it on the other.
    static func isOneSided(_ gapA: Int, _ gapB: Int, _ options: AlignOptions) -> Bool {
        (gapA >= options.oneSidedGap && gapB * 4 <= gapA) || (gapB >= options.oneSidedGap && gapA * 4 <= gapB)
    }
}
