import DoppelIO
import DoppelText

/// The first page of an index file: magic, format version, the parameters the index was built
/// with, where each section lies, and the checksums that protect the rest. The README's "Index
/// file format" section documents the same layout; `encode()` and `init(decoding:path:)` are its
/// only writer and reader.
///
/// Layout (little-endian; offsets in bytes from the start of the file):
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 8 | magic `DOPPELIX` |
/// | 8 | 4 | format version (1) |
/// | 12 | 4 | bytes covered by the header checksum (184) |
/// | 16 | 8 | file length |
/// | 24 | 4 | block size (4096) |
/// | 28 | 4 | storage: 0 compact shingle sets, 1 signatures only |
/// | 32 | 8 | document count |
/// | 40 | 4, 4 | character gram, word gram |
/// | 48 | 4, 4 | permutations, scheme (0 `oph`, 1 `kperm`) |
/// | 56 | 8 | MinHash seed |
/// | 64 | 4, 4 | bands, rows |
/// | 72 | 8, 8, 8 | threshold, containment (NaN: off), candidate threshold (IEEE 754 doubles) |
/// | 96 | 4 | minimum contained shingles |
/// | 100 | 4 | normalisation flags: 1 ignore case, 2 ignore punctuation, 4 fold variants |
/// | 104 | 4, 4 | layout (0 auto, 1 flowed, 2 print), reserved (0) |
/// | 112 | 16 × 4 | offset and length of the records, offsets, bands and checksum sections |
/// | 176 | 8 | checksum of the checksum section |
/// | 184 | 8 | checksum of bytes 0 ..< 184 |
///
/// The rest of the page is zero; the payload starts at `pageSize`.
struct IndexHeader: Equatable {
    static let magic: [UInt8] = Array("DOPPELIX".utf8)
    /// The format version this code writes and the only one it reads.
    static let version: UInt32 = 1
    /// Bytes of the header page; the payload starts here.
    static let pageSize = 4096
    /// Bytes of payload per checksum.
    static let blockSize = 4096
    /// Bytes covered by the header checksum, which follows them.
    static let checkedLength = 184

    var parameters: IndexParameters
    var documentCount: Int
    var fileLength: Int
    /// Per document: its record (see `IndexedDocument`), 4-byte aligned.
    var records: Range<Int>
    /// `documentCount + 1` offsets (UInt64) of records, relative to `records.lowerBound`.
    var offsets: Range<Int>
    /// The band tables (see `IndexBandTables`).
    var bands: Range<Int>
    /// One checksum (UInt64) per block of `pageSize ..< checksums.lowerBound`.
    var checksums: Range<Int>
    /// `IndexChecksum.hash` of the checksum section.
    var checksumsHash: UInt64

    /// The header page.
    ///
    /// - Complexity: O(1).
    func encode() -> [UInt8] {
        let cluster = parameters.cluster
        let normalization = parameters.normalization
        var page = IndexBytes()
        page.append(Self.magic)
        page.append(Self.version)
        page.append(UInt32(Self.checkedLength))
        page.append(UInt64(fileLength))
        page.append(UInt32(Self.blockSize))
        page.append(UInt32(cluster.verification == .exact ? 0 : 1))
        page.append(UInt64(documentCount))
        page.append(UInt32(cluster.shingle.characterGram))
        page.append(UInt32(cluster.shingle.wordGram))
        page.append(UInt32(cluster.permutations))
        page.append(UInt32(cluster.scheme == .onePermutation ? 0 : 1))
        page.append(parameters.seed)
        page.append(UInt32(parameters.lsh.bands))
        page.append(UInt32(parameters.lsh.rows))
        page.append(cluster.threshold.bitPattern)
        page.append((cluster.containmentThreshold ?? .nan).bitPattern)
        page.append(cluster.candidateThreshold.bitPattern)
        page.append(UInt32(cluster.minimumContainedShingles))
        var flags: UInt32 = 0
        if normalization.ignoreCase { flags |= 1 }
        if normalization.ignorePunctuation { flags |= 2 }
        if normalization.foldVariants { flags |= 4 }
        page.append(flags)
        page.append(UInt32(NormalizationOptions.Layout.allCases.firstIndex(of: normalization.layout)!))
        page.append(UInt32(0))
        for section in [records, offsets, bands, checksums] {
            page.append(UInt64(section.lowerBound))
            page.append(UInt64(section.count))
        }
        page.append(checksumsHash)
        page.append(IndexChecksum.hash(page.bytes))
        page.bytes += [UInt8](repeating: 0, count: Self.pageSize - page.bytes.count)
        return page.bytes
    }

    /// Reads and checks a header page: magic, version, checksum, the unchecked rest of the page
    /// zero, parameters in range (no unknown flag, reserved field zero), sections in order inside
    /// the file and long enough for the document count, the blocks and the band headers.
    ///
    /// - Parameter page: the file's first bytes (at least `pageSize` unless the file is shorter).
    /// - Parameter actualLength: the file's length on disk.
    /// - Throws: `DoppelError.badIndex` saying what is wrong.
    /// - Complexity: O(1).
    init(decoding page: UnsafeRawBufferPointer, actualLength: Int, path: String) throws {
        func bad(_ reason: String) -> DoppelError { .badIndex(path: path, reason: reason) }
        let start = Array(page.prefix(Self.magic.count))
        guard start == Array(Self.magic.prefix(start.count)) else {
            throw bad("not a doppel index: no DOPPELIX magic")
        }
        guard page.count >= 12 else { throw bad("truncated: \(actualLength) bytes") }
        let reader = IndexBytes.Reader(page)
        let version = reader.u32(8)
        guard version == Self.version else {
            throw bad("format version \(version); this doppel reads version \(Self.version) only")
        }
        guard page.count >= Self.pageSize else {
            throw bad("truncated: \(actualLength) bytes, shorter than the header page")
        }
        guard Int(reader.u32(12)) == Self.checkedLength,
              IndexChecksum.hash(UnsafeRawBufferPointer(rebasing: page[0..<Self.checkedLength]))
                  == reader.u64(Self.checkedLength)
        else { throw bad("checksum mismatch") }
        // The checksum covers bytes 0 ..< 184 only; the rest of the page must be zero, so that a
        // damaged or crafted byte there is refused rather than ignored.
        if let nonzero = (Self.checkedLength + 8 ..< Self.pageSize).first(where: { page[$0] != 0 }) {
            throw bad("header byte \(nonzero) is not zero")
        }
        fileLength = Int(clamping: reader.u64(16))
        guard fileLength == actualLength else {
            throw bad(actualLength < fileLength
                ? "truncated: \(actualLength) of \(fileLength) bytes"
                : "\(actualLength - fileLength) bytes after the end of the index")
        }
        guard Int(reader.u32(24)) == Self.blockSize else { throw bad("unknown block size") }
        documentCount = Int(clamping: reader.u64(32))
        guard documentCount <= Int(UInt32.max) else { throw bad("too many documents") }
        let schemes: [MinHashScheme] = [.onePermutation, .independent]
        let layouts = NormalizationOptions.Layout.allCases
        let storage = reader.u32(28)
        let scheme = Int(reader.u32(52))
        let layout = Int(reader.u32(104))
        guard storage <= 1, scheme < schemes.count, layout < layouts.count else {
            throw bad("unknown storage, scheme or layout")
        }
        let containment = Double(bitPattern: reader.u64(80))
        let flags = reader.u32(100)
        guard flags & ~7 == 0 else { throw bad("unknown normalisation flags \(flags)") }
        guard reader.u32(108) == 0 else { throw bad("reserved header field is not zero") }
        do {
            let cluster = try ClusterOptions(
                threshold: Double(bitPattern: reader.u64(72)),
                containmentThreshold: containment.isNaN ? nil : containment,
                minimumContainedShingles: Int(reader.u32(96)),
                candidateThreshold: Double(bitPattern: reader.u64(88)),
                permutations: Int(reader.u32(48)), scheme: schemes[scheme],
                shingle: ShingleOptions(characterGram: Int(reader.u32(40)),
                                        wordGram: Int(reader.u32(44))),
                verification: storage == 0 ? .exact : .signature)
            let bands = Int(reader.u32(64))
            let rows = Int(reader.u32(68))
            // Each factor is checked first: two 32-bit values can overflow their product.
            guard bands >= 1, rows >= 1, bands <= cluster.permutations, rows <= cluster.permutations,
                  bands * rows <= cluster.permutations
            else {
                throw bad("banding \(bands)x\(rows) does not fit \(cluster.permutations) values")
            }
            parameters = IndexParameters(
                cluster: cluster, lsh: LSHParameters(bands: bands, rows: rows),
                seed: reader.u64(56),
                normalization: NormalizationOptions(
                    layout: layouts[layout], ignoreCase: flags & 1 != 0,
                    ignorePunctuation: flags & 2 != 0, foldVariants: flags & 4 != 0, keepMap: false))
        } catch let error as DoppelError {
            if case .badIndex = error { throw error }
            throw bad("parameters out of range (\(error))")
        }
        var sections: [Range<Int>] = []
        var end = Self.pageSize
        for index in 0..<4 {
            let start = Int(clamping: reader.u64(112 + 16 * index))
            let length = Int(clamping: reader.u64(120 + 16 * index))
            guard start >= end, length <= fileLength - start else {
                throw bad("sections out of order")
            }
            sections.append(start..<(start + length))
            end = start + length
        }
        (records, offsets, bands, checksums) = (sections[0], sections[1], sections[2], sections[3])
        let blocks = (checksums.lowerBound - Self.pageSize + Self.blockSize - 1) / Self.blockSize
        guard checksums.upperBound == fileLength, checksums.count == 8 * blocks,
              offsets.count == 8 * (documentCount + 1), records.count % 4 == 0,
              bands.count >= IndexBandTables.headerLength * parameters.lsh.bands
        else { throw bad("section lengths do not match") }
        checksumsHash = reader.u64(176)
    }

    /// A header from its parts (for writing).
    ///
    /// - Complexity: O(1).
    init(parameters: IndexParameters, documentCount: Int, fileLength: Int, records: Range<Int>,
         offsets: Range<Int>, bands: Range<Int>, checksums: Range<Int>, checksumsHash: UInt64) {
        self.parameters = parameters
        self.documentCount = documentCount
        self.fileLength = fileLength
        self.records = records
        self.offsets = offsets
        self.bands = bands
        self.checksums = checksums
        self.checksumsHash = checksumsHash
    }
}
