/// The `ShingleOccupancy` rows of every document (256 bytes each), written in pass 1 and read by
/// verification, held in memory: 256 MB for a million documents, which `ClusterEngine` takes
/// out of the memory budget of its `MaterialStore` (a scratch file is cheaper to read from than
/// to hold the rows in: verification reads a row for every candidate pair).
///
/// Several threads may `write` at once, for distinct documents; reads come after the last
/// `write` returns.
final class OccupancyTable: @unchecked Sendable {
    /// Documents in the table.
    let documentCount: Int
    /// `documentCount` × `ShingleOccupancy.words` words, row after row.
    private let rows: UnsafeMutableBufferPointer<UInt64>

    /// A table for `documentCount` documents, every row zero.
    ///
    /// - Complexity: O(documentCount).
    init(documentCount: Int) {
        precondition(documentCount >= 0)
        self.documentCount = documentCount
        rows = .allocate(capacity: max(1, documentCount * ShingleOccupancy.words))
        rows.initialize(repeating: 0)
    }

    deinit { rows.deallocate() }

    /// Bytes the rows of `documentCount` documents take.
    static func byteCount(documentCount: Int) -> Int { documentCount * 8 * ShingleOccupancy.words }

    /// Stores the rows of consecutive documents `documents`, one after the other in `source`.
    ///
    /// - Complexity: O(source.count).
    func write(_ source: UnsafeBufferPointer<UInt64>, documents: Range<Int>) {
        precondition(source.count == documents.count * ShingleOccupancy.words)
        precondition(documents.lowerBound >= 0 && documents.upperBound <= documentCount)
        if source.isEmpty { return }
        (rows.baseAddress! + documents.lowerBound * ShingleOccupancy.words)
            .update(from: source.baseAddress!, count: source.count)
    }

    /// The row of `document`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func row(of document: Int) -> UnsafePointer<UInt64> {
        precondition(document >= 0 && document < documentCount)
        return UnsafePointer(rows.baseAddress! + document * ShingleOccupancy.words)
    }
}
