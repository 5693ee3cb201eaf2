import DoppelText

/// Keeps exact matches from ending inside a word, so an edit in alphabetic text covers whole
/// words.
///
/// A match grows unit by unit while the texts agree, so it stops wherever they first differ:
/// `Monday` against `Tuesday` leaves the shared `day` inside the match, and the gap the diff
/// compares is `Mon` against `Tues`. A copy desk marks words, not their changed letters. The
/// diff already compares alphabetic text word by word (`DiffTokenizer`: a run of letters and
/// digits is one token); this makes the alignment agree with it: each match gives back the
/// part of a word it shares with the gap beside it, and the edit is `Monday → Tuesday`, a
/// number `2023 → 2024` likewise. Han text is one token per character and never inside a
/// word, so Chinese edits stay one character wide.
///
/// A position splits a word when the units on both sides of it are letters or digits, it is
/// no paragraph boundary and no line-end hyphen join (`long-` / `term` joined to `longterm` is
/// two words as far as the other version's `long-term` is concerned), and the run of letters
/// and digits around it is at most `DiffTokenizer.maximumWordLength` units (a longer run is
/// compared unit by unit, as the tokenizer does).
enum WordBoundaries {
    /// Each pair's matches, trimmed so that neither end splits a word whose rest, beside that
    /// end, is changed text: the word continues into the gap there (not straight into the next
    /// match: `12351` against `12红351` stays the insertion of `红`), and the gap differs in more
    /// than spaces (`11 54` against `1154`, a number a print line break cut, is no edit). A match
    /// inside one word is dropped (its units are compared by the diff).
    ///
    /// - Complexity: O(M) for M matches, times the length of the words at their ends
    ///   (at most `DiffTokenizer.maximumWordLength`), plus O(log P + g) per end inside a word
    ///   beside a gap of g units.
    static func trim(_ pairs: inout [AlignedPair], _ a: NormalizedText, _ b: NormalizedText) {
        for p in pairs.indices where pairs[p].matches.contains(where: { splits($0, a, b) }) {
            let pair = pairs[p]
            let ms = pair.matches
            var kept: [ExactMatch] = []
            kept.reserveCapacity(ms.count)
            for (i, m) in ms.enumerated() {
                let before = (
                    a: (i > 0 ? ms[i - 1].aEnd : pair.a.lowerBound)..<m.a,
                    b: (i > 0 ? ms[i - 1].bEnd : pair.b.lowerBound)..<m.b
                )
                let after = (
                    a: m.aEnd..<(i + 1 < ms.count ? ms[i + 1].a : pair.a.upperBound),
                    b: m.bEnd..<(i + 1 < ms.count ? ms[i + 1].b : pair.b.upperBound)
                )
                let start =
                    (splitsWord(a, at: m.a) && !before.a.isEmpty || splitsWord(b, at: m.b) && !before.b.isEmpty)
                    && !sameBarSpaces(a.units[before.a], b.units[before.b])
                let end =
                    (splitsWord(a, at: m.aEnd) && !after.a.isEmpty || splitsWord(b, at: m.bEnd) && !after.b.isEmpty)
                    && !sameBarSpaces(a.units[after.a], b.units[after.b])
                if let t = trimmed(m, a, b, start: start, end: end) { kept.append(t) }
            }
            pairs[p].matches = kept
        }
    }

    /// Whether two stretches hold the same units once spaces are left out.
    private static func sameBarSpaces(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Bool {
        x.lazy.filter { $0 != 0x20 }.elementsEqual(y.lazy.filter { $0 != 0x20 })
    }

    private static func splits(_ m: ExactMatch, _ a: NormalizedText, _ b: NormalizedText) -> Bool {
        splitsWord(a, at: m.a) || splitsWord(b, at: m.b) || splitsWord(a, at: m.aEnd) || splitsWord(b, at: m.bEnd)
    }

    /// `m` without the parts of words it shares with its surroundings, at its `start` and its
    /// `end` as asked; nil when nothing is left.
    static func trimmed(_ m: ExactMatch, _ a: NormalizedText, _ b: NormalizedText, start: Bool, end: Bool)
        -> ExactMatch?
    {
        var lo = 0
        while start && lo < m.length && (splitsWord(a, at: m.a + lo) || splitsWord(b, at: m.b + lo)) { lo += 1 }
        var hi = m.length
        while end && hi > lo && (splitsWord(a, at: m.a + hi) || splitsWord(b, at: m.b + hi)) { hi -= 1 }
        return hi > lo ? ExactMatch(a: m.a + lo, b: m.b + lo, length: hi - lo) : nil
    }

    /// Whether `position` lies inside a word of `text` (see the type's comment).
    ///
    /// - Complexity: O(1) unless both neighbours are letters or digits; then O(log P +
    ///   `DiffTokenizer.maximumWordLength`).
    static func splitsWord(_ text: NormalizedText, at position: Int) -> Bool {
        guard position > 0, position < text.count else { return false }
        let units = text.units
        guard ScriptClass.of(units[position - 1]).isWordPart, ScriptClass.of(units[position]).isWordPart else {
            return false
        }
        if !text.paragraphStarts.isEmpty && text.paragraphStarts[text.paragraphIndex(of: position)] == position {
            return false
        }
        if contains(text.hyphenJoins, position) { return false }
        // A run longer than a word token is compared unit by unit.
        let limit = DiffTokenizer.maximumWordLength
        var lo = position - 1
        while lo > 0 && position - lo <= limit && ScriptClass.of(units[lo - 1]).isWordPart { lo -= 1 }
        var hi = position + 1
        while hi < units.count && hi - lo <= limit && ScriptClass.of(units[hi]).isWordPart { hi += 1 }
        return hi - lo <= limit
    }

    /// Whether the ascending array holds `value`.
    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var lo = 0
        var hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < sorted.count && sorted[lo] == value
    }
}
