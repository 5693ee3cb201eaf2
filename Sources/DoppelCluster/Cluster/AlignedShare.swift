import DoppelText

/// How much of each of two texts aligns with the other, estimated from the order of their
/// shingles: the measure verification applies to short pairs whose Jaccard similarity falls
/// below the threshold only because a few scattered characters changed
/// (`ClusterOptions.alignedShare`).
///
/// A changed character removes every k-gram that covers it, so Jaccard similarity punishes one
/// edit k times over on each side: five one-character edits in 135 characters leave Jaccard
/// about 0.68 (char 5-grams) although 96 % of the text is unchanged. Walking one text's shingles
/// in text order, those the other text lacks form runs; a stretch of m changed units leaves a
/// run of m + k − 1 missing k-grams, so a run of L counts as max(1, L − k + 1) changed units
/// (two edits closer than k units merge into one run and count as the units between them, an
/// overestimate; a run shorter than k, such as the k − 1 grams of one text that span a unit
/// inserted into the other, counts one). A side's aligned share is 1 − changed / units, with
/// units = shingles + k − 1 for each stream it has; both sides are measured, and `lower` is
/// what verification compares.
///
/// The measure tells a version from a templated twin (the same report with another date,
/// another committee) by two things a person looks at: how much of the text changed, and
/// whether a number changed. In ideographic text the word stream holds the numbers and Latin
/// words; when both texts are ideographic, a word shingle of either that the other lacks is a
/// changed fact (`factsDiffer`), whatever the share. Unrelated texts on one topic share
/// scattered phrases, not long stretches in order, and their share stays near 0.
///
/// Example:
///
///     let share = AlignedShare(NormalizedText(identity: a), NormalizedText(identity: b))
///     if share.lower >= 0.9 && !share.factsDiffer { /* versions */ }
public struct AlignedShare: Sendable, Equatable {
    /// The share of the first text's units that align with the second.
    public var first: Double
    /// The share of the second text's units that align with the first.
    public var second: Double
    /// Whether both texts are ideographic and a word shingle (a number, a Latin word) of one is
    /// missing from the other.
    public var factsDiffer: Bool

    /// The smaller of the two shares.
    public var lower: Double { min(first, second) }

    /// A measure from its parts.
    ///
    /// - Complexity: O(1).
    public init(first: Double, second: Double, factsDiffer: Bool) {
        self.first = first
        self.second = second
        self.factsDiffer = factsDiffer
    }

    /// The aligned share of two normalised texts shingled with `shingle`.
    ///
    /// - Complexity: O(m + n) expected for texts of m and n units.
    public init(_ a: NormalizedText, _ b: NormalizedText, shingle: ShingleOptions = .standard) {
        let shingler = Shingler(options: shingle)
        let first = StreamMaterial.values(of: a, shingler: shingler)
        let second = StreamMaterial.values(of: b, shingler: shingler)
        var tables = (CompactSetTable(), CompactSetTable())
        self = first.withUnsafeBufferPointer { first in
            second.withUnsafeBufferPointer { second in
                let a = StreamMaterial(first)
                let b = StreamMaterial(second)
                tables.0.reset(capacity: a.all.count)
                tables.0.insert(a.all)
                tables.1.reset(capacity: b.all.count)
                tables.1.insert(b.all)
                return AlignedShare(a, held: tables.0, b, held: tables.1, shingle: shingle)
            }
        }
    }

    /// The aligned share of `a` and `b`, whose sets are held in `aTable` and `bTable`.
    ///
    /// - Complexity: O(|a| + |b|) expected.
    init(
        _ a: StreamMaterial, held aTable: CompactSetTable, _ b: StreamMaterial,
        held bTable: CompactSetTable, shingle: ShingleOptions
    ) {
        let sideA = Self.side(a, against: bTable, shingle: shingle)
        let sideB = Self.side(b, against: aTable, shingle: shingle)
        let ideographic = !a.characters.isEmpty && !b.characters.isEmpty
        self.init(
            first: sideA.share, second: sideB.share,
            factsDiffer: ideographic && sideA.missingWords + sideB.missingWords > 0)
    }

    /// One side's aligned share, and how many of its word shingles `other` lacks.
    private static func side(
        _ x: StreamMaterial, against other: CompactSetTable,
        shingle: ShingleOptions
    ) -> (share: Double, missingWords: Int) {
        let characters = changedUnits(x.characters, against: other, gram: shingle.characterGram)
        let words = changedUnits(x.words, against: other, gram: shingle.wordGram)
        var units = 0
        if !x.characters.isEmpty { units += x.characters.count + shingle.characterGram - 1 }
        if !x.words.isEmpty { units += x.words.count + shingle.wordGram - 1 }
        if units == 0 { return (0, 0) }
        let share = 1 - Double(characters.changed + words.changed) / Double(units)
        return (max(0, share), words.missing)
    }

    /// The changed units that the runs of `values` missing from `table` stand for
    /// (Σ max(1, L − gram + 1) over runs of length L), and how many values are missing.
    ///
    /// - Complexity: O(values.count) expected.
    static func changedUnits(
        _ values: UnsafeBufferPointer<UInt32>, against table: CompactSetTable,
        gram: Int
    ) -> (changed: Int, missing: Int) {
        var changed = 0
        var missing = 0
        var run = 0
        for value in values {
            if table.contains(value) {
                if run > 0 { changed += max(1, run - gram + 1) }
                run = 0
            } else {
                run += 1
                missing += 1
            }
        }
        if run > 0 { changed += max(1, run - gram + 1) }
        return (changed, missing)
    }
}

/// The verification material of one document under exact verification, as pass 1 stores it:
/// one header value (the number of character shingles), then the compact shingle set with the
/// character stream's shingles first and the word stream's after, each in text order of first
/// occurrence (a shingle held by both streams, which needs a 32-bit collision, stays where it
/// came first).
struct StreamMaterial {
    /// The character stream's compact shingles, in text order.
    let characters: UnsafeBufferPointer<UInt32>
    /// The word stream's compact shingles, in text order.
    let words: UnsafeBufferPointer<UInt32>
    /// The whole compact shingle set.
    let all: UnsafeBufferPointer<UInt32>

    /// The material stored as `raw` (header first).
    ///
    /// - Precondition: `raw` holds a header no larger than the values after it.
    init(_ raw: UnsafeBufferPointer<UInt32>) {
        precondition(!raw.isEmpty && Int(raw[0]) <= raw.count - 1, "malformed shingle material")
        let characterCount = Int(raw[0])
        all = UnsafeBufferPointer(rebasing: raw[1...])
        characters = UnsafeBufferPointer(rebasing: raw[1..<(1 + characterCount)])
        words = UnsafeBufferPointer(rebasing: raw[(1 + characterCount)...])
    }

    /// Appends the material of the shingle hashes `hashes` (the character stream's
    /// `characterCount` first, as `Shingler.appendHashesByStream` gives them) to `material`,
    /// removing repeats with `table`; returns the size of the compact shingle set.
    ///
    /// - Complexity: O(hashes.count) expected.
    static func append(
        _ hashes: UnsafeBufferPointer<UInt64>, characterCount: Int,
        to material: inout [UInt32], table: inout CompactSetTable
    ) -> Int {
        let header = material.count
        material.append(0)
        table.reset(capacity: hashes.count)
        table.insert(
            upperHalvesOf: UnsafeBufferPointer(rebasing: hashes[..<characterCount]),
            newValues: &material, keepingNew: true)
        material[header] = UInt32(material.count - header - 1)
        table.insert(
            upperHalvesOf: UnsafeBufferPointer(rebasing: hashes[characterCount...]),
            newValues: &material, keepingNew: true)
        return table.count
    }

    /// The material of `text`, header first.
    ///
    /// - Complexity: O(n) expected for n units.
    static func values(of text: NormalizedText, shingler: Shingler) -> [UInt32] {
        var hashes: [UInt64] = []
        let characterCount = shingler.appendHashesByStream(of: text, to: &hashes)
        var material: [UInt32] = []
        var table = CompactSetTable()
        _ = hashes.withUnsafeBufferPointer {
            append($0, characterCount: characterCount, to: &material, table: &table)
        }
        return material
    }
}
