import DoppelIO

/// One document as an index file keeps it, and the byte layout of its record.
///
/// A record is 4-byte aligned and reads (little-endian UInt32 fields):
///
/// | field | meaning |
/// | --- | --- |
/// | chars | normalised characters |
/// | shingles | distinct compact shingles (the set size containment is computed from) |
/// | id length | bytes of the UTF-8 id |
/// | value count | UInt32 values that follow: the compact shingle set (exact storage, `shingles` values) or the signature (signatures only: `permutations` values, 0 for an empty text) |
/// | values | ascending set, or signature in permutation order |
/// | id | UTF-8 bytes, zero-padded to a multiple of 4 |
public struct IndexedDocument: Sendable, Equatable {
    /// The document's unique name.
    public var id: String
    /// Normalised characters.
    public var chars: Int
    /// Distinct compact shingles.
    public var shingleCount: Int
    /// The compact shingle set (exact storage), else empty.
    public var shingleSet: [UInt32]
    /// The signature (signatures-only storage), else empty.
    public var signature: Signature

    /// A document from its parts.
    ///
    /// - Complexity: O(1).
    public init(id: String, chars: Int, shingleCount: Int, shingleSet: [UInt32], signature: Signature) {
        self.id = id
        self.chars = chars
        self.shingleCount = shingleCount
        self.shingleSet = shingleSet
        self.signature = signature
    }

    /// Bytes of the fixed fields before the values.
    static let fixedLength = 16

    /// Appends the record of `signed` to `bytes`: its shingle set when `keepsShingleSets`, else
    /// its signature.
    ///
    /// - Precondition: `signed.shingleSet` is present when `keepsShingleSets`.
    /// - Complexity: O(values + id length).
    static func encode(_ signed: SignedDocument, keepsShingleSets: Bool, into bytes: inout IndexBytes) {
        let id = Array(signed.id.utf8)
        let values = keepsShingleSets ? signed.shingleSet! : signed.signature.values
        bytes.append(UInt32(clamping: signed.chars))
        bytes.append(UInt32(clamping: signed.shingleCount))
        bytes.append(UInt32(id.count))
        bytes.append(UInt32(values.count))
        for value in values { bytes.append(value) }
        bytes.append(id)
        bytes.pad(to: 4)
    }

    /// Reads a record and checks it against the index it comes from; `idOnly` skips copying the
    /// values (they are checked all the same).
    ///
    /// The record must be exactly its fields, values and zero-padded id; with
    /// `keepsShingleSets`, the values must be `shingles` strictly ascending ones (a compact
    /// shingle set); otherwise `permutations` of them (a signature), or none with no shingles
    /// (an empty text). Later code relies on this: set overlaps on ascending sets, signature
    /// estimates on equal lengths.
    ///
    /// - Throws: `DoppelError.badIndex` when the fields do not fit the record's bytes, the id is
    ///   not UTF-8, or the values do not fit the index's storage.
    /// - Complexity: O(record length).
    static func decode(
        _ record: UnsafeRawBufferPointer, keepsShingleSets: Bool, permutations: Int,
        idOnly: Bool, path: String, number: Int
    ) throws -> IndexedDocument {
        func bad(_ detail: String? = nil) -> DoppelError {
            .badIndex(
                path: path,
                reason: detail.map { "record \(number) \($0)" }
                    ?? "record \(number) is malformed")
        }
        guard record.count >= fixedLength else { throw bad() }
        let reader = IndexBytes.Reader(record)
        let shingleCount = Int(reader.u32(4))
        let idLength = Int(reader.u32(8))
        let valueCount = Int(reader.u32(12))
        let idStart = fixedLength + 4 * valueCount
        guard idStart <= record.count, idLength <= record.count - idStart,
            record.count - idStart - idLength == (4 - idLength % 4) % 4
        else { throw bad() }
        guard (idStart + idLength..<record.count).allSatisfy({ record[$0] == 0 }),
            let id = String(
                validating: UnsafeRawBufferPointer(rebasing: record[idStart..<(idStart + idLength)]),
                as: UTF8.self)
        else { throw bad() }
        if keepsShingleSets {
            guard valueCount == shingleCount else {
                throw bad("has \(valueCount) values for \(shingleCount) shingles")
            }
            if valueCount > 1, let base = record.baseAddress {
                // One pass without bounds checks (the lengths were checked above): `stats` and
                // `add` run it over every record.
                let values = base + fixedLength
                var previous = UInt32(littleEndian: values.loadUnaligned(as: UInt32.self))
                for index in 1..<valueCount {
                    let value = UInt32(
                        littleEndian: values.loadUnaligned(
                            fromByteOffset: 4 * index,
                            as: UInt32.self))
                    guard value > previous else { throw bad("has a shingle set out of order") }
                    previous = value
                }
            }
        } else {
            guard valueCount == (shingleCount == 0 ? 0 : permutations) else {
                throw bad(
                    "has \(valueCount) signature values for \(shingleCount) shingles; "
                        + "the index has \(permutations) permutations")
            }
        }
        let values = idOnly ? [] : reader.u32s(fixedLength, count: valueCount)
        return IndexedDocument(
            id: id, chars: Int(reader.u32(0)), shingleCount: shingleCount,
            shingleSet: keepsShingleSets ? values : [],
            signature: keepsShingleSets ? .empty : Signature(values: values))
    }
}
