/// The runs of headings that follow body text on a page, and, on a print page, which body each
/// heading names: the body before it (a headline printed after its article) or the body after it
/// (a headline printed first, or a subheading).
///
/// A heading names a body when its words are in it: the share of its grams (pairs of adjacent
/// ideographs, Latin words of four letters or more, lower-cased) found in the body, read from
/// the end of the previous run to the start of the next, up to `reach` units from the run. A heading's **lean** is its share in the
/// body before minus its share in the body after: `西宁市总多举措推进社会组织建会` leans to the report
/// on Xining before it, `扩大"朋友圈"打造"工会+"` to the section it opens. Headings that name
/// neither (a column tag, a headline of other words) lean nowhere, and the page's habit decides
/// them: after the body, unless more of the page's dividing runs lean the other way.
struct HeadingRuns {
    struct Run {
        /// Paragraph indices of the headings.
        var headings: Range<Int>
        /// For each heading, its share in the body before minus its share in the body after.
        var lean: [Double]

        /// A single heading that names the body before it more than the one after.
        var closesBefore: Bool { lean.count == 1 && lean[0] > 0 }
    }

    private var runs: [Int: Run] = [:]
    /// The page's habit: headlines printed after their body (the default for print).
    private(set) var afterBody = true

    /// Finds the runs (a heading after a body paragraph, and the headings after it) and, on
    /// print pages, their leans and the page's habit.
    ///
    /// - Parameter divides: whether the run of headings at these paragraph indices divides two
    ///   articles (`ArticleSplitter`'s rule); only those vote for the habit.
    /// - Complexity: O(n) in the units of the page: each body is read by the runs on either side
    ///   of it, at most `reach` units each.
    init(
        text: NormalizedText, paragraphs: [Range<Int>], kinds: [ArticleSplitter.Kind], print: Bool,
        divides: (Range<Int>) -> Bool
    ) {
        var found: [Range<Int>] = []
        var i = 1
        while i < paragraphs.count {
            guard kinds[i - 1] == .body && kinds[i] == .heading else {
                i += 1
                continue
            }
            var end = i
            while end < paragraphs.count && kinds[end] == .heading { end += 1 }
            found.append(i..<end)
            i = end
        }
        guard print else {
            for run in found { runs[run.lowerBound] = Run(headings: run, lean: []) }
            return
        }
        // The bodies between runs: body k lies before run k, body k + 1 after it. Each run reads
        // the `reach` units of the body next to it on either side, so the cost stays linear
        // whatever the number of runs.
        var bodies: [Range<Int>] = []
        var from = 0
        for run in found + [paragraphs.count..<paragraphs.count] {
            bodies.append(
                from < run.lowerBound ? paragraphs[from].lowerBound..<paragraphs[run.lowerBound - 1].upperBound : 0..<0)
            from = run.upperBound
        }
        var votes = 0  // runs leaning after the body minus runs leaning before the next
        for (k, run) in found.enumerated() {
            let headings = run.map { HeadingRuns.grams(text.units[paragraphs[$0]]) }
            let wanted = headings.reduce(into: Set<UInt64>()) { $0.formUnion($1) }
            let before = bodies[k]
            let after = bodies[k + 1]
            let inBefore = HeadingRuns.grams(
                text.units[max(before.lowerBound, before.upperBound - HeadingRuns.reach)..<before.upperBound],
                keeping: wanted)
            let inAfter = HeadingRuns.grams(
                text.units[after.lowerBound..<min(after.upperBound, after.lowerBound + HeadingRuns.reach)],
                keeping: wanted)
            let lean = headings.map { heading -> Double in
                guard !heading.isEmpty else { return 0 }
                let shared =
                    heading.filter { inBefore.contains($0) }.count - heading.filter { inAfter.contains($0) }.count
                return Double(shared) / Double(heading.count)
            }
            runs[run.lowerBound] = Run(headings: run, lean: lean)
            let total = lean.reduce(0, +)
            if divides(run) && total != 0 { votes += total > 0 ? 1 : -1 }
        }
        afterBody = votes >= 0
    }

    /// The run that begins at paragraph `p`, if one does.
    func run(at p: Int) -> Run? { runs[p] }

    /// Where a print run divides: the paragraph index of its first heading that opens the next
    /// article (`headings.upperBound` when all close the article before). The cut maximises the
    /// sum of the leans before it minus those after it; a tie goes the page's way.
    ///
    /// - Complexity: O(headings).
    func cut(_ run: Run) -> Int {
        var best = 0
        var bestScore = 0.0
        var score = 0.0
        for (s, lean) in run.lean.enumerated() {
            score += lean
            if score > bestScore || score == bestScore && afterBody {
                best = s + 1
                bestScore = score
            }
        }
        return run.headings.lowerBound + best
    }

    /// Units of a body read next to a run, on each side (a long article's worth).
    static let reach = 2_000

    /// The grams of a stretch: each pair of adjacent ideographs, and each Latin word of four
    /// letters or more (lower-cased, hashed with FNV-1a into keys apart from the pairs'); only
    /// those in `keeping` when it is given.
    ///
    /// - Complexity: O(units).
    static func grams(_ units: ArraySlice<UInt32>, keeping: Set<UInt64>? = nil) -> Set<UInt64> {
        var set = Set<UInt64>()
        func insert(_ key: UInt64) { if keeping?.contains(key) ?? true { set.insert(key) } }
        var previous: UInt32 = 0
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        var letters = 0
        func endWord() {
            if letters >= 4 { insert(word | 1 << 63) }
            word = 0xCBF2_9CE4_8422_2325
            letters = 0
        }
        for u in units {
            let script = ScriptClass.of(u)
            if script == .ideograph {
                if ScriptClass.of(previous) == .ideograph { insert(UInt64(previous) << 32 | UInt64(u)) }
            }
            if script == .letter {
                let lower = u >= 0x41 && u <= 0x5A ? u + 0x20 : u
                word = (word ^ UInt64(lower)) &* 0x100_0000_01B3
                letters += 1
            } else {
                endWord()
            }
            previous = u
        }
        endWord()
        return set
    }
}
