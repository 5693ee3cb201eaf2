import DoppelDiff
import DoppelIO
import DoppelText

/// What a reference says about one edit: how often each side's form stands in it, examples,
/// and a verdict. The verdict informs; it does not decide (a form found in an unrelated article
/// is evidence all the same, and shown as such by its example).
public struct EditEvidence: Sendable {
    /// Which forms the reference has.
    public enum Verdict: String, Sendable {
        /// The reference has A's form and never B's: B introduces a form the archive does not know.
        case bUnattested = "b_unattested"
        /// The reference has B's form and never A's.
        case aUnattested = "a_unattested"
        /// The reference has both forms.
        case both
        /// The reference has neither.
        case neither

        /// The verdict of two counts.
        ///
        /// - Complexity: O(1).
        public init(aCount: Int, bCount: Int) {
            switch (aCount > 0, bCount > 0) {
            case (true, false): self = .bUnattested
            case (false, true): self = .aUnattested
            case (true, true): self = .both
            case (false, false): self = .neither
            }
        }
    }

    /// One place of the reference where a form stands.
    public struct Example: Sendable {
        /// Whose form it is.
        public var form: CheckSide
        /// The reference document (`ReferenceCorpus.documents`).
        public var document: Int
        /// The form's units in that document's normalised text.
        public var range: Range<Int>
    }

    /// The edit's index in document order.
    public var edit: Int
    /// The edit's word (`EditForm`).
    public var form: EditForm
    public var aCount: Int
    public var bCount: Int
    public var verdict: Verdict { Verdict(aCount: aCount, bCount: bCount) }
    /// Up to `CheckOptions.examples` places of each form, A's first, in reference order.
    public var examples: [Example]
}

/// Looks up each edit's forms in a reference.
package enum ReferenceEvidence {
    /// The evidence for every replacement that has a form, in document order. An insert or a
    /// delete has no word of its own on one side (its form there is only context), so it gets
    /// no verdict.
    ///
    /// - Complexity: two lookups in `reference` per edit with a form.
    package static func evidence(
        _ c: Comparison, forms: [EditForm?], reference: ReferenceCorpus,
        options: CheckOptions
    ) -> [EditEvidence] {
        let edits = c.pairs.flatMap(\.edits)
        return forms.enumerated().compactMap { k, form in
            guard let form, edits[k].operation == .replace else { return nil }
            let inA = reference.lookup(Array(c.textA.units[form.a]), examples: options.examples)
            let inB = reference.lookup(Array(c.textB.units[form.b]), examples: options.examples)
            let examples =
                inA.first.map { EditEvidence.Example(form: .a, document: $0.document, range: $0.range) }
                + inB.first.map { EditEvidence.Example(form: .b, document: $0.document, range: $0.range) }
            return EditEvidence(edit: k, form: form, aCount: inA.count, bCount: inB.count, examples: examples)
        }
    }
}
