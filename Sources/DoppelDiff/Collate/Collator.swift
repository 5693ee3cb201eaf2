import Dispatch
import DoppelIO
import DoppelText

/// The library entry point of `doppel collate`: two or more versions of a text aligned at once,
/// reported as variant locations whatever order they come in.
///
/// Each witness is normalised as `doppel diff` normalises it; every pair is compared by
/// `PassageDiffer` (for the agreement matrix); the central witness (the medoid by content) and
/// its comparisons with the others build the variant locations (`StarAlignment`). With two
/// witnesses the variant locations are exactly the edits of `doppel diff` of the pair, the
/// central witness (the first in `WitnessOrder.canonical`) as A.
public enum Collator {
    /// Normalises and collates decoded texts; witness `i` gets id `w<i+1>`.
    ///
    /// ```swift
    /// let c = try Collator.collate([web, print, reprint])
    /// c.variants[0].readings.map { c.text(of: $0) }   // ["王", "马", "张"]
    /// ```
    ///
    /// - Throws: `DoppelError.invalidOption` with fewer than two texts.
    /// - Complexity: normalisation O(n) per text (in parallel); w(w−1)/2 pairwise comparisons
    ///   of `PassageDiffer.diff` for w witnesses (in parallel); the merge O(e log e) for e edits.
    public static func collate(_ sources: [SourceText], options: CollationOptions = .standard) throws -> Collation {
        let slots = SharedSlots<NormalizedText?>(repeating: nil, count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { i in
            slots[i] = Normalizer(options: options.normalization).normalize(sources[i])
        }
        let texts = slots.take(resettingTo: nil).map { $0! }
        return try collate(
            zip(sources, texts).enumerated().map {
                Witness(id: Witness.id(at: $0.offset), source: $0.element.0, text: $0.element.1)
            }, options: options)
    }

    /// Collates witnesses already normalised (with `options.normalization`, map kept).
    ///
    /// - Throws: `DoppelError.invalidOption` with fewer than two witnesses.
    /// - Complexity: as `collate(_:options:)` without the normalisation.
    public static func collate(_ witnesses: [Witness], options: CollationOptions = .standard) throws -> Collation {
        guard witnesses.count >= 2 else {
            throw DoppelError.invalidOption(
                name: "witnesses", reason: "a collation needs two or more versions, given \(witnesses.count)")
        }
        let texts = witnesses.map(\.text)
        let canonical = WitnessOrder.canonical(texts)
        let center = WitnessOrder.medoid(texts, canonical: canonical)
        let order = [center] + canonical.filter { $0 != center }
        // Every pair (order[a], order[b]), a < b: the center is always A, so its comparisons
        // serve the merge; the others give only their share (not kept: memory stays linear).
        let pairs = order.indices.flatMap { a in order.indices.filter { $0 > a }.map { (order[a], order[$0]) } }
        let shares = SharedSlots<Double>(repeating: 0, count: pairs.count)
        let diffs = SharedSlots<PassageDiff?>(repeating: nil, count: texts.count)
        DispatchQueue.concurrentPerform(iterations: pairs.count) { p in
            let (i, j) = pairs[p]
            let d = PassageDiffer.diff(
                texts[i], texts[j], align: options.align, diff: options.diff,
                ignorePunctuation: options.ignorePunctuation,
                minimumPairSimilarity: options.minimumPairSimilarity)
            let total = texts[i].count + texts[j].count
            let equal = d.pairs.reduce(0) { $0 + $1.equalUnits }
            shares[p] = total == 0 ? 1 : min(1, Double(2 * equal) / Double(total))
            if i == center { diffs[j] = d }
        }
        let level = StarAlignment.collate(
            texts, members: Array(texts.indices), center: center,
            diffs: diffs.take(resettingTo: nil), whole: true, options: options)
        var matrix = Array(repeating: Array(repeating: 1.0, count: texts.count), count: texts.count)
        for (p, (i, j)) in pairs.enumerated() {
            matrix[i][j] = shares[p]
            matrix[j][i] = shares[p]
        }
        return Collation(
            witnesses: witnesses, center: center, variants: level.variants, onlyIn: level.onlyIn,
            agreement: Agreement(shares: matrix, variants: level.variants), exact: level.exact)
    }
}
