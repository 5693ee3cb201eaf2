import Dispatch
import DoppelDiff
import DoppelIO
import DoppelText

/// What the checks found about a comparison's edits (`docs/evidence.md`).
public struct CheckResult: Sendable {
    /// Each edit's word, in document order (pairs in report order, edits in pair order); `nil`
    /// for an edit without one (punctuation, or below the floor).
    public var forms: [EditForm?]
    /// One finding per distinct repeated change; empty when consistency is off.
    public var consistency: [ConsistencyFinding]
    /// The reference's evidence for each edit with a form; `nil` without a reference.
    public var evidence: [EditEvidence]?
    /// The reference the evidence was looked up in.
    public var reference: ReferenceCorpus?
    /// True when consistency was checked (`CheckOptions.consistency`).
    public var consistencyChecked: Bool

    /// True when no change was left undone at some place.
    public var isConsistent: Bool { consistency.allSatisfy(\.consistent) }

    /// The consistency finding edit `k` belongs to, if any.
    ///
    /// - Complexity: O(findings + their places).
    public func consistency(ofEdit k: Int) -> ConsistencyFinding? {
        consistency.first { $0.made.contains { $0.edit == k } }
    }

    /// The evidence of edit `k`, if any.
    ///
    /// - Complexity: O(log edits).
    public func evidence(ofEdit k: Int) -> EditEvidence? {
        guard let evidence else { return nil }
        var lo = 0
        var hi = evidence.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if evidence[mid].edit < k { lo = mid + 1 } else { hi = mid }
        }
        return lo < evidence.count && evidence[lo].edit == k ? evidence[lo] : nil
    }
}

/// The library entry point of the Check stage: the word of each edit, whether each change was
/// made everywhere, and what a reference says about each form.
public enum Checker {
    /// Checks the edits of `c`.
    ///
    /// ```swift
    /// var comparison = Comparer.compare(web, print)
    /// comparison.check = Checker.check(comparison, reference: try ReferenceCorpus.load(
    ///     paths: ["archive/"], normalization: NormalizationOptions()))
    /// comparison.check!.isConsistent   // false when an old form was left standing
    /// ```
    ///
    /// - Complexity: O(n) to build the bigram table of A, then O(c²) lookups per edit for c =
    ///   `options.maximumContext` (`EditForm`), one per repeated change in A, one pass over B
    ///   when some change repeats, two lookups per edit in the reference.
    public static func check(
        _ c: Comparison, options: CheckOptions = .standard,
        reference: ReferenceCorpus? = nil
    ) -> CheckResult {
        // Without an edit nothing is looked up in A: its table would go unused.
        check(c, options: options, reference: reference, searchA: UnitSearch(c.editCount > 0 ? c.textA.units : []))
    }

    /// Compares two texts (`Comparer.compare`) and checks the edits (`check(_:options:reference:)`)
    /// in one call, with the same result as the two calls. For long texts (up to
    /// `overlapUnitsAtMost` units) the bigram table of A, which needs only A's normalised text, is
    /// built on a second thread while the texts are aligned and diffed, whose single-threaded
    /// stretches leave a core free.
    ///
    /// ```swift
    /// let comparison = Checker.compareAndCheck(web, print)
    /// comparison.check!.isConsistent
    /// ```
    ///
    /// - Complexity: that of the comparison plus that of the check; the table's O(n) on the
    ///   other core for long texts.
    public static func compareAndCheck(
        _ a: SourceText, _ b: SourceText, comparison: ComparisonOptions = .standard,
        options: CheckOptions = .standard, reference: ReferenceCorpus? = nil
    ) -> Comparison {
        let (textA, textB) = Comparer.normalize(a, b, options: comparison.normalization)
        var c: Comparison
        let searchA: UnitSearch
        let units = textA.count + textB.count
        if units > overlapUnits && units <= overlapUnitsAtMost {
            let compared = SharedSlots<Comparison?>(repeating: nil, count: 1)
            let table = SharedSlots<UnitSearch?>(repeating: nil, count: 1)
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                if side == 0 {
                    compared[0] = Comparer.compare(a, textA, b, textB, options: comparison)
                } else {
                    table[0] = UnitSearch(textA.units)
                }
            }
            c = compared[0]!
            // The comparison normalises A again when it keeps a kicker set aside as furniture
            // (`PageFurniture.kickers`): the table is then of the text it kept.
            searchA =
                c.editCount == 0 ? UnitSearch([]) : c.textA.count == textA.count ? table[0]! : UnitSearch(c.textA.units)
        } else {
            c = Comparer.compare(a, textA, b, textB, options: comparison)
            searchA = UnitSearch(c.editCount > 0 ? c.textA.units : [])
        }
        c.check = check(c, options: options, reference: reference, searchA: searchA)
        return c
    }

    /// Units (A plus B) above which `compareAndCheck` builds A's table beside the comparison.
    static let overlapUnits = 200_000

    /// Units (A plus B) above which A's table is built after the comparison again: the table
    /// (about 6 bytes a unit of A) would sit beside the comparison's working memory, taking a
    /// diff of long English text over 20 bytes per input byte (docs/safety.md). The 10 MB
    /// Chinese pair of the benchmark (7 million units) still overlaps.
    static let overlapUnitsAtMost = 16_000_000

    /// Edits above which their forms are found on two threads, each taking half of them.
    static let parallelEdits = 256

    /// Each edit's form (`EditForm.find`), in document order: the edits split in two halves
    /// found at the same time when there are more than `parallelEdits` of them.
    ///
    /// - Complexity: O(c²) lookups in `searchA` per edit; the wall time of half on two cores.
    static func forms(_ c: Comparison, options: CheckOptions, searchA: UnitSearch) -> [EditForm?] {
        // Every edit as (pair, edit in the pair), in document order.
        let edits = c.pairs.indices.flatMap { p in c.pairs[p].edits.indices.map { (pair: p, edit: $0) } }
        @Sendable func find(_ range: Range<Int>) -> [EditForm?] {
            edits[range].map { pair, edit in
                EditForm.find(edit, in: c.pairs[pair], c.textA, c.textB, searchA: searchA, options: options)
            }
        }
        guard edits.count > parallelEdits else { return find(0..<edits.count) }
        let half = edits.count / 2
        let found = SharedSlots<[EditForm?]>(repeating: [], count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            found[side] = find(side == 0 ? 0..<half : half..<edits.count)
        }
        let halves = found.take(resettingTo: [])
        return halves[0] + halves[1]
    }

    /// Checks the edits of `c` with A's table already built (empty when `c` has no edit).
    static func check(
        _ c: Comparison, options: CheckOptions, reference: ReferenceCorpus?,
        searchA: UnitSearch
    ) -> CheckResult {
        let forms = self.forms(c, options: options, searchA: searchA)
        let consistency =
            options.consistency
            ? ConsistencyCheck.findings(c, forms: forms, searchA: searchA) : []
        let evidence = reference.map { ReferenceEvidence.evidence(c, forms: forms, reference: $0, options: options) }
        return CheckResult(
            forms: forms, consistency: consistency, evidence: evidence, reference: reference,
            consistencyChecked: options.consistency)
    }
}
