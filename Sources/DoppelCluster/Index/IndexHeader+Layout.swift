import DoppelText

extension IndexHeader {
    /// A field of the header page, in file order.
    enum Field: Int, CaseIterable, Sendable {
        case magic, version, checkedLength, fileLength, blockSize, storage, documentCount
        case characterGram, wordGram, permutations, scheme, seed, bands, rows
        case threshold, containmentThreshold, candidateThreshold, minimumContainedShingles
        case normalizationFlags, layout, reserved
        case recordsStart, recordsLength, offsetsStart, offsetsLength
        case bandsStart, bandsLength, checksumsStart, checksumsLength
        case checksumsHash
        case alignedShare, shortItemShingles, containmentBands, containmentRows, largestSampled
        case headerChecksum
    }

    /// One row of `layout`: where a field lies and what a reader accepts of it.
    struct FieldLayout: Sendable {
        let field: Field
        /// Bytes from the start of the file.
        let offset: Int
        /// Bytes: 4 (UInt32) or 8 (UInt64, or an IEEE 754 double's bits).
        let width: Int
        /// Why a reader refuses the value on its own (the file's actual length given), or nil
        /// when it takes it. Checks across fields follow in `init(decoding:actualLength:path:)`.
        let check: @Sendable (_ value: UInt64, _ actualLength: Int) -> String?

        init(
            _ field: Field, _ offset: Int, _ width: Int,
            check: @escaping @Sendable (_ value: UInt64, _ actualLength: Int) -> String? = { _, _ in nil }
        ) {
            self.field = field
            self.offset = offset
            self.width = width
            self.check = check
        }

        /// The reason `check` gives, if any.
        func refusal(of value: UInt64, actualLength: Int) -> String? { check(value, actualLength) }

        /// The field's value in a page (at least `offset + width` bytes).
        ///
        /// - Complexity: O(1).
        func read(_ reader: IndexBytes.Reader) -> UInt64 {
            width == 4 ? UInt64(reader.u32(offset)) : reader.u64(offset)
        }

        /// Writes `value` little-endian into its place in `page`.
        ///
        /// - Precondition: the value fits the width.
        /// - Complexity: O(1).
        func write(_ value: UInt64, into page: inout [UInt8]) {
            precondition(width == 8 || value >> 32 == 0, "header field \(field) does not fit \(width) bytes")
            for byte in 0..<width { page[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte)) }
        }
    }

    /// The layout of the header page: the one description of the format's header, which both
    /// `encode()` and `init(decoding:actualLength:path:)` go through (docs/formats.md describes
    /// the same fields and defers to this table). Little-endian; the fields tile bytes
    /// `0 ..< checkedLength + 8`, the rest of the page is zero.
    static let layout: [FieldLayout] = [
        // "DOPPELIX".
        FieldLayout(.magic, 0, 8) { value, _ in
            value == magicValue ? nil : "not a doppel index: no DOPPELIX magic"
        },
        // The format version, 3.
        FieldLayout(.version, 8, 4) { value, _ in
            if value == UInt64(version) { return nil }
            let missing = [
                1: "the text order the aligned share needs",
                2: "the table the containment sample of short documents needs",
            ]
            if let what = missing[Int(value)] {
                return "format version \(value), without \(what); this doppel reads version "
                    + "\(version) only: rebuild it with doppel index build"
            }
            return "format version \(value); this doppel reads version \(version) only"
        },
        // Bytes covered by the header checksum: 208.
        FieldLayout(.checkedLength, 12, 4) { value, _ in
            value == UInt64(checkedLength) ? nil : "checksum mismatch"
        },
        // The file's length in bytes.
        FieldLayout(.fileLength, 16, 8) { value, actualLength in
            let length = Int(clamping: value)
            if length == actualLength { return nil }
            return actualLength < length
                ? "truncated: \(actualLength) of \(length) bytes"
                : "\(actualLength - length) bytes after the end of the index"
        },
        // Bytes of payload per checksum: 4096.
        FieldLayout(.blockSize, 24, 4) { value, _ in
            value == UInt64(blockSize) ? nil : "unknown block size"
        },
        // What records keep: 0 compact shingle sets (exact), 1 signatures only (`storages`).
        FieldLayout(.storage, 28, 4) { value, _ in
            value < storages.count ? nil : "unknown storage, scheme or layout"
        },
        FieldLayout(.documentCount, 32, 8) { value, _ in
            value <= UInt64(UInt32.max) ? nil : "too many documents"
        },
        FieldLayout(.characterGram, 40, 4),
        FieldLayout(.wordGram, 44, 4),
        FieldLayout(.permutations, 48, 4),
        // 0 `oph`, 1 `kperm` (`schemes`).
        FieldLayout(.scheme, 52, 4) { value, _ in
            value < schemes.count ? nil : "unknown storage, scheme or layout"
        },
        // The MinHash seed.
        FieldLayout(.seed, 56, 8),
        FieldLayout(.bands, 64, 4),
        FieldLayout(.rows, 68, 4),
        // IEEE 754 doubles; a NaN containment threshold means off.
        FieldLayout(.threshold, 72, 8),
        FieldLayout(.containmentThreshold, 80, 8),
        FieldLayout(.candidateThreshold, 88, 8),
        FieldLayout(.minimumContainedShingles, 96, 4),
        // 1 ignore case, 2 ignore punctuation, 4 fold variants.
        FieldLayout(.normalizationFlags, 100, 4) { value, _ in
            value & ~allNormalizationFlags == 0 ? nil : "unknown normalisation flags \(value)"
        },
        // 0 auto, 1 flowed, 2 print (`NormalizationOptions.Layout.allCases`).
        FieldLayout(.layout, 104, 4) { value, _ in
            value < NormalizationOptions.Layout.allCases.count ? nil : "unknown storage, scheme or layout"
        },
        FieldLayout(.reserved, 108, 4) { value, _ in
            value == 0 ? nil : "reserved header field is not zero"
        },
        // Offset and length of each section, in file order (`sectionFields`).
        FieldLayout(.recordsStart, 112, 8),
        FieldLayout(.recordsLength, 120, 8),
        FieldLayout(.offsetsStart, 128, 8),
        FieldLayout(.offsetsLength, 136, 8),
        FieldLayout(.bandsStart, 144, 8),
        FieldLayout(.bandsLength, 152, 8),
        FieldLayout(.checksumsStart, 160, 8),
        FieldLayout(.checksumsLength, 168, 8),
        // `IndexChecksum.hash` of the checksum section.
        FieldLayout(.checksumsHash, 176, 8),
        // An IEEE 754 double; NaN means off (`ClusterOptions.alignedShare`).
        FieldLayout(.alignedShare, 184, 8),
        FieldLayout(.shortItemShingles, 192, 4),
        // The containment banding, over sketch bytes (0 and 0: none).
        FieldLayout(.containmentBands, 196, 4),
        FieldLayout(.containmentRows, 200, 4),
        // The largest set the sample table samples (0: no sample table; `IndexParameters
        // .largestSampled`).
        FieldLayout(.largestSampled, 204, 4) { value, _ in
            value <= UInt64(Int32.max) ? nil : "largest sampled set \(value) out of range"
        },
        // `IndexChecksum.hash` of bytes 0 ..< 208 (checked before any other field is read).
        FieldLayout(.headerChecksum, 208, 8),
    ]

    /// The row of `field` (`layout` lists the fields in their declared order).
    static func row(_ field: Field) -> FieldLayout { layout[field.rawValue] }

    /// The magic as the little-endian UInt64 it is read as.
    static let magicValue = magic.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }

    /// The storage codes: a record keeps its compact shingle set (0) or its signature (1).
    static let storages: [ClusterOptions.Verification] = [.exact, .signature]
    /// The MinHash scheme codes.
    static let schemes: [MinHashScheme] = [.onePermutation, .independent]
    /// The normalisation flags.
    static let ignoreCaseFlag: UInt64 = 1
    static let ignorePunctuationFlag: UInt64 = 2
    static let foldVariantsFlag: UInt64 = 4
    static let allNormalizationFlags = ignoreCaseFlag | ignorePunctuationFlag | foldVariantsFlag
    /// The start and length fields of the sections, in file order: records, offsets, bands,
    /// checksums.
    static let sectionFields: [(start: Field, length: Field)] = [
        (.recordsStart, .recordsLength), (.offsetsStart, .offsetsLength),
        (.bandsStart, .bandsLength), (.checksumsStart, .checksumsLength),
    ]

    /// The code of `value`: its position in `codes`.
    static func code<T: Equatable>(of value: T, in codes: [T]) -> UInt64 {
        UInt64(codes.firstIndex(of: value)!)
    }

    /// One value per field, for encoding and decoding.
    struct FieldValues {
        private var values = [UInt64](repeating: 0, count: Field.allCases.count)

        subscript(field: Field) -> UInt64 {
            get { values[field.rawValue] }
            set { values[field.rawValue] = newValue }
        }
    }
}
