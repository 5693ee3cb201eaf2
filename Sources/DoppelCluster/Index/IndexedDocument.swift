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
/// | value count | UInt32 values that follow: `shingles + 1` (exact storage) or the signature's (signatures only: `permutations` values, 0 for an empty text) |
/// | values | exact storage: the verification material `doppel cluster` keeps (`StreamMaterial`): the number of character shingles, then the compact shingle set in text order of first occurrence, the character stream's shingles first and the word stream's after; signatures only: the signature in permutation order |
/// | id | UTF-8 bytes, zero-padded to a multiple of 4 |
///
/// The text order costs nothing over a sorted set (the same values, and one count) and is what
/// the aligned share needs (`AlignedShare`), so a query verifies a pair as `doppel cluster` does.
public struct IndexedDocument: Sendable, Equatable {
    /// The document's unique name.
    public var id: String
    /// Normalised characters.
    public var chars: Int
    /// Distinct compact shingles.
    public var shingleCount: Int
    /// Exact storage: the number of character shingles, then the compact shingle set in text
    /// order of first occurrence, the character stream's shingles first (as `doppel cluster`
    /// verifies from, `SignedDocument.sequence`); signatures-only storage: empty.
    public var material: [UInt32]
    /// The signature (signatures-only storage), else empty.
    public var signature: Signature

    /// A document from its parts.
    ///
    /// - Complexity: O(1).
    public init(id: String, chars: Int, shingleCount: Int, material: [UInt32], signature: Signature) {
        self.id = id
        self.chars = chars
        self.shingleCount = shingleCount
        self.material = material
        self.signature = signature
    }

    /// The compact shingle set in text order (exact storage), else empty.
    ///
    /// - Complexity: O(shingles).
    public var shingleSet: [UInt32] { Array(material.dropFirst()) }

    /// Bytes of the fixed fields before the values.
    static let fixedLength = 16

    /// Appends the record of `signed` to `bytes`: its material (`SignedDocument.material`) when
    /// `keepsShingleSets`, else its signature.
    ///
    /// - Precondition: `signed.material` is present when `keepsShingleSets`.
    /// - Complexity: O(values + id length).
    static func encode(_ signed: SignedDocument, keepsShingleSets: Bool, into bytes: inout IndexBytes) {
        let id = Array(signed.id.utf8)
        let values = keepsShingleSets ? signed.material! : signed.signature.values
        bytes.append(UInt32(clamping: signed.chars))
        bytes.append(UInt32(clamping: signed.shingleCount))
        bytes.append(UInt32(id.count))
        bytes.append(UInt32(values.count))
        for value in values { bytes.append(value) }
        bytes.append(id)
        bytes.pad(to: 4)
    }

    /// Reads a record and checks it against the index it comes from; `idOnly` keeps no values
    /// (they are checked all the same). `scratch` is the hash set the distinct values of a
    /// shingle set are checked in, reused from one record to the next by a caller that reads
    /// many; after a record of exact storage it holds the record's shingle set, which a query
    /// verifies against without loading it again.
    ///
    /// The record must be exactly its fields, values and zero-padded id; with
    /// `keepsShingleSets`, the values must be a count of character shingles no larger than
    /// `shingles`, then `shingles` distinct values (a compact shingle set, in text order);
    /// otherwise `permutations` of them (a signature), or none with no shingles (an empty text).
    /// Later code relies on this: overlaps counted in a hash set of distinct values
    /// (`CompactSetTable`), the aligned share's streams, signature estimates on equal lengths.
    ///
    /// - Throws: `DoppelError.badIndex` when the fields do not fit the record's bytes, the id is
    ///   not UTF-8, or the values do not fit the index's storage.
    /// - Complexity: O(record length) expected.
    static func decode(
        _ record: UnsafeRawBufferPointer, keepsShingleSets: Bool, permutations: Int,
        idOnly: Bool, path: String, number: Int, scratch: inout CompactSetTable
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
            guard valueCount == shingleCount + 1 else {
                throw bad("has \(valueCount) values for \(shingleCount) shingles")
            }
            guard Int(reader.u32(fixedLength)) <= shingleCount else {
                throw bad("has more character shingles than shingles")
            }
        } else {
            guard valueCount == (shingleCount == 0 ? 0 : permutations) else {
                throw bad(
                    "has \(valueCount) signature values for \(shingleCount) shingles; "
                        + "the index has \(permutations) permutations")
            }
        }
        if idOnly && !keepsShingleSets {
            return IndexedDocument(
                id: id, chars: Int(reader.u32(0)), shingleCount: shingleCount, material: [],
                signature: .empty)
        }
        let values = reader.u32s(fixedLength, count: valueCount)
        if keepsShingleSets {
            scratch.reset(capacity: shingleCount)
            values.withUnsafeBufferPointer { scratch.insert(UnsafeBufferPointer(rebasing: $0[1...])) }
            guard scratch.count == shingleCount else { throw bad("repeats a shingle") }
        }
        return IndexedDocument(
            id: id, chars: Int(reader.u32(0)), shingleCount: shingleCount,
            material: keepsShingleSets && !idOnly ? values : [],
            signature: keepsShingleSets || idOnly ? .empty : Signature(values: values))
    }
}
