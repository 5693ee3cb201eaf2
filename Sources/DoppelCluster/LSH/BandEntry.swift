/// One entry of a band's table: a document and its 32-bit band key (the upper half of its 64-bit
/// band key, as `BandKeyTable` keeps it), packed as `key << 32 | document` so that a band's
/// entries sort as integers by key, then document, and equal keys lie together. The band tables
/// of an index file store these 64 bits as they are (`IndexBandTables`).
///
/// Arrays of entries stay `[UInt64]` (`packed`), which sort with `sortHashes` and are written
/// to a file without conversion; this type packs and unpacks them.
struct BandEntry {
    /// `key << 32 | document`.
    let packed: UInt64

    /// The entry of `document` under the 32-bit `key`.
    ///
    /// - Precondition: `0 <= document < 2³²`.
    /// - Complexity: O(1).
    @inline(__always)
    init(key: UInt32, document: Int) {
        assert(document >= 0 && document <= Int(UInt32.max), "document \(document) does not fit 32 bits")
        packed = UInt64(key) << 32 | UInt64(truncatingIfNeeded: document)
    }

    /// The entry of `document` under the 64-bit band key `bandKey` (`LSHParameters.bandKey`),
    /// which keeps its upper half.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    init(bandKey: UInt64, document: Int) {
        self.init(key: Self.key(ofBandKey: bandKey), document: document)
    }

    /// An entry as stored.
    @inline(__always)
    init(packed: UInt64) { self.packed = packed }

    /// The 32-bit key an entry keeps of a 64-bit band key: its upper half.
    @inline(__always)
    static func key(ofBandKey bandKey: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: bandKey >> 32) }

    /// The 32-bit band key.
    var key: UInt32 {
        @inline(__always) get { UInt32(truncatingIfNeeded: packed >> 32) }
    }

    /// The document.
    var document: Int {
        @inline(__always) get { Int(packed & 0xFFFF_FFFF) }
    }
}
