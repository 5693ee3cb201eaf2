/// The coarse class of a code point that decides how doppel segments and compares text:
/// ideographic scripts compare character by character, alphabetic scripts word by word.
public enum ScriptClass: UInt8, Sendable {
    /// Han ideographs, kana, hangul and bopomofo: written without spaces between words (hangul
    /// uses spaces, which the normaliser keeps between two hangul syllables); one unit a token.
    case ideograph = 0
    /// Letters of alphabetic scripts (Latin, Greek, Cyrillic, ...) and combining marks: a run
    /// forms a word.
    case letter = 1
    /// Decimal digits (any script): part of a word token; edits touching them are `number` edits.
    case digit = 2
    /// White space.
    case space = 3
    /// Punctuation and symbols, ASCII and CJK alike; one unit a token.
    case punctuation = 4
    /// Controls, unassigned and private-use code points.
    case other = 5

    /// The class of a code point.
    ///
    /// - Complexity: O(1): a table lookup for the Basic Multilingual Plane, range checks above it.
    @inline(__always)
    public static func of(_ u: UInt32) -> ScriptClass { table.of(u) }

    /// True for combining marks (general categories Mn, Mc, Me), which compose with what
    /// precedes them.
    ///
    /// - Complexity: O(1): a table lookup for the Basic Multilingual Plane.
    @inline(__always)
    public static func isCombiningMark(_ u: UInt32) -> Bool { table.isCombiningMark(u) }

    /// The lookup table itself, for hot loops: read `ScriptClass.table` once into a local and
    /// call its methods, which skips the lazy-initialisation check of a static on every character.
    public static let table = ScriptTable(bmp: bmpTable)

    fileprivate static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        isMark(scalar.properties.generalCategory)
    }

    private static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// True for classes that are compared one unit at a time (ideographs, punctuation).
    @inline(__always)
    public var isSingleUnitToken: Bool { self == .ideograph || self == .punctuation }

    /// True for classes that join into words (letters, digits).
    @inline(__always)
    public var isWordPart: Bool { self == .letter || self == .digit }

    fileprivate static func supplementary(_ u: UInt32) -> ScriptClass {
        switch u {
        case 0x20000...0x3FFFF: return .ideograph  // CJK extensions B-H, compatibility supplement
        case 0x1B000...0x1B16F: return .ideograph  // kana supplement / extended
        case 0xF0000...0x10FFFF: return .other  // private use planes
        default:
            guard let scalar = Unicode.Scalar(u) else { return .other }
            return classify(scalar)
        }
    }

    /// One byte per BMP code point, built once per process: the class in the low bits, 0x80 for a
    /// combining mark. The blocks whose class is fixed (Han, kana, hangul, bopomofo, private
    /// use: no combining marks among them) are filled without asking for general categories,
    /// and every other code point asks once: the table costs about a millisecond at start-up.
    private static let bmpTable: [UInt8] = {
        var table = [UInt8](repeating: ScriptClass.other.rawValue, count: 0x10000)
        for u in 0..<0x10000 {
            if let fixed = fixedClass(UInt32(u)) {
                table[u] = fixed.rawValue
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(u)) else { continue }  // surrogates
            let category = scalar.properties.generalCategory
            table[u] = classify(u: UInt32(u), category).rawValue | (u >= 0x300 && isMark(category) ? 0x80 : 0)
        }
        return table
    }()

    /// The class of the blocks classified by range, not by general category.
    private static func fixedClass(_ u: UInt32) -> ScriptClass? {
        switch u {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
            0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B,  // 々 〇 Hangzhou numerals
            0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF,  // kana, ー
            0x31F0...0x31FF, 0xFF66...0xFF9F,  // kana extensions, half-width
            0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3,  // hangul
            0x3105...0x312F, 0x31A0...0x31BF:  // bopomofo
            return .ideograph
        case 0xE000...0xF8FF:
            return .other  // private use
        default:
            return nil
        }
    }

    private static func classify(_ scalar: Unicode.Scalar) -> ScriptClass {
        fixedClass(scalar.value) ?? classify(u: scalar.value, scalar.properties.generalCategory)
    }

    private static func classify(u: UInt32, _ category: Unicode.GeneralCategory) -> ScriptClass {
        switch category {
        case .decimalNumber: return .digit
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber:
            return .letter
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        case .control:
            return (u == 0x09 || u == 0x0A || u == 0x0B || u == 0x0C || u == 0x0D || u == 0x85)
                ? .space : .other
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol,
            .currencySymbol, .modifierSymbol, .otherSymbol, .otherNumber:
            return .punctuation
        default:
            return .other
        }
    }
}

/// The script classes of the Basic Multilingual Plane in a buffer that lives for the whole
/// process, with range checks for the planes above it.
public struct ScriptTable: @unchecked Sendable {
    private let base: UnsafePointer<UInt8>

    fileprivate init(bmp: [UInt8]) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bmp.count)
        buffer.initialize(from: bmp, count: bmp.count)
        base = UnsafePointer(buffer)  // never freed: one table per process
    }

    /// The class of a code point.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func of(_ u: UInt32) -> ScriptClass {
        if u < 0x10000 { return ScriptClass(rawValue: base[Int(u)] & 0x7F)! }
        return ScriptClass.supplementary(u)
    }

    /// True for combining marks (Mn, Mc, Me).
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public func isCombiningMark(_ u: UInt32) -> Bool {
        if u < 0x300 { return false }
        if u < 0x10000 { return base[Int(u)] & 0x80 != 0 }
        guard let scalar = Unicode.Scalar(u) else { return false }
        return ScriptClass.isMark(scalar)
    }
}
