import Foundation

/// The blocks of an opened index whose checksums have matched, so that each block is hashed once
/// per opening rather than once per read: a run of queries reads the same band-table blocks
/// again and again, and hashing them was most of a query's time (`IndexArchive.bytes(_:)`).
/// The mapping is read-only and writers replace an index by renaming a new file over it, so a
/// block that matched once holds the same bytes for as long as the archive is open.
///
/// Several threads may check and mark blocks at once.
final class IndexCheckedBlocks: @unchecked Sendable {
    private var words: [UInt64]
    private let lock = NSLock()

    /// No block of `count` checked yet.
    ///
    /// - Complexity: O(count / 64).
    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    /// Whether `block`'s checksum has matched.
    ///
    /// - Complexity: O(1).
    func contains(_ block: Int) -> Bool {
        lock.withLock { words[block >> 6] & (1 << UInt64(block & 63)) != 0 }
    }

    /// Records that `block`'s checksum matched.
    ///
    /// - Complexity: O(1).
    func insert(_ block: Int) {
        lock.withLock { words[block >> 6] |= 1 << UInt64(block & 63) }
    }
}
