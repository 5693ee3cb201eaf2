import DoppelDiff
import DoppelIO
import DoppelText

/// The word an edit belongs to, found without a dictionary: the edit widened by equal context
/// on both sides, as unit ranges of A and B (`a_form`, `b_form` in reports).
///
/// The rule (`docs/evidence.md`):
/// 1. The context the word may take is the equal text around the edit inside its aligned pair,
///    at most `maximumContext` units each side, never across punctuation, a space, a paragraph
///    start or the next edit, and never cutting a Latin word or a number in two.
/// 2. **Repeated form**: among the widenings whose two forms each hold at least `minimumUnits`
///    letters, digits or ideographs, take the longest whose A form stands again in A, at most
///    `maximumOccurrences` times, and at no fewer than `minimumCohesion` of the places where
///    the changed units of A stand (ties: more occurrences, then less context on the left).
///    `[-王-]{+马+}女士` → `王女士` / `马女士` when `王女士` stands three times and `王` four; not
///    `[-会-]{+级+}将` → `会将` when `会将` stands 5 times but `会` 150 (the context is not part
///    of a word there). An insert changes no unit of A and has no repeated form.
/// 3. **Single form** (no widening repeats): widen while the unit taken in does not begin a
///    bigram that stands again in A (`记者` and `通讯员` recur on a page, so `记者田国[-全-]{+垒+}通讯员`
///    gives `田国全` / `田国垒`), then up to the floor if still shorter.
/// An edit of punctuation only, or one no widening brings to the floor, has no form.
public struct EditForm: Sendable, Equatable {
    /// The word as it stands in A (units of `textA`).
    public var a: Range<Int>
    /// The word as it stands in B (units of `textB`).
    public var b: Range<Int>
    /// True when the A form stands elsewhere in A too (rule 2): a change with other places to be
    /// made, which the consistency check follows.
    public var repeated: Bool
    /// The shortest part of `b` around the edit that meets the floor (`马女` of `马女士`): when
    /// A already has it, the change is a rewording between two forms in use (`ConsistencyCheck`).
    public var core: Range<Int>

    public init(a: Range<Int>, b: Range<Int>, repeated: Bool, core: Range<Int>) {
        self.a = a
        self.b = b
        self.repeated = repeated
        self.core = core
    }

    /// The form of edit `index` of `pc`.
    ///
    /// - Parameter searchA: the bigram table of `textA.units`.
    /// - Complexity: O(c²) lookups in `searchA` for c = `maximumContext`, each costing the
    ///   occurrences of the form's rarest bigram in A.
    package static func find(
        _ index: Int, in pc: PairComparison, _ textA: NormalizedText,
        _ textB: NormalizedText, searchA: UnitSearch, options: CheckOptions
    ) -> EditForm? {
        let edit = pc.edits[index]
        guard edit.kind != .punctuation else { return nil }
        let context = Context(index, pc, textA, textB, maximum: options.maximumContext)
        let a = textA.units
        let b = textB.units

        // Widenings (l, r) whose cuts keep Latin words and numbers whole and meet the floor. The
        // context holds no separator (rule 1), so a widening adds l + r letters or ideographs.
        let cleanLeft = (0...context.left).map {
            UnitSearch.cutIsClean(a, edit.a.lowerBound - $0) && UnitSearch.cutIsClean(b, edit.b.lowerBound - $0)
        }
        let cleanRight = (0...context.right).map {
            UnitSearch.cutIsClean(a, edit.a.upperBound + $0) && UnitSearch.cutIsClean(b, edit.b.upperBound + $0)
        }
        let wordsA = wordUnits(a, edit.a)
        let wordsB = wordUnits(b, edit.b)
        var widenings: [(l: Int, r: Int)] = []
        for l in 0...context.left where cleanLeft[l] {
            for r in 0...context.right where cleanRight[r] {
                if min(wordsA, wordsB) + l + r >= options.minimumUnits { widenings.append((l, r)) }
            }
        }
        guard !widenings.isEmpty else { return nil }

        // Rule 2: the longest widening whose A form repeats in A and holds most of the changed
        // units' own occurrences (an insert changes no unit of A: it has no repeated form).
        var best: (l: Int, r: Int, count: Int)?
        var partCount: Int?
        let cohesionLimit =
            options.minimumCohesion > 0
            ? Int((Double(options.maximumOccurrences) / options.minimumCohesion).rounded(.up)) + 1 : .max
        // A widening that stands once makes every wider one stand once at most: skip those.
        var once: [(l: Int, r: Int)] = []
        for (l, r) in widenings where !edit.a.isEmpty && !once.contains(where: { $0.l <= l && $0.r <= r }) {
            let count = searchA.wordCount(
                of: a[(edit.a.lowerBound - l)..<(edit.a.upperBound + r)], upTo: options.maximumOccurrences + 1)
            if count < 2 { once.append((l, r)) }
            guard count >= 2, count <= options.maximumOccurrences else { continue }
            // Past `maximumOccurrences / minimumCohesion` no count of at most
            // `maximumOccurrences` holds enough of them: counting further changes nothing.
            if partCount == nil { partCount = searchA.wordCount(of: a[edit.a], upTo: cohesionLimit) }
            guard Double(count) >= options.minimumCohesion * Double(partCount!) else { continue }
            if let current = best {
                let longer = l + r > current.l + current.r
                let same = l + r == current.l + current.r
                guard longer || (same && (count > current.count || (count == current.count && l < current.l))) else {
                    continue
                }
            }
            best = (l, r, count)
        }
        if let best {
            let core = widenings.filter { $0.l <= best.l && $0.r <= best.r }
                .min { ($0.l + $0.r, $0.l) < ($1.l + $1.r, $1.l) }!
            return EditForm(
                a: (edit.a.lowerBound - best.l)..<(edit.a.upperBound + best.r),
                b: (edit.b.lowerBound - best.l)..<(edit.b.upperBound + best.r), repeated: true,
                core: (edit.b.lowerBound - core.l)..<(edit.b.upperBound + core.r))
        }

        // Rule 3: widen until a recurring bigram begins, then to the floor.
        func recurs(_ i: Int, _ j: Int) -> Bool { searchA.wordCount(of: a[i...j], upTo: 2) >= 2 }
        var l = 0
        while l < context.left {
            let take = edit.a.lowerBound - l - 1
            if l + 1 < context.left && recurs(take - 1, take) { break }
            l += 1
        }
        var r = 0
        while r < context.right {
            let take = edit.a.upperBound + r
            if r + 1 < context.right && recurs(take, take + 1) { break }
            r += 1
        }
        // The clean widening nearest to (l, r): least extra context, then the fewest units lost.
        let chosen = widenings.min { x, y in
            let dx = max(0, x.l - l) + max(0, x.r - r)
            let dy = max(0, y.l - l) + max(0, y.r - r)
            if dx != dy { return dx < dy }
            let lx = max(0, l - x.l) + max(0, r - x.r)
            let ly = max(0, l - y.l) + max(0, r - y.r)
            return lx != ly ? lx < ly : x.l < y.l
        }!
        let formB = (edit.b.lowerBound - chosen.l)..<(edit.b.upperBound + chosen.r)
        return EditForm(
            a: (edit.a.lowerBound - chosen.l)..<(edit.a.upperBound + chosen.r), b: formB, repeated: false,
            core: formB)
    }

    /// How far the equal context around an edit reaches on each side, in units, within the
    /// limits of rule 1.
    private struct Context {
        var left = 0
        var right = 0

        init(_ index: Int, _ pc: PairComparison, _ textA: NormalizedText, _ textB: NormalizedText, maximum: Int) {
            let edit = pc.edits[index]
            let previous = index > 0 ? pc.edits[index - 1] : nil
            let next = index + 1 < pc.edits.count ? pc.edits[index + 1] : nil
            let roomLeft = min(
                edit.a.lowerBound - (previous?.a.upperBound ?? pc.pair.a.lowerBound),
                edit.b.lowerBound - (previous?.b.upperBound ?? pc.pair.b.lowerBound), maximum)
            let roomRight = min(
                (next?.a.lowerBound ?? pc.pair.a.upperBound) - edit.a.upperBound,
                (next?.b.lowerBound ?? pc.pair.b.upperBound) - edit.b.upperBound, maximum)
            while left < roomLeft {
                let a = edit.a.lowerBound - left
                let b = edit.b.lowerBound - left
                guard !isSeparator(textA.units[a - 1]), !startsParagraph(textA, a), !startsParagraph(textB, b) else {
                    break
                }
                left += 1
            }
            while right < roomRight {
                let a = edit.a.upperBound + right
                let b = edit.b.upperBound + right
                guard !isSeparator(textA.units[a]), !startsParagraph(textA, a), !startsParagraph(textB, b) else {
                    break
                }
                right += 1
            }
        }
    }

    private static func isSeparator(_ u: UInt32) -> Bool {
        switch ScriptClass.of(u) {
        case .space, .punctuation, .other: return true
        case .ideograph, .letter, .digit: return false
        }
    }

    private static func startsParagraph(_ text: NormalizedText, _ i: Int) -> Bool {
        guard i > 0, i < text.count, !text.paragraphStarts.isEmpty else { return false }
        return text.paragraphStarts[text.paragraphIndex(of: i)] == i
    }

    /// Letters, digits and ideographs in `range`.
    private static func wordUnits(_ units: [UInt32], _ range: Range<Int>) -> Int {
        units[range].reduce(0) { $0 + (isSeparator($1) ? 0 : 1) }
    }
}
