/// The bidirectional embedding, override and isolate controls: U+202A-U+202E (LRE, RLE, PDF,
/// LRO, RLO) and U+2066-U+2069 (LRI, RLI, FSI, PDI). Invisible themselves, they reorder how the
/// text around them is displayed: the "Trojan Source" attack (CVE-2021-42574) hides a change of
/// meaning behind them. So the normaliser keeps them as units (other invisible characters, such
/// as the zero-width space and the soft hyphen, are layout and dropped), a difference in them is
/// an edit of kind `control`, and reports show them by name, never raw.
public enum BidiControl {
    /// True for the nine controls above.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    public static func contains(_ u: UInt32) -> Bool {
        (0x202A...0x202E).contains(u) || (0x2066...0x2069).contains(u)
    }

    /// `text` with each control written as its name in angle brackets (`<RLO>`), so that a report
    /// shows it where it is instead of letting it reorder the report itself.
    ///
    /// ```swift
    /// BidiControl.visible("a\u{202E}b\u{202C}")  // "a<RLO>b<PDF>"
    /// ```
    ///
    /// - Complexity: O(n) in the scalars of `text`; `text` itself when it holds none.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { contains($0.value) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if let name = name(scalar.value) { out += "<\(name)>" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The control's abbreviation (Unicode's UAX #9 names), nil for any other code point.
    public static func name(_ u: UInt32) -> String? {
        switch u {
        case 0x202A: return "LRE"
        case 0x202B: return "RLE"
        case 0x202C: return "PDF"
        case 0x202D: return "LRO"
        case 0x202E: return "RLO"
        case 0x2066: return "LRI"
        case 0x2067: return "RLI"
        case 0x2068: return "FSI"
        case 0x2069: return "PDI"
        default: return nil
        }
    }
}
