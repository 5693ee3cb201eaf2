import DoppelText

/// The first pass over one document, the one signing path: shingle hashes (`Shingler`), the
/// MinHash signature (`MinHasher.fill`), and the distinct compact shingles (`CompactSetTable`),
/// in buffers reused from one document to the next. `ClusterEngine` and `DocumentSigner` (and
/// through it `doppel sign`, `index` and queries) both sign through it, so their signatures, band
/// keys and shingle counts cannot differ.
///
/// One workspace per worker: it is a value with its own buffers, never shared between threads.
struct SigningWorkspace {
    let shingler: Shingler
    let hasher: MinHasher
    /// The signature values of the last document signed (`hasher.permutations` of them);
    /// unspecified when that document had no shingles.
    private(set) var values: [UInt32]
    private var hashes: [UInt64] = []
    private var distinct = CompactSetTable()

    /// A workspace for `shingler` and `hasher`.
    ///
    /// - Complexity: O(permutations).
    init(shingler: Shingler, hasher: MinHasher) {
        self.shingler = shingler
        self.hasher = hasher
        values = [UInt32](repeating: 0, count: hasher.permutations)
        hashes.reserveCapacity(4096)
    }

    /// The number of distinct compact shingles of the last document signed.
    var distinctCount: Int { distinct.count }

    /// Signs `text`: fills `values` with its signature and counts its distinct compact shingles,
    /// appending them to `shingles` when `keepingShingles`, as `StreamMaterial` lays them out:
    /// the number of character shingles, then the character stream's compact shingles in the
    /// order of their first occurrence, then the word stream's.
    ///
    /// - Returns: how many values densification borrowed from other bins (`MinHasher.fill`), or
    ///   nil when the text has no shingles, and so no signature.
    /// - Complexity: O(n) for n normalised units with one-permutation hashing (O(n·k) with k
    ///   independent permutations), plus O(n) expected for the distinct shingles.
    mutating func sign(
        _ text: NormalizedText, appendingShinglesTo shingles: inout [UInt32],
        keepingShingles: Bool
    ) -> Int? {
        hashes.removeAll(keepingCapacity: true)
        let characterCount = shingler.appendHashesByStream(of: text, to: &hashes)
        let hasher = hasher
        let borrowed = hashes.withUnsafeBufferPointer { hashes in
            values.withUnsafeMutableBufferPointer { hasher.fill($0, from: hashes) }
        }
        if keepingShingles {
            _ = hashes.withUnsafeBufferPointer {
                StreamMaterial.append(
                    $0, characterCount: characterCount, to: &shingles,
                    table: &distinct)
            }
        } else {
            distinct.reset(capacity: hashes.count)
            hashes.withUnsafeBufferPointer {
                distinct.insert(upperHalvesOf: $0, newValues: &shingles, keepingNew: false)
            }
        }
        return borrowed
    }
}
