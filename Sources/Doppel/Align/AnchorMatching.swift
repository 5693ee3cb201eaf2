/// Seeds for alignment: k-grams that occur exactly once in each text (as patience diff and
/// passim do), extended to maximal exact matches.
enum AnchorMatching {
    private struct Entry: Comparable {
        var hash: UInt64
        var position: Int32
        static func < (l: Entry, r: Entry) -> Bool {
            l.hash != r.hash ? l.hash < r.hash : l.position < r.position
        }
    }

    /// The maximal exact matches grown from k-grams unique in both texts, sorted by position
    /// in A. When `sampling > 1`, only k-grams whose hash is divisible by it are considered;
    /// the choice depends on content only, so both texts sample the same k-grams.
    ///
    /// - Complexity: O((n + m) log(n + m)) for the sort of k-gram hashes, plus O(n + m) to
    ///   extend the matches.
    static func matches(_ ta: NormalizedText, _ tb: NormalizedText, k: Int, sampling: UInt64) -> [ExactMatch] {
        let a = ta.units
        let b = tb.units
        guard k > 0, a.count >= k, b.count >= k else { return [] }
        var ea = kgrams(a, paragraphStarts: ta.paragraphStarts, k: k, sampling: sampling)
        var eb = kgrams(b, paragraphStarts: tb.paragraphStarts, k: k, sampling: sampling)
        ea.sort()
        eb.sort()
        var anchors: [(a: Int, b: Int)] = []
        var i = 0
        var j = 0
        while i < ea.count && j < eb.count {
            let h = ea[i].hash
            if h < eb[j].hash { i = run(ea, from: i); continue }
            if h > eb[j].hash { j = run(eb, from: j); continue }
            let ni = run(ea, from: i)
            let nj = run(eb, from: j)
            if ni - i == 1 && nj - j == 1 {
                let pa = Int(ea[i].position)
                let pb = Int(eb[j].position)
                if a[pa..<pa + k].elementsEqual(b[pb..<pb + k]) { anchors.append((pa, pb)) }
            }
            i = ni
            j = nj
        }
        anchors.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        return extend(anchors, a, b, k: k, boundariesA: boundaries(ta), boundariesB: boundaries(tb))
    }

    private static func run(_ entries: [Entry], from start: Int) -> Int {
        var end = start + 1
        while end < entries.count && entries[end].hash == entries[start].hash { end += 1 }
        return end
    }

    /// The hashes of the k-grams that lie inside one paragraph.
    private static func kgrams(_ units: [UInt32], paragraphStarts: [Int], k: Int, sampling: UInt64) -> [Entry] {
        let base: UInt64 = 0x100_0000_01B3
        var power: UInt64 = 1
        for _ in 0..<k { power = power &* base }
        var entries: [Entry] = []
        entries.reserveCapacity(sampling > 1 ? units.count / Int(sampling) * 2 : units.count)
        units.withUnsafeBufferPointer { u in
            var h: UInt64 = 0
            var paragraph = 0
            var paragraphStart = 0
            for i in 0..<u.count {
                while paragraph < paragraphStarts.count && paragraphStarts[paragraph] <= i {
                    paragraphStart = paragraphStarts[paragraph]
                    paragraph += 1
                }
                h = h &* base &+ UInt64(u[i]) &+ 1
                if i >= k { h = h &- (UInt64(u[i - k]) &+ 1) &* power }
                if i - k + 1 >= paragraphStart {
                    let mixed = SplitMix64.mix(h)
                    if sampling <= 1 || mixed % sampling == 0 {
                        entries.append(Entry(hash: mixed, position: Int32(i - k + 1)))
                    }
                }
            }
        }
        return entries
    }

    /// `true` at each unit index where a paragraph begins (and at the end).
    private static func boundaries(_ text: NormalizedText) -> [Bool] {
        var flags = [Bool](repeating: false, count: text.count + 1)
        for p in text.paragraphStarts { flags[p] = true }
        flags[text.count] = true
        return flags
    }

    /// Grows each anchor left and right while the texts agree, up to a paragraph boundary on
    /// either side; anchors inside a match already grown on the same diagonal are skipped.
    private static func extend(_ anchors: [(a: Int, b: Int)], _ a: [UInt32], _ b: [UInt32], k: Int,
                               boundariesA: [Bool], boundariesB: [Bool]) -> [ExactMatch] {
        var coveredEnd: [Int: Int] = [:]  // diagonal (b - a) → end in A of the last match on it
        var matches: [ExactMatch] = []
        for anchor in anchors {
            let diagonal = anchor.b - anchor.a
            if let end = coveredEnd[diagonal], anchor.a < end { continue }
            var start = anchor.a
            var startB = anchor.b
            while start > 0 && startB > 0 && !boundariesA[start] && !boundariesB[startB]
                    && a[start - 1] == b[startB - 1] {
                start -= 1
                startB -= 1
            }
            var endA = anchor.a
            var endB = anchor.b
            while endA < a.count && endB < b.count && a[endA] == b[endB]
                    && (endA <= anchor.a + k - 1 || !boundariesA[endA] && !boundariesB[endB]) {
                endA += 1
                endB += 1
            }
            matches.append(ExactMatch(a: start, b: startB, length: endA - start))
            coveredEnd[diagonal] = endA
        }
        matches.sort { $0.a != $1.a ? $0.a < $1.a : $0.b < $1.b }
        return matches
    }
}
