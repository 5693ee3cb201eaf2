import DoppelIO
import DoppelText

/// Everything `doppel collate` reports about two or more versions of a text. Positions are unit
/// ranges into each witness's `text`; the Report stage maps them to the originals.
public struct Collation: Sendable {
    /// The witnesses in the order they were given (`w1`, `w2`, …).
    public var witnesses: [Witness]
    /// The witness every other was aligned to, chosen by content (`WitnessOrder.medoid`).
    public var center: Int
    /// The variant locations: those of the text all witnesses share, in the center's order,
    /// then those of text the center lacks.
    public var variants: [VariantLocation]
    /// Text some witnesses lack entirely, in the center's order, then text the center lacks.
    public var onlyIn: [OnlyIn]
    public var agreement: Agreement
    /// False when some pairwise diff hit the cost budget (valid, maybe not minimal).
    public var exact: Bool

    /// The normalised text of a reading in a witness.
    public func text(of witness: Int, _ range: Range<Int>) -> String { witnesses[witness].text.string(range) }

    /// The text of a reading: its first witness's units.
    public func text(of reading: Reading) -> String { text(of: reading.witnesses[0], reading.ranges[0]) }

    /// True when anything is reported: a variant location, or text some witnesses lack.
    public var hasDifferences: Bool { !variants.isEmpty || !onlyIn.isEmpty }
}
