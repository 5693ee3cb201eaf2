import DoppelIO
import DoppelText

/// One reading of a variant location: the witnesses that carry it and its unit range in each.
///
/// Witnesses share a reading when their texts there have the same tokens (`ReadingKey`): spacing
/// alone never tells readings apart. An empty range is a reading that is absent (the witness
/// has nothing where the others have text), placed where the text would be.
public struct Reading: Sendable, Equatable {
    /// Witness indices (into `Collation.witnesses`), ascending.
    public var witnesses: [Int]
    /// The reading's unit range in each witness's text, parallel to `witnesses`.
    public var ranges: [Range<Int>]

    public init(witnesses: [Int], ranges: [Range<Int>]) {
        precondition(witnesses.count == ranges.count, "one range per witness")
        self.witnesses = witnesses
        self.ranges = ranges
    }

    /// The range of `witness`, if it carries this reading.
    public func range(of witness: Int) -> Range<Int>? {
        witnesses.firstIndex(of: witness).map { ranges[$0] }
    }
}

/// A place where the witnesses that carry the passage do not all agree: every distinct reading
/// there, with the witnesses carrying it and its range in each.
///
/// A witness that lacks the whole passage (see `Collation.onlyIn`) has no reading here.
public struct VariantLocation: Sendable, Equatable {
    /// Two or more readings, ordered by their first witness.
    public var readings: [Reading]
    /// True when the passage holding it is out of order in some witness against the central one.
    public var moved: Bool

    public init(readings: [Reading], moved: Bool) {
        self.readings = readings
        self.moved = moved
    }

    /// The witnesses with a reading here, ascending.
    public var witnesses: [Int] { readings.flatMap(\.witnesses).sorted() }

    /// The index of the reading `witness` carries, if any.
    public func reading(of witness: Int) -> Int? {
        readings.firstIndex { $0.witnesses.contains(witness) }
    }
}

/// Text that some witnesses have and the others lack entirely (an article or paragraph found in
/// print only, say): the witnesses that have it and its range in each.
public struct OnlyIn: Sendable, Equatable {
    /// Witness indices, ascending; never all of them.
    public var witnesses: [Int]
    /// The unit range in each witness, parallel to `witnesses`.
    public var ranges: [Range<Int>]

    public init(witnesses: [Int], ranges: [Range<Int>]) {
        precondition(witnesses.count == ranges.count, "one range per witness")
        self.witnesses = witnesses
        self.ranges = ranges
    }
}
