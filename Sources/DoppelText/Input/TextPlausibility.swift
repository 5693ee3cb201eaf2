/// How much a decoded text looks like real (Chinese) text, used to choose between candidate
/// encodings without trusting that a decoder succeeded.
///
/// Every code point that is not printable ASCII counts as one `considered` code point and falls
/// in one of these classes:
/// - `common`: one of the frequent Han characters (`CommonHan`), CJK punctuation (U+3000-U+303F),
///   full-width forms (U+FF01-U+FF5E) or typographic punctuation (`“”‘’…—·`);
/// - `bad`: controls other than tab, line feed, vertical tab, form feed, carriage return and
///   escape; C1 controls; private-use code points; U+FFFD; noncharacters;
/// - `rare`: CJK extension A and beyond, compatibility ideographs, and scripts that GB18030 or
///   Big5 bytes read with the wrong table typically land on (kana, Bopomofo, Greek, Cyrillic, box
///   drawing);
/// - anything else (the less frequent Han characters, Latin letters with accents, ...): neutral.
///
/// `score` is `(common - 3 * bad - rare) / considered`. Real Chinese text scores 0.6 to 0.95;
/// GB18030 bytes read as Big5 (or the reverse) score below 0.1.
struct TextPlausibility {
    private(set) var considered = 0
    private(set) var common = 0
    private(set) var bad = 0
    private(set) var rare = 0

    /// The lowest score accepted for a guessed encoding.
    static let threshold = 0.3

    /// Classifies every code point of a text.
    ///
    /// - Complexity: O(n) in the number of code points.
    init(_ scalars: [Unicode.Scalar]) {
        scalars.withUnsafeBufferPointer { buffer in
            for scalar in buffer { add(scalar.value) }
        }
    }

    /// `(common - 3 * bad - rare) / considered`; 1 when every code point is printable ASCII.
    var score: Double {
        guard considered > 0 else { return 1 }
        return Double(common - 3 * bad - rare) / Double(considered)
    }

    /// The share of `bad` code points among all considered ones (0 when none is considered).
    var badShare: Double {
        guard considered > 0 else { return 0 }
        return Double(bad) / Double(considered)
    }

    @inline(__always)
    private mutating func add(_ u: UInt32) {
        if u >= 0x20 && u < 0x7F { return }
        switch u {
        case 0x09...0x0D, 0x1B:
            return
        case 0x4E00...0x9FFF:
            considered += 1
            if CommonHan.contains(u) { common += 1 }
        case 0x00...0x1F, 0x7F...0x9F, 0xE000...0xF8FF, 0xF0000...0x10FFFF, 0xFFFD, 0xFDD0...0xFDEF,
            0xFFFE, 0xFFFF:
            considered += 1
            bad += 1
        case 0x3000...0x303F, 0xFF01...0xFF5E, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7:
            considered += 1
            common += 1
        case 0x3400...0x4DBF, 0x20000...0x3FFFF, 0xF900...0xFAFF, 0x3040...0x31BF, 0x0370...0x052F,
            0x2500...0x25FF:
            considered += 1
            rare += 1
        default:
            considered += 1
        }
    }
}
