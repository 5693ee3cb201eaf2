import DoppelIO

/// The map from normalised units back to the original code points, in about two bytes a unit.
///
/// Unit `i` came from the original range `start(i) ..< end(i)`. The map is monotonic in practice
/// (a unit starts at or after the previous one's start), and nearly every unit starts where the
/// one before it ended or a few code points later (dropped white space) and spans one code point
/// or a few (a folded cluster). So each unit is stored as two bytes: the `gap` from the previous
/// unit's end to its start and its `length`, each 0-254; any other value (a long run of white
/// space, a negative gap where one code point folded into several units) is 255 and the value is
/// kept in a sorted side table (`Escapes`). Every 64th unit a checkpoint holds the absolute end
/// of the unit before it, so a look-up sums at most 63 pairs.
///
/// Two `Int32` columns took 8 bytes a unit; this takes about 2.1 (more only for text whose
/// units jump back, which costs 8 bytes for each such unit).
///
/// Example: the units of `a  b` (two spaces) map to `0..<1`, `1..<3`, `3..<4`: gaps 0, 0, 0 and
/// lengths 1, 2, 1.
public struct OriginMap: Sendable, Equatable {
    /// Gap from the previous unit's end (0 for the first) to this unit's start; 255: escaped.
    private(set) var gaps: [UInt8] = []
    /// Length of the unit's original range; 255: escaped.
    private(set) var lengths: [UInt8] = []
    /// `checkpoints[j]`: the end of unit `64 j - 1` (0 for j = 0).
    private(set) var checkpoints: [Int32] = []
    private(set) var gapEscapes = Escapes()
    private(set) var lengthEscapes = Escapes()

    /// Units between checkpoints.
    static let stride = 64
    /// The byte that says "look the value up in the escapes".
    static let escaped: UInt8 = 255

    /// An empty map.
    public init() {}

    /// A map of the given ranges (`starts[i] ..< ends[i]` for unit i).
    ///
    /// - Complexity: O(n).
    public init(starts: [Int32], ends: [Int32]) {
        precondition(starts.count == ends.count, "one end per start")
        self =
            Self.build(capacity: starts.count) { writer in
                for i in starts.indices { writer.append(Int(starts[i]), Int(ends[i])) }
            }.map
    }

    /// The number of units mapped (0 for a text normalised without a map).
    public var count: Int { gaps.count }

    public var isEmpty: Bool { gaps.isEmpty }

    /// The original range of unit `i`.
    ///
    /// - Complexity: O(64 + log e) for e escaped values (near 0 in real text).
    public func range(of i: Int) -> Range<Int> {
        precondition(i >= 0 && i < count, "unit \(i) outside a map of \(count)")
        let j = i / Self.stride
        var end = Int(checkpoints[j])
        var k = j * Self.stride
        while k < i {
            end += gap(k) + length(k)
            k += 1
        }
        let start = end + gap(i)
        return start..<start + length(i)
    }

    /// The original ranges of units `range`, in order, decoded in one pass.
    ///
    /// - Complexity: O(64 + range.count).
    public func ranges(_ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var result: [Range<Int>] = []
        result.reserveCapacity(range.count)
        var current = self.range(of: range.lowerBound)
        result.append(current)
        for i in range.dropFirst() {
            let start = current.upperBound + gap(i)
            current = start..<start + length(i)
            result.append(current)
        }
        return result
    }

    @inline(__always)
    private func gap(_ i: Int) -> Int {
        gaps[i] == Self.escaped ? gapEscapes.value(of: i) : Int(gaps[i])
    }

    @inline(__always)
    private func length(_ i: Int) -> Int {
        lengths[i] == Self.escaped ? lengthEscapes.value(of: i) : Int(lengths[i])
    }

    /// Values too large (or negative) for a byte, by unit, ascending.
    struct Escapes: Sendable, Equatable {
        private(set) var units: [Int32] = []
        private(set) var values: [Int32] = []

        /// - Precondition: unit `i` has an escaped value.
        func value(of i: Int) -> Int {
            var lo = 0
            var hi = units.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(units[mid]) < i { lo = mid + 1 } else { hi = mid }
            }
            return Int(values[lo])
        }

        mutating func append(_ unit: Int, _ value: Int) {
            units.append(Int32(truncatingIfNeeded: unit))
            values.append(Int32(truncatingIfNeeded: value))
        }

        /// Drops the values of units `unit` and later.
        mutating func removeAll(from unit: Int) {
            while let last = units.last, Int(last) >= unit {
                units.removeLast()
                values.removeLast()
            }
        }
    }

    /// Builds a map of at most `capacity` units with `body`, which appends them to the writer it
    /// is given. The two byte columns are written in place into the storage of the map's arrays
    /// (`OutputColumn`), and a writer that overflows them keeps counting (`Writer.overflowed`,
    /// `Writer.peak`): the map is then incomplete and the caller builds it again with more room.
    ///
    /// ```swift
    /// let (map, _) = OriginMap.build(capacity: 2) { writer in
    ///     writer.append(0, 1)
    ///     writer.append(3, 4)
    /// }
    /// map.range(of: 1)  // 3..<4
    /// ```
    ///
    /// - Complexity: O(capacity) for the storage, plus that of `body`.
    static func build<Result>(capacity: Int, _ body: (inout Writer) -> Result) -> (map: OriginMap, result: Result) {
        var map = OriginMap()
        var lengths: [UInt8] = []
        var result: Result?
        let gaps = [UInt8](unsafeUninitializedCapacity: capacity) { gapsBuffer, gapsCount in
            lengths = [UInt8](unsafeUninitializedCapacity: capacity) { lengthsBuffer, lengthsCount in
                HugePages.advise(gapsBuffer)
                HugePages.advise(lengthsBuffer)
                var writer = Writer(gaps: OutputColumn(gapsBuffer), lengths: OutputColumn(lengthsBuffer))
                result = body(&writer)
                (gapsCount, lengthsCount) = (writer.gaps.count, writer.lengths.count)
                (map.checkpoints, map.gapEscapes, map.lengthEscapes) =
                    (writer.checkpoints, writer.gapEscapes, writer.lengthEscapes)
            }
        }
        map.gaps = gaps
        map.lengths = lengths
        return (map, result!)
    }

    /// Writes a map unit by unit, as the normaliser emits them: append, change the last unit's
    /// end, drop the last unit or the units from some point on. Made by `build(capacity:_:)`,
    /// whose storage it writes into.
    ///
    /// Invariants: `gaps` and `lengths` hold the same units; `lastStart ..< lastEnd` is the range
    /// of the last unit (`0 ..< 0` before the first); the escapes and checkpoints are those of
    /// the units appended and not removed (`count`), kept or dropped for want of room.
    struct Writer {
        fileprivate var gaps: OutputColumn<UInt8>
        fileprivate var lengths: OutputColumn<UInt8>
        fileprivate var checkpoints: [Int32] = []
        fileprivate var gapEscapes = Escapes()
        fileprivate var lengthEscapes = Escapes()
        private var lastStart = 0
        private var lastEnd = 0

        fileprivate init(gaps: OutputColumn<UInt8>, lengths: OutputColumn<UInt8>) {
            self.gaps = gaps
            self.lengths = lengths
        }

        /// The units appended and not removed.
        var count: Int { gaps.wanted }

        /// True once a unit did not fit: the map being built is incomplete.
        var overflowed: Bool { gaps.overflowed }

        @inline(__always)
        mutating func append(_ start: Int, _ end: Int) {
            let i = gaps.wanted
            if i % OriginMap.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: lastEnd)) }
            let gap = start - lastEnd
            let length = end - start
            if gap >= 0 && gap < Int(OriginMap.escaped) {
                gaps.append(UInt8(truncatingIfNeeded: gap))
            } else {
                gaps.append(OriginMap.escaped)
                gapEscapes.append(i, gap)
            }
            if length >= 0 && length < Int(OriginMap.escaped) {
                lengths.append(UInt8(truncatingIfNeeded: length))
            } else {
                lengths.append(OriginMap.escaped)
                lengthEscapes.append(i, length)
            }
            (lastStart, lastEnd) = (start, end)
        }

        /// Each position `p` of `run` as the range `p ..< p + 1` (a run of Han ideographs, each
        /// its own unit): after the first, gaps of 0 and lengths of 1, written a block at a time
        /// up to each checkpoint.
        @inline(__always)
        mutating func appendPositions(_ run: Range<Int>) {
            guard let first = run.first else { return }
            append(first, first + 1)
            var p = first + 1
            while p < run.upperBound {
                let i = gaps.wanted
                // The unit before starts at p - 1 and ends at p: the checkpoint is p.
                if i % OriginMap.stride == 0 { checkpoints.append(Int32(truncatingIfNeeded: p)) }
                let k = min(OriginMap.stride - i % OriginMap.stride, run.upperBound - p)
                gaps.append(repeating: 0, count: k)
                lengths.append(repeating: 1, count: k)
                p += k
            }
            (lastStart, lastEnd) = (run.upperBound - 1, run.upperBound)
        }

        /// Moves the last unit's end to `end`.
        mutating func extendLast(to end: Int) {
            let i = gaps.wanted - 1
            let length = end - lastStart
            lengthEscapes.removeAll(from: i)
            var byte = UInt8(truncatingIfNeeded: length)
            if length < 0 || length >= Int(OriginMap.escaped) {
                byte = OriginMap.escaped
                lengthEscapes.append(i, length)
            }
            if i < lengths.count { lengths[i] = byte }
            lastEnd = end
        }

        /// Drops the last unit.
        mutating func removeLast() {
            let i = gaps.wanted - 1
            let gap = value(gaps, gapEscapes, i)
            gapEscapes.removeAll(from: i)
            lengthEscapes.removeAll(from: i)
            gaps.removeLast()
            lengths.removeLast()
            if i % OriginMap.stride == 0 { checkpoints.removeLast() }
            lastEnd = lastStart - gap
            lastStart = i > 0 ? lastEnd - value(lengths, lengthEscapes, i - 1) : 0
        }

        /// Drops the units from `newCount` on (page furniture set aside as its paragraph ends).
        ///
        /// - Precondition: `newCount <= count`.
        /// - Complexity: O(64 + escapes dropped).
        mutating func removeAll(from newCount: Int) {
            guard newCount < count else { return }
            gaps.removeAll(from: newCount)
            lengths.removeAll(from: newCount)
            gapEscapes.removeAll(from: newCount)
            lengthEscapes.removeAll(from: newCount)
            checkpoints.removeLast(checkpoints.count - (newCount + OriginMap.stride - 1) / OriginMap.stride)
            guard newCount > 0 else {
                (lastStart, lastEnd) = (0, 0)
                return
            }
            // The range of the new last unit, summed from its checkpoint as `range(of:)` does.
            let last = newCount - 1
            var end = Int(checkpoints[last / OriginMap.stride])
            for k in (last - last % OriginMap.stride)..<last {
                end += value(gaps, gapEscapes, k) + value(lengths, lengthEscapes, k)
            }
            lastStart = end + value(gaps, gapEscapes, last)
            lastEnd = lastStart + value(lengths, lengthEscapes, last)
        }

        /// The gap or length of unit `i` as written (0 for a unit that did not fit).
        private func value(_ column: OutputColumn<UInt8>, _ escapes: Escapes, _ i: Int) -> Int {
            guard i < column.count else { return 0 }
            return column[i] == OriginMap.escaped ? escapes.value(of: i) : Int(column[i])
        }
    }
}

extension OriginMap {
    /// The map of units `range` of this one, as the map of a text of its own (ranges unchanged).
    ///
    /// - Complexity: O(64 + range.count).
    public func slice(_ range: Range<Int>) -> OriginMap {
        Self.build(capacity: range.count) { writer in
            for r in ranges(range) { writer.append(r.lowerBound, r.upperBound) }
        }.map
    }

}
