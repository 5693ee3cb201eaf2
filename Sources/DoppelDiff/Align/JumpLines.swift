import DoppelText

/// Jump lines: print's note that an article continues on another page (`（下转第4版）`,
/// `Continued on Page 4`) or from one (`（上接第1版）`, `Continued from Page 1`).
///
/// Print cuts such an article, often inside a paragraph, and the version that has it whole (a
/// web page) has the rest right there. The text beside a jump line is therefore no edit: the
/// aligner does not draw the other version's stretch at that passage edge into the passage, nor
/// the jump line itself (`PassageSelection.drawInEdges`); both stay one-sided text.
///
/// A jump line, in normalised text (full-width brackets folded): an optional `(`, then `下转`,
/// `上接`, `转` or `接`, `第`, one to four characters (digits, ideographs, letters), `版`, an
/// optional `)`; or `Continued on` / `Continued from` (either case of the `C`), a space, `Page`
/// or `page`, a space and the page: a capital (a section letter), one to three digits, or
/// both, the capital first (`4`, `A2`, `B12`). Paragraph breaks are no units, so a capital
/// after the digits is the next paragraph's (`Continued from Page 1` / `Work on…`), not the
/// page's.
enum JumpLines {
    /// Units of a jump line at most.
    static let maximumLength = 28

    /// The end of the jump line that begins at unit `i` (spaces before it skipped), if one does.
    ///
    /// - Complexity: O(1) (at most `maximumLength` units are read).
    static func end(ofLineAt i: Int, in units: [UInt32]) -> Int? {
        var i = i
        while i < units.count && units[i] == 0x20 { i += 1 }
        return chinese(at: i, units) ?? english(at: i, units)
    }

    /// Whether a jump line begins at unit `i`, spaces before it aside.
    static func starts(at i: Int, in units: [UInt32]) -> Bool { end(ofLineAt: i, in: units) != nil }

    /// Whether a jump line ends at unit `i`, spaces after it aside.
    ///
    /// - Complexity: O(`maximumLength`²) at most.
    static func ends(at i: Int, in units: [UInt32]) -> Bool {
        var e = i
        while e > 0 && units[e - 1] == 0x20 { e -= 1 }
        guard e > 0 else { return false }
        return (max(0, e - maximumLength)..<e).contains { chinese(at: $0, units) == e || english(at: $0, units) == e }
    }

    /// Whether a jump line that continues the article from another page (`（上接第1版）`,
    /// `Continued from Page 1`), not one that sends the reader on, ends at unit `i`, spaces after
    /// it aside.
    ///
    /// - Complexity: O(`maximumLength`²) at most.
    static func endsResuming(at i: Int, in units: [UInt32]) -> Bool {
        var e = i
        while e > 0 && units[e - 1] == 0x20 { e -= 1 }
        guard e > 0 else { return false }
        return (max(0, e - maximumLength)..<e).contains {
            (chinese(at: $0, units) == e || english(at: $0, units) == e) && !startsOnward(at: $0, in: units)
        }
    }

    /// Whether a jump line that sends the reader on (`下转第4版`, `转第4版`, `Continued on Page 4`),
    /// not back (`上接`, `接`, `Continued from`), begins at unit `i`, spaces before it aside.
    ///
    /// - Complexity: O(1) (at most `maximumLength` units are read).
    static func startsOnward(at i: Int, in units: [UInt32]) -> Bool {
        var i = i
        while i < units.count && units[i] == 0x20 { i += 1 }
        guard end(ofLineAt: i, in: units) != nil else { return false }
        if i < units.count && units[i] == 0x28 { i += 1 }  // (
        // 下转 or 转; `Continued on`: the `o` of `on` after `Continued `.
        return units[i] == down[0] || units[i] == down[1] || i + 10 < units.count && units[i + 10] == 0x6F
    }

    /// Whether a jump line begins anywhere in `range`.
    ///
    /// - Complexity: O(|range|).
    static func occurs(in range: Range<Int>, of units: [UInt32]) -> Bool {
        range.contains { starts(at: $0, in: units) }
    }

    private static let down: [UInt32] = [0x4E0B, 0x8F6C]  // 下转
    private static let up: [UInt32] = [0x4E0A, 0x63A5]  // 上接
    private static let di: UInt32 = 0x7B2C  // 第
    private static let ban: UInt32 = 0x7248  // 版

    private static func chinese(at start: Int, _ units: [UInt32]) -> Int? {
        var i = start
        func next(_ u: UInt32) -> Bool {
            guard i < units.count && units[i] == u else { return false }
            i += 1
            return true
        }
        _ = next(0x28)  // (
        if units[i...].starts(with: down) || units[i...].starts(with: up) {
            i += 2
        } else if !next(0x8F6C) && !next(0x63A5) {  // 转 or 接
            return nil
        }
        guard next(di) else { return nil }
        let number = i
        while i < units.count && i - number < 4 && units[i] != ban && units[i] != 0x20 { i += 1 }
        guard i > number, next(ban) else { return nil }
        _ = next(0x29)  // )
        return i
    }

    private static let continued = Array("ontinued ".unicodeScalars.map(\.value))
    private static let on = Array("on ".unicodeScalars.map(\.value))
    private static let from = Array("from ".unicodeScalars.map(\.value))
    private static let page = Array("age ".unicodeScalars.map(\.value))

    private static func english(at start: Int, _ units: [UInt32]) -> Int? {
        guard start < units.count, units[start] == 0x43 || units[start] == 0x63 else { return nil }  // C c
        var i = start + 1
        func word(_ w: [UInt32]) -> Bool {
            guard units[i...].starts(with: w) else { return false }
            i += w.count
            return true
        }
        guard word(continued), word(on) || word(from) else { return nil }
        guard i < units.count, units[i] == 0x50 || units[i] == 0x70 else { return nil }  // P p
        i += 1
        guard word(page) else { return nil }
        let number = i
        if i < units.count && units[i] >= 0x41 && units[i] <= 0x5A { i += 1 }  // A-Z
        let digits = i
        while i < units.count && i - digits < 3 && units[i] >= 0x30 && units[i] <= 0x39 { i += 1 }
        return i > number ? i : nil
    }
}
