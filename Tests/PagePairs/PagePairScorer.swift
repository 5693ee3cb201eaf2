import Doppel

/// Scores `doppel diff` against the truth of generated page pairs: recall and precision per
/// class.
///
/// A reported edit matches a truth edit when its ranges in both originals lie within
/// `tolerance` code points of the truth's and split no word of letters or digits (ideographs
/// aside): `[-Mon-]{+Tues+}` for `Monday → Tuesday` matches nothing, since a desk marks whole
/// words in alphabetic text (a paragraph edit matches when its changed side covers at least half
/// of the paragraph). Recall of a class: its truth edits matched by some reported
/// edit. A reported edit matching a truth edit is correct for that edit's class; one matching
/// none is wrong for the class of the region it lies in (a headline, furniture, a line-end
/// hyphen, a one-sided article, a sibling's shared dateline), or `layout` elsewhere. An article
/// on one side only is found when at least 80% of its body lies in the comparison's one-sided
/// text. Control pages (no edit) count their reported edits and whether they differ at all.
public struct PagePairScores: Sendable {
    public var truth: [ScoreClass: Int] = [:]
    public var found: [ScoreClass: Int] = [:]
    public var correct: [ScoreClass: Int] = [:]
    public var wrong: [ScoreClass: Int] = [:]
    public var pages = 0
    public var controls = 0
    public var controlEdits = 0
    public var controlsWithDifferences = 0
    /// One line per missed truth edit and per wrong reported edit, for reading a failure.
    public var notes: [String] = []

    /// Code points of slack around a truth range (a line break, a space around a number).
    public static let tolerance = 3

    public init() {}

    /// Recall of a class; nil when it has no truth.
    public func recall(_ c: ScoreClass) -> Double? {
        guard let t = truth[c], t > 0 else { return nil }
        return Double(found[c] ?? 0) / Double(t)
    }

    /// Precision of a class; nil when nothing was reported in it.
    public func precision(_ c: ScoreClass) -> Double? {
        let r = (correct[c] ?? 0) + (wrong[c] ?? 0)
        guard r > 0 else { return nil }
        return Double(correct[c] ?? 0) / Double(r)
    }

    /// Edit recall over every edit class (articles left out).
    public var recall: Double {
        let classes = ScoreClass.allCases.filter { $0 != .article }
        let t = classes.reduce(0) { $0 + (truth[$1] ?? 0) }
        return t == 0 ? 1 : Double(classes.reduce(0) { $0 + (found[$1] ?? 0) }) / Double(t)
    }

    /// Precision over every reported edit.
    public var precision: Double {
        let c = correct.values.reduce(0, +)
        let r = c + wrong.values.reduce(0, +)
        return r == 0 ? 1 : Double(c) / Double(r)
    }

    /// Scores one comparison of a pair.
    public mutating func add(_ pair: PagePair, _ c: Comparison) {
        pages += 1
        var reported: [(a: Range<Int>, b: Range<Int>, text: String)] = []
        for pc in c.pairs {
            for e in pc.edits {
                reported.append(
                    (
                        c.textA.originRange(of: e.a), c.textB.originRange(of: e.b),
                        "[-\(c.textA.string(e.a))-]{+\(c.textB.string(e.b))+}"
                    ))
            }
        }
        if pair.isControl {
            controls += 1
            controlEdits += reported.count
            if c.hasDifferences { controlsWithDifferences += 1 }
        }
        var matched = [ScoreClass?](repeating: nil, count: reported.count)
        let (scalarsA, scalarsB) = (Array(pair.a.unicodeScalars), Array(pair.b.unicodeScalars))
        let whole = reported.map { Self.splitsNoWord($0.a, scalarsA) && Self.splitsNoWord($0.b, scalarsB) }
        for t in pair.truth {
            truth[t.editClass, default: 0] += 1
            var hit = false
            for (i, r) in reported.enumerated() where matches(r.a, r.b, t) && (whole[i] || t.editClass == .paragraph) {
                hit = true
                if matched[i] == nil { matched[i] = t.editClass }
            }
            if hit {
                found[t.editClass, default: 0] += 1
            } else {
                notes.append("\(pair.name): missed \(t.editClass) [-\(t.aText)-]{+\(t.bText)+} at A \(t.a) B \(t.b)")
            }
        }
        for (i, r) in reported.enumerated() {
            if let cls = matched[i] {
                correct[cls, default: 0] += 1
                continue
            }
            let cls = region(r.b, pair.regionsB) ?? region(r.a, pair.regionsA) ?? .layout
            wrong[cls, default: 0] += 1
            notes.append("\(pair.name): wrong (\(cls)) \(r.text) at A \(r.a) B \(r.b)")
        }
        let onlyA = c.onlyInA.map { c.textA.originRange(of: $0) }
        let onlyB = c.onlyInB.map { c.textB.originRange(of: $0) }
        for article in pair.oneSided {
            truth[.article, default: 0] += 1
            let only = article.side == .a ? onlyA : onlyB
            let total = article.paragraphs.reduce(0) { $0 + $1.count }
            let covered = article.paragraphs.reduce(0) { sum, p in
                sum
                    + only.reduce(0) {
                        $0 + max(0, min($1.upperBound, p.upperBound) - max($1.lowerBound, p.lowerBound))
                    }
            }
            if covered * 5 >= total * 4 {
                found[.article, default: 0] += 1
            } else {
                notes.append(
                    "\(pair.name): article only in \(article.side) not reported one-sided (\(covered) of \(total))")
            }
        }
    }

    private func matches(_ a: Range<Int>, _ b: Range<Int>, _ t: PagePair.TruthEdit) -> Bool {
        if t.editClass == .paragraph {
            let (mine, theirs) = t.a.isEmpty ? (b, t.b) : (a, t.a)
            let overlap = min(mine.upperBound, theirs.upperBound) - max(mine.lowerBound, theirs.lowerBound)
            return overlap * 2 >= theirs.count
        }
        return near(a, t.a) && near(b, t.b)
    }

    /// Whether neither end of `range` falls between two letters or digits of a word (an
    /// ideograph is no part of a word: Chinese edits are one character wide).
    public static func splitsNoWord(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        func wordPart(_ s: Unicode.Scalar) -> Bool {
            (s.properties.isAlphabetic || s.properties.numericType != nil) && !PageLayout.isHan(s)
        }
        func inside(_ p: Int) -> Bool {
            p > 0 && p < scalars.count && wordPart(scalars[p - 1]) && wordPart(scalars[p])
        }
        return !inside(range.lowerBound) && !inside(range.upperBound)
    }

    private func near(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
        x.lowerBound <= y.upperBound + Self.tolerance && y.lowerBound <= x.upperBound + Self.tolerance
    }

    private func region(_ r: Range<Int>, _ regions: [PagePair.Region]) -> ScoreClass? {
        let probe = r.isEmpty ? r.lowerBound..<r.lowerBound + 1 : r
        return regions.first { $0.range.overlaps(probe) }?.regionClass
    }

    /// The scores as a table: one row per class, then the totals and the control pages.
    public var table: String {
        func f(_ x: Double?) -> String {
            guard let x else { return "    -" }
            let s = String(Int((x * 1000).rounded()))
            return x >= 1 ? "1.000" : "0." + String(repeating: "0", count: max(0, 3 - s.count)) + s
        }
        var out = "class       truth  found  recall  reported  precision\n"
        for c in ScoreClass.allCases where (truth[c] ?? 0) + (correct[c] ?? 0) + (wrong[c] ?? 0) > 0 {
            let name = c.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let t = truth[c] ?? 0
            let fd = found[c] ?? 0
            let rp = (correct[c] ?? 0) + (wrong[c] ?? 0)
            out += "\(name) \(pad(t, 6)) \(pad(fd, 6))   \(f(recall(c)))  \(pad(rp, 8))      \(f(precision(c)))\n"
        }
        let reportedTotal = correct.values.reduce(0, +) + wrong.values.reduce(0, +)
        out +=
            "all edits  recall \(f(recall)) precision \(f(precision)) (\(reportedTotal) reported on \(pages) pages)\n"
        out += "control pages \(controls): \(controlEdits) edits, \(controlsWithDifferences) with any difference\n"
        return out
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}
