import Foundation

/// What folding did to one code point, for the layout ledger.
enum FoldChange: UInt8 {
    case none = 0
    case fullWidth, compatibility, quote, dash, invisible, caseFold, variant,
        punctuationDropped
}

/// Per-code-point folding: invisible characters dropped, Unicode compatibility folding (NFKC),
/// one canonical form for quotes, dashes, ellipses and middle dots, and the optional folds
/// (case, traditional-to-simplified, punctuation).
///
/// NFKC comes from Foundation (ICU); the canonical punctuation table is doppel's own, because the
/// ICU width transform is wrong for Chinese (`fullwidthToHalfwidth` turns `、` into `､`) and NFKC
/// keeps zero-width spaces, soft hyphens, U+FEFF and variation selectors.
///
/// Results are computed on first sight of a code point and cached in flat tables, so the cost
/// per character on the hot path is one or two array reads. The cache makes a `CharacterFolding`
/// a reference that must not be shared between threads: make one per worker.
final class CharacterFolding {
    private let options: NormalizationOptions
    /// For BMP code points: `unknown`, `dropped`, `multiple`, or the single folded code point.
    /// The two tables are read for every character the fast paths do not take; as a class's
    /// stored properties they would be checked for exclusive access at run time on each read (a
    /// thread-local lookup, about a twentieth of the normaliser's time on Chinese text). They
    /// are not: one thread uses a `CharacterFolding` (see above), and no access to them
    /// overlaps another (each read or write is one subscript, never held across a call).
    @exclusivity(unchecked) private var single: [UInt32]
    @exclusivity(unchecked) private var change: [UInt8]
    private var multiple: [UInt32: [UInt32]] = [:]
    private var supplementary: [UInt32: ([UInt32], FoldChange)] = [:]

    private static let unknown: UInt32 = 0xFFFF_FFFF
    private static let dropped: UInt32 = 0xFFFF_FFFE
    private static let several: UInt32 = 0xFFFF_FFFD

    init(options: NormalizationOptions) {
        self.options = options
        single = [UInt32](repeating: Self.unknown, count: 0x10000)
        change = [UInt8](repeating: 0, count: 0x10000)
        for u in UInt32(0)..<0x80 { computeBMP(u) }
    }

    /// Folds one code point, appending its folded units (zero or more) to `out`.
    ///
    /// - Complexity: O(1) amortised.
    @inline(__always)
    func fold(_ u: UInt32, into out: inout [UInt32]) -> FoldChange {
        if u < 0x10000 {
            var v = single[Int(u)]
            if v == Self.unknown {
                computeBMP(u)
                v = single[Int(u)]
            }
            if v < 0x11_0000 {
                out.append(v)
            } else if v == Self.several {
                out.append(contentsOf: multiple[u]!)
            }
            return FoldChange(rawValue: change[Int(u)])!
        }
        if let cached = supplementary[u] {
            out.append(contentsOf: cached.0)
            return cached.1
        }
        let computed = compute(u)
        supplementary[u] = computed
        out.append(contentsOf: computed.0)
        return computed.1
    }

    /// The one unit `u` folds to, and what folding did, when `u` is a BMP code point already
    /// folded once that folds to exactly one unit; nil otherwise (`fold(_:into:)` then). The same
    /// result as `fold(_:into:)`, without an array.
    ///
    /// - Complexity: O(1): two array reads.
    @inline(__always)
    func cachedUnit(_ u: UInt32) -> (unit: UInt32, change: FoldChange)? {
        guard u < 0x10000 else { return nil }
        let v = single[Int(u)]
        guard v < 0x11_0000, let kind = FoldChange(rawValue: change[Int(u)]) else { return nil }
        return (v, kind)
    }

    /// Folds a base character with its combining marks as one cluster (NFKC composes them). A
    /// base with a canonical punctuation form (`…`, `—`, quotes) takes that form and keeps its
    /// marks, as it does when the marks come apart from it, so that folding stays idempotent.
    ///
    /// - Complexity: O(k²) in the k code points of the cluster, since NFKC puts the marks in
    ///   canonical order with an insertion sort: the normaliser hands it at most a base and
    ///   `Normalizer.maximumClusterMarks` (30) marks (UAX #15 stream-safe text), so O(1) a call.
    func foldCluster<S: Sequence<Unicode.Scalar>>(_ scalars: S, into out: inout [UInt32]) -> FoldChange {
        if let base = scalars.first(where: { _ in true }), Self.canonicalPunctuation(base.value) != nil {
            var result = FoldChange.compatibility
            for scalar in scalars {
                let change = fold(scalar.value, into: &out)
                if change != .none { result = change }
            }
            return result
        }
        var view = String.UnicodeScalarView()
        // Invisible marks (variation selectors) would keep the base and its accents from composing.
        view.append(contentsOf: scalars.lazy.filter { !Self.isInvisible($0.value) })
        let composed = String(view).precomposedStringWithCompatibilityMapping
        var result = FoldChange.compatibility
        for scalar in composed.unicodeScalars {
            let change = fold(scalar.value, into: &out)
            if change != .none { result = change }
        }
        return result
    }

    private func computeBMP(_ u: UInt32) {
        let (units, kind) = compute(u)
        change[Int(u)] = kind.rawValue
        if units.isEmpty {
            single[Int(u)] = Self.dropped
        } else if units.count == 1 {
            single[Int(u)] = units[0]
        } else {
            single[Int(u)] = Self.several
            multiple[u] = units
        }
    }

    private func compute(_ u: UInt32) -> ([UInt32], FoldChange) {
        if Self.isInvisible(u) { return ([], .invisible) }
        if let canonical = Self.canonicalPunctuation(u) {
            return finish([canonical.0], canonical.1)
        }
        guard let scalar = Unicode.Scalar(u) else { return ([], .invisible) }
        var units: [UInt32] = [u]
        var kind = FoldChange.none
        if u >= 0xA0 {
            let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            let mapped = folded.unicodeScalars.map(\.value)
            if mapped != [u] {
                kind = (0xFF00...0xFFEF).contains(u) || u == 0x3000 ? .fullWidth : .compatibility
                units = []
                for m in mapped {
                    if Self.isInvisible(m) { continue }
                    if let canonical = Self.canonicalPunctuation(m) {
                        units.append(canonical.0)
                    } else {
                        units.append(m)
                    }
                }
            }
        }
        return finish(units, kind)
    }

    /// Applies the optional folds after the layout folds.
    private func finish(_ units: [UInt32], _ kind: FoldChange) -> ([UInt32], FoldChange) {
        var out: [UInt32] = []
        var kind = kind
        for unit in units {
            let cls = ScriptClass.of(unit)
            if options.ignorePunctuation && cls == .punctuation {
                kind = .punctuationDropped
                continue
            }
            guard let scalar = Unicode.Scalar(unit) else { continue }
            if options.ignoreCase && cls == .letter {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
                if lower != [unit] {
                    out.append(contentsOf: lower)
                    if kind == .none { kind = .caseFold }
                    continue
                }
            }
            if options.foldVariants && cls == .ideograph {
                let simplified = String(Character(scalar))
                    .applyingTransform(StringTransform("Hant-Hans"), reverse: false)
                if let simplified, simplified.unicodeScalars.count == 1,
                    let s = simplified.unicodeScalars.first, s.value != unit
                {
                    out.append(s.value)
                    if kind == .none { kind = .variant }
                    continue
                }
            }
            out.append(unit)
        }
        return (out, kind)
    }

    /// Code points that carry no visible content: zero-width spaces and joiners, direction marks,
    /// soft hyphen, BOM, variation selectors, tags, and control characters other than white
    /// space. Not the bidirectional embeddings, overrides and isolates (`BidiControl`), which
    /// change how the text is displayed and are kept as units.
    static func isInvisible(_ u: UInt32) -> Bool {
        switch u {
        case 0x00...0x08, 0x0E...0x1F, 0x7F...0x84, 0x86...0x9F: return true
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F: return true
        case 0x200B...0x200F, 0x2060...0x2065, 0x206A...0x206F, 0x3164, 0xFEFF, 0xFFA0: return true
        case 0xFE00...0xFE0F, 0xFFF0...0xFFF8, 0xE0000...0xE0FFF: return true
        default: return false
        }
    }

    /// The canonical form of quotes, dashes, ellipses, middle dots and wave dashes. Applied before
    /// and after NFKC (NFKC turns `…` into `...` and `﹃` into `「`).
    static func canonicalPunctuation(_ u: UInt32) -> (UInt32, FoldChange)? {
        switch u {
        case 0x201C...0x201F, 0x2033, 0x2036, 0x301D...0x301F, 0xFF02, 0x00AB, 0x00BB,
            0x300C...0x300F, 0xFE41...0xFE44, 0xFF62, 0xFF63:
            return (0x22, .quote)  // "
        case 0x2018...0x201B, 0x2032, 0x2035, 0xFF07:
            return (0x27, .quote)  // '
        case 0x2012...0x2015, 0x2E3A, 0x2E3B, 0xFE58, 0xFE31, 0xFE32:
            return (0x2014, .dash)  // —
        case 0x2010, 0x2011:
            return (0x2D, .dash)  // -
        case 0x2026, 0x22EF, 0x2025, 0xFE19:
            return (0x2026, .dash)  // …
        case 0x0387, 0x2027, 0x2219, 0x22C5, 0x30FB, 0xFF65, 0x318D:
            return (0x00B7, .dash)  // ·
        case 0x301C, 0x3030:
            return (0x7E, .dash)  // ~
        default:
            return nil
        }
    }
}
