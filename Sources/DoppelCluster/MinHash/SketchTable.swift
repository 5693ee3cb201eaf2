/// The b-bit MinHash sketches of a whole collection (Li & König 2010, "b-Bit minwise hashing"),
/// with b = 8: the lowest byte of every signature value, k bytes per document, plus how many of
/// its values one-permutation hashing borrowed from other bins (`MinHasher.fill`). For 2 KB
/// documents and 128 values this is an eighth of a million signatures' 512 MB, small enough to
/// keep in memory and compare any candidate pair without reading it again.
///
/// Two documents agree on a byte when their values agree (probability: their Jaccard similarity
/// J) or, otherwise, by chance (probability 1/256). The number of agreeing bytes therefore never
/// falls short of the number of agreeing values, which is what `CandidateFilter` relies on.
public struct SketchTable: Sendable {
    /// Bytes per document (the signature length).
    public let width: Int
    /// Documents in the table, numbered `0 ..< documentCount`.
    public let documentCount: Int
    /// `bytes[document * width + i]`: the lowest byte of value `i`.
    private var bytes: [UInt8]
    /// Values each document borrowed (densification); 255 stands for 255 or more, and for a
    /// document without a signature, whose bytes are all 0.
    private var borrowed: [UInt8]

    /// A table of `documentCount` documents without sketches.
    ///
    /// - Complexity: O(width × documentCount).
    public init(width: Int, documentCount: Int) {
        precondition(width >= 1 && documentCount >= 0)
        self.width = width
        self.documentCount = documentCount
        bytes = [UInt8](repeating: 0, count: width * documentCount)
        borrowed = [UInt8](repeating: .max, count: documentCount)
    }

    /// Records the sketch of the signature `values` of `document`, of which `borrowed` values
    /// came from other bins.
    ///
    /// - Complexity: O(width).
    public mutating func insert(_ values: [UInt32], borrowed: Int, for document: Int) {
        values.withUnsafeBufferPointer { values in
            withWriter { $0.insert(values, borrowed: borrowed, for: document) }
        }
    }

    /// The number of positions where the sketches of `a` and `b` agree.
    ///
    /// - Complexity: O(width), eight bytes at a time.
    public func agreements(_ a: Int, _ b: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            let x = raw.baseAddress! + a * width
            let y = raw.baseAddress! + b * width
            var count = 0
            var i = 0
            while i + 8 <= width {
                let d =
                    x.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    ^ y.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A byte of d is zero exactly when its high bit survives here (no carries
                // cross bytes: each byte adds at most 0x7F + 0x7F).
                let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
                count += (~(((d & low) &+ low) | d | low)).nonzeroBitCount
                i += 8
            }
            while i < width {
                if x.load(fromByteOffset: i, as: UInt8.self) == y.load(fromByteOffset: i, as: UInt8.self) {
                    count += 1
                }
                i += 1
            }
            return count
        }
    }

    /// The `count` sketch bytes of `document` from position `start`, packed into one integer
    /// (the first byte lowest): a band key of the containment banding
    /// (`BandKeyTable.sketchPairs`).
    ///
    /// - Precondition: `count <= 4`, `start + count <= width`.
    /// - Complexity: O(count).
    public func key(of document: Int, from start: Int, count: Int) -> UInt32 {
        precondition(count <= 4 && start >= 0 && start + count <= width)
        var key: UInt32 = 0
        let row = document * width + start
        for i in 0..<count { key |= UInt32(bytes[row + i]) << (8 * i) }
        return key
    }

    /// Values `document` borrowed from other bins (255: 255 or more, or no signature).
    ///
    /// - Complexity: O(1).
    public func borrowedValues(_ document: Int) -> Int { Int(borrowed[document]) }

    /// Calls `body` with a writer that several threads may use at once for distinct documents.
    mutating func withWriter<R>(_ body: (Writer) throws -> R) rethrows -> R {
        let width = width
        let documentCount = documentCount
        return try bytes.withUnsafeMutableBufferPointer { bytes in
            try borrowed.withUnsafeMutableBufferPointer { borrowed in
                try body(
                    Writer(
                        width: width, documentCount: documentCount,
                        bytes: bytes.baseAddress, borrowed: borrowed.baseAddress))
            }
        }
    }

    /// Writes sketches into the table's storage; documents must be distinct across threads.
    struct Writer: @unchecked Sendable {
        let width: Int
        let documentCount: Int
        let bytes: UnsafeMutablePointer<UInt8>?
        let borrowed: UnsafeMutablePointer<UInt8>?

        func insert(_ values: UnsafeBufferPointer<UInt32>, borrowed count: Int, for document: Int) {
            precondition(document >= 0 && document < documentCount && values.count == width)
            guard let bytes, let borrowed else { return }
            let row = bytes + document * width
            for i in 0..<width { row[i] = UInt8(truncatingIfNeeded: values[i]) }
            borrowed[document] = UInt8(min(count, 255))
        }
    }
}
