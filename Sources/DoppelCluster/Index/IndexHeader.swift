import DoppelIO
import DoppelText

/// The first page of an index file: magic, format version, the parameters the index was built
/// with, where each section lies, and the checksums that protect the rest.
///
/// The layout is `IndexHeader.layout`, one table of fields (name, offset, width, and what a
/// reader accepts of each): `encode()` writes every field through it and `init(decoding:)` reads
/// and checks every field through it, so the table is the format's definition and the
/// documentation of the index file format (docs/formats.md) follows it. Fields are
/// little-endian; bytes `checkedLength + 8 ..< pageSize` are zero; the payload starts at
/// `pageSize`.
struct IndexHeader: Equatable {
    static let magic: [UInt8] = Array("DOPPELIX".utf8)
    /// The format version this code writes and the only one it reads. Version 3 adds the sample
    /// table (the containment sample of short documents); version 2 kept each shingle set in
    /// text order (the aligned share) and the containment banding's tables. Versions 1 and 2 are
    /// refused with a message to rebuild them.
    static let version: UInt32 = 3
    /// Bytes of the header page; the payload starts here.
    static let pageSize = 4096
    /// Bytes of payload per checksum.
    static let blockSize = 4096
    /// Bytes covered by the header checksum, which follows them.
    static let checkedLength = 208

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
        var values = FieldValues()
        values[.magic] = Self.magicValue
        values[.version] = UInt64(Self.version)
        values[.checkedLength] = UInt64(Self.checkedLength)
        values[.fileLength] = UInt64(fileLength)
        values[.blockSize] = UInt64(Self.blockSize)
        values[.storage] = Self.code(of: cluster.verification, in: Self.storages)
        values[.documentCount] = UInt64(documentCount)
        values[.characterGram] = UInt64(cluster.shingle.characterGram)
        values[.wordGram] = UInt64(cluster.shingle.wordGram)
        values[.permutations] = UInt64(cluster.permutations)
        values[.scheme] = Self.code(of: cluster.scheme, in: Self.schemes)
        values[.seed] = parameters.seed
        values[.bands] = UInt64(parameters.lsh.bands)
        values[.rows] = UInt64(parameters.lsh.rows)
        values[.threshold] = cluster.threshold.bitPattern
        values[.containmentThreshold] = (cluster.containmentThreshold ?? .nan).bitPattern
        values[.candidateThreshold] = cluster.candidateThreshold.bitPattern
        values[.minimumContainedShingles] = UInt64(cluster.minimumContainedShingles)
        var flags: UInt64 = 0
        if normalization.ignoreCase { flags |= Self.ignoreCaseFlag }
        if normalization.ignorePunctuation { flags |= Self.ignorePunctuationFlag }
        if normalization.foldVariants { flags |= Self.foldVariantsFlag }
        values[.normalizationFlags] = flags
        values[.layout] = Self.code(of: normalization.layout, in: NormalizationOptions.Layout.allCases)
        values[.reserved] = 0
        for (field, section) in zip(Self.sectionFields, [records, offsets, bands, checksums]) {
            values[field.start] = UInt64(section.lowerBound)
            values[field.length] = UInt64(section.count)
        }
        values[.checksumsHash] = checksumsHash
        values[.alignedShare] = (cluster.alignedShare ?? .nan).bitPattern
        values[.shortItemShingles] = UInt64(cluster.shortItemShingles)
        values[.containmentBands] = UInt64(parameters.containmentLSH?.bands ?? 0)
        values[.containmentRows] = UInt64(parameters.containmentLSH?.rows ?? 0)
        values[.largestSampled] = UInt64(parameters.largestSampled ?? 0)
        var page = [UInt8](repeating: 0, count: Self.pageSize)
        for row in Self.layout where row.field != .headerChecksum {
            row.write(values[row.field], into: &page)
        }
        Self.row(.headerChecksum).write(IndexChecksum.hash(Array(page[0..<Self.checkedLength])), into: &page)
        return page
    }

    /// Reads and checks a header page: magic, version, checksum, the unchecked rest of the page
    /// zero, each field as `layout` accepts it (no unknown code or flag, reserved field zero),
    /// parameters in range, sections in order inside the file and long enough for the document
    /// count, the blocks and the band headers.
    ///
    /// - Parameter page: the file's first bytes (at least `pageSize` unless the file is shorter).
    /// - Parameter actualLength: the file's length on disk.
    /// - Throws: `DoppelError.badIndex` saying what is wrong.
    /// - Complexity: O(1).
    init(decoding page: UnsafeRawBufferPointer, actualLength: Int, path: String) throws {
        func bad(_ reason: String) -> DoppelError { .badIndex(path: path, reason: reason) }
        // What must hold before any field is trusted: the magic (of as many bytes as there are),
        // the version (so that another version is named as such), a whole page, its checksum.
        let start = Array(page.prefix(Self.magic.count))
        guard start == Array(Self.magic.prefix(start.count)) else {
            throw bad("not a doppel index: no DOPPELIX magic")
        }
        let version = Self.row(.version)
        guard page.count >= version.offset + version.width else {
            throw bad("truncated: \(actualLength) bytes")
        }
        let reader = IndexBytes.Reader(page)
        if let reason = version.refusal(of: version.read(reader), actualLength: actualLength) {
            throw bad(reason)
        }
        guard page.count >= Self.pageSize else {
            throw bad("truncated: \(actualLength) bytes, shorter than the header page")
        }
        let checkedLength = Self.row(.checkedLength)
        guard checkedLength.refusal(of: checkedLength.read(reader), actualLength: actualLength) == nil,
            IndexChecksum.hash(UnsafeRawBufferPointer(rebasing: page[0..<Self.checkedLength]))
                == Self.row(.headerChecksum).read(reader)
        else { throw bad("checksum mismatch") }
        // The checksum covers bytes 0 ..< 208 only; the rest of the page must be zero, so that a
        // damaged or crafted byte there is refused rather than ignored.
        if let nonzero = (Self.checkedLength + 8..<Self.pageSize).first(where: { page[$0] != 0 }) {
            throw bad("header byte \(nonzero) is not zero")
        }
        var values = FieldValues()
        for row in Self.layout {
            let value = row.read(reader)
            if let reason = row.refusal(of: value, actualLength: actualLength) { throw bad(reason) }
            values[row.field] = value
        }
        fileLength = Int(clamping: values[.fileLength])
        documentCount = Int(clamping: values[.documentCount])
        // Checks across fields.
        let containment = Double(bitPattern: values[.containmentThreshold])
        let aligned = Double(bitPattern: values[.alignedShare])
        let flags = values[.normalizationFlags]
        do {
            let cluster = try ClusterOptions(
                threshold: Double(bitPattern: values[.threshold]),
                containmentThreshold: containment.isNaN ? nil : containment,
                minimumContainedShingles: Int(values[.minimumContainedShingles]),
                alignedShare: aligned.isNaN ? nil : aligned,
                shortItemShingles: Int(values[.shortItemShingles]),
                candidateThreshold: Double(bitPattern: values[.candidateThreshold]),
                permutations: Int(values[.permutations]), scheme: Self.schemes[Int(values[.scheme])],
                shingle: ShingleOptions(
                    characterGram: Int(values[.characterGram]),
                    wordGram: Int(values[.wordGram])),
                verification: Self.storages[Int(values[.storage])])
            let bands = Int(values[.bands])
            let rows = Int(values[.rows])
            // Each factor is checked first: two 32-bit values can overflow their product.
            guard bands >= 1, rows >= 1, bands <= cluster.permutations, rows <= cluster.permutations,
                bands * rows <= cluster.permutations
            else {
                throw bad("banding \(bands)x\(rows) does not fit \(cluster.permutations) values")
            }
            let containmentBands = Int(values[.containmentBands])
            let containmentRows = Int(values[.containmentRows])
            // None, or bands of at most 4 sketch bytes that fit the signature.
            guard
                (containmentBands == 0 && containmentRows == 0)
                    || (containmentBands >= 1 && (1...4).contains(containmentRows)
                        && containmentBands <= cluster.permutations
                        && containmentBands * containmentRows <= cluster.permutations)
            else {
                throw bad(
                    "containment banding \(containmentBands)x\(containmentRows) does not fit "
                        + "\(cluster.permutations) sketch bytes")
            }
            parameters = IndexParameters(
                cluster: cluster, lsh: LSHParameters(checkedBands: bands, rows: rows),
                containmentLSH: containmentBands == 0
                    ? nil : LSHParameters(checkedBands: containmentBands, rows: containmentRows),
                largestSampled: values[.largestSampled] == 0 ? nil : Int(values[.largestSampled]),
                seed: values[.seed],
                normalization: NormalizationOptions(
                    layout: NormalizationOptions.Layout.allCases[Int(values[.layout])],
                    ignoreCase: flags & Self.ignoreCaseFlag != 0,
                    ignorePunctuation: flags & Self.ignorePunctuationFlag != 0,
                    foldVariants: flags & Self.foldVariantsFlag != 0, keepMap: false))
        } catch let error as DoppelError {
            if case .badIndex = error { throw error }
            throw bad("parameters out of range (\(error))")
        }
        var sections: [Range<Int>] = []
        var end = Self.pageSize
        for field in Self.sectionFields {
            let start = Int(clamping: values[field.start])
            let length = Int(clamping: values[field.length])
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
            bands.count >= IndexBandTables.headerLength * parameters.tables
        else { throw bad("section lengths do not match") }
        checksumsHash = values[.checksumsHash]
    }

    /// A header from its parts (for writing).
    ///
    /// - Complexity: O(1).
    init(
        parameters: IndexParameters, documentCount: Int, fileLength: Int, records: Range<Int>,
        offsets: Range<Int>, bands: Range<Int>, checksums: Range<Int>, checksumsHash: UInt64
    ) {
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
