import DoppelText

/// Jump lines: print's note that an article continues on another page (`（下转第4版）`,
/// `Continued on Page 4`) or from one (`（上接第1版）`, `Continued from Page 1`).
///
/// Print cuts such an article, often inside a paragraph, and the version that has it whole (a
/// web page) has the rest right there. The text beside a jump line is therefore no edit: the
/// aligner does not draw the other version's stretch at that passage edge into the passage, nor
/// the jump line itself (`PassageSelection.drawInEdges`); both stay one-sided text. A passage
/// is cut where a jump line lies between two of its matches, and ends at its first (last) match
/// where a jump line lies before (after) it (`cut`): the rest of the article, a repeated
/// headline on the continued page, may be matched across the cut, and what faces the jump line
/// there is print's cut, not an edit.
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
    static func end(ofLineAt i: Int, in units: [UInt32]) -> Int? { line(at: i, in: units)?.end }

    /// The end of the jump line that begins at unit `i` (spaces before it skipped), and whether
    /// it opens the part of an article continued from another page (`上接`, `接`, `Continued
    /// from`) rather than closing the part continued on another page (`下转`, `转`, `Continued on`).
    ///
    /// - Complexity: O(1) (at most `maximumLength` units are read).
    private static func line(at i: Int, in units: [UInt32]) -> (end: Int, resumes: Bool)? {
        var i = i
        while i < units.count && units[i] == 0x20 { i += 1 }
        return chinese(at: i, units) ?? english(at: i, units)
    }

    /// Whether a jump line begins at unit `i`, spaces before it aside.
    static func starts(at i: Int, in units: [UInt32]) -> Bool { end(ofLineAt: i, in: units) != nil }

    /// Whether a jump line ends at unit `i`, spaces after it aside.
    ///
    /// - Complexity: O(`maximumLength`²) at most.
    static func ends(at i: Int, in units: [UInt32]) -> Bool { line(endingAt: i, in: units) != nil }

    /// Whether a jump line that opens an article's continued part (`（上接第1版）`) ends at unit
    /// `i`, spaces after it aside.
    ///
    /// - Complexity: O(`maximumLength`²) at most.
    static func endsResuming(at i: Int, in units: [UInt32]) -> Bool { line(endingAt: i, in: units)?.resumes == true }

    /// The jump line that ends at unit `i` (spaces after it skipped), if one does: its end and
    /// whether it opens an article's continued part. The page number is read up to that end only:
    /// the paragraph after the line may begin with a capital (`Continued from Page 1` /
    /// `Parents will…`), and no unit marks the boundary.
    ///
    /// - Complexity: O(`maximumLength`²) at most.
    private static func line(endingAt i: Int, in units: [UInt32]) -> (end: Int, resumes: Bool)? {
        var e = i
        while e > 0 && units[e - 1] == 0x20 { e -= 1 }
        guard e > 0 else { return nil }
        for start in max(0, e - maximumLength)..<e {
            if let line = chinese(at: start, units) ?? english(at: start, units, upTo: e), line.end == e {
                return line
            }
        }
        return nil
    }

    /// Whether a jump line that closes an article's part continued elsewhere, sending the reader
    /// on (`（下转第4版）`, `转第4版`, `Continued on Page 4`), begins at unit `i`, spaces before it
    /// aside.
    ///
    /// - Complexity: O(1).
    static func startsClosing(at i: Int, in units: [UInt32]) -> Bool { line(at: i, in: units)?.resumes == false }

    /// Whether a jump line begins anywhere in `range`.
    ///
    /// - Complexity: O(|range|).
    static func occurs(in range: Range<Int>, of units: [UInt32]) -> Bool {
        range.contains { starts(at: $0, in: units) }
    }

    /// The passages cut at jump lines: at a gap between two matches that holds a jump line on
    /// either side, each piece keeping its matches (`PassageSelection.cut`); and a passage's
    /// stretch before its first match (after its last) given up when it holds a jump line on
    /// either side, or a jump line that resumes the article ends at most `fragment` units before
    /// the passage (one that continues it elsewhere begins at most `fragment` units after it) in
    /// either text; a jump line that ends the article before begins another (`（下转第8版）` and
    /// the next article's first line, an edit there included). A passage without matches is kept
    /// as it is.
    ///
    /// - Complexity: O(G + p · `fragment` · `maximumLength`²) for G units in gaps and p passages.
    static func cut(_ pairs: [AlignedPair], _ a: NormalizedText, _ b: NormalizedText) -> [AlignedPair] {
        var result = PassageSelection.cut(pairs) { ga, gb in occurs(in: ga, of: a.units) || occurs(in: gb, of: b.units)
        }
        for i in result.indices {
            guard let first = result[i].matches.first, let last = result[i].matches.last else { continue }
            let pair = result[i]
            if resumes(before: pair.a.lowerBound, a.units) || resumes(before: pair.b.lowerBound, b.units)
                || occurs(in: pair.a.lowerBound..<first.a, of: a.units)
                || occurs(in: pair.b.lowerBound..<first.b, of: b.units)
            {
                result[i].a = first.a..<pair.a.upperBound
                result[i].b = first.b..<pair.b.upperBound
            }
            if closes(after: pair.a.upperBound, a.units) || closes(after: pair.b.upperBound, b.units)
                || occurs(in: last.aEnd..<pair.a.upperBound, of: a.units)
                || occurs(in: last.bEnd..<pair.b.upperBound, of: b.units)
            {
                result[i].a = result[i].a.lowerBound..<last.aEnd
                result[i].b = result[i].b.lowerBound..<last.bEnd
            }
        }
        return result
    }

    /// Units of an article's text that print may leave unmatched between a passage and a jump
    /// line: the part of a sentence cut at the jump (`"过` / `（下转第5版）`), shorter than an
    /// anchor, so no match reaches it.
    static let fragment = 8

    /// Whether a jump line that resumes an article ends at most `fragment` units before `i`.
    private static func resumes(before i: Int, _ units: [UInt32]) -> Bool {
        (max(0, i - fragment)...i).contains { endsResuming(at: $0, in: units) }
    }

    /// Whether a jump line that continues an article elsewhere begins at most `fragment` units
    /// after `i`.
    private static func closes(after i: Int, _ units: [UInt32]) -> Bool {
        (i...min(units.count, i + fragment)).contains { startsClosing(at: $0, in: units) }
    }

    private static let down: [UInt32] = [0x4E0B, 0x8F6C]  // 下转
    private static let up: [UInt32] = [0x4E0A, 0x63A5]  // 上接
    private static let di: UInt32 = 0x7B2C  // 第
    private static let ban: UInt32 = 0x7248  // 版

    private static func chinese(at start: Int, _ units: [UInt32]) -> (end: Int, resumes: Bool)? {
        var i = start
        func next(_ u: UInt32) -> Bool {
            guard i < units.count && units[i] == u else { return false }
            i += 1
            return true
        }
        _ = next(0x28)  // (
        let resumes: Bool
        if units[i...].starts(with: down) || units[i...].starts(with: up) {
            resumes = units[i] == up[0]
            i += 2
        } else if next(0x8F6C) {  // 转
            resumes = false
        } else if next(0x63A5) {  // 接
            resumes = true
        } else {
            return nil
        }
        guard next(di) else { return nil }
        let number = i
        while i < units.count && i - number < 4 && units[i] != ban && units[i] != 0x20 { i += 1 }
        guard i > number, next(ban) else { return nil }
        _ = next(0x29)  // )
        return (i, resumes)
    }

    private static let continued = Array("ontinued ".unicodeScalars.map(\.value))
    private static let on = Array("on ".unicodeScalars.map(\.value))
    private static let from = Array("from ".unicodeScalars.map(\.value))
    private static let page = Array("age ".unicodeScalars.map(\.value))

    private static func english(at start: Int, _ units: [UInt32], upTo limit: Int? = nil) -> (end: Int, resumes: Bool)?
    {
        let limit = limit ?? units.count
        guard start < units.count, units[start] == 0x43 || units[start] == 0x63 else { return nil }  // C c
        var i = start + 1
        func word(_ w: [UInt32]) -> Bool {
            guard units[i...].starts(with: w) else { return false }
            i += w.count
            return true
        }
        guard word(continued) else { return nil }
        let resumes = word(from)
        guard resumes || word(on) else { return nil }
        guard i < units.count, units[i] == 0x50 || units[i] == 0x70 else { return nil }  // P p
        i += 1
        guard word(page) else { return nil }
        let number = i
        if i < limit && units[i] >= 0x41 && units[i] <= 0x5A { i += 1 }  // A-Z
        let digits = i
        while i < limit && i - digits < 3 && units[i] >= 0x30 && units[i] <= 0x39 { i += 1 }
        return i > number ? (i, resumes) : nil
    }
}
