import Doppel

/// Text of one block (a headline, a byline, a paragraph) as printed, with the position of each of
/// its content code points in the output (`map[i]`: where content code point `i` went; code
/// points the layout adds, such as spaces and line breaks, map from nothing).
struct RenderedBlock {
    var scalars: [Unicode.Scalar] = []
    var map: [Int] = []
    /// Output ranges of characters print wrote in another form (`PageLayout.forms`).
    var forms: [Range<Int>] = []

    /// The output range of a content range; an empty range maps to the position before the
    /// content code point it precedes (or after the last one).
    func range(of content: Range<Int>) -> Range<Int> {
        if content.isEmpty {
            let p = content.lowerBound < map.count ? map[content.lowerBound] : (map.last.map { $0 + 1 } ?? 0)
            return p..<p
        }
        return map[content.lowerBound]..<(map[content.upperBound - 1] + 1)
    }
}

/// The layouts of the generated pages: a web edition (one line per block, the content as it is)
/// and a print edition (full-width punctuation, spaces around some numbers, letter-spaced short
/// headlines, hard wraps with kinsoku, English hyphenation, ligatures and curly quotes).
struct PageLayout {
    /// Display columns per printed line (an ideograph takes two).
    var columns: Int
    var english: Bool
    /// Print ligatures `ﬁ`/`ﬂ` for `fi`/`fl`.
    var ligatures: Bool
    /// Separator of printed lines: `"\n"` or `"\n\n"`.
    var lineBreak: String
    /// Print writes some characters in other forms, each decided per block: full-width digits
    /// and corner quotes `「」` (Chinese), soft hyphens inside long words, a drop cap on an
    /// article's first paragraph and small-caps headlines (English).
    var forms = false

    /// The web form: the content itself.
    static func web(_ content: [Unicode.Scalar]) -> RenderedBlock {
        RenderedBlock(scalars: content, map: Array(content.indices))
    }

    /// A heading as printed: one line, full-width punctuation, letter-spaced when `spaced`; with
    /// `forms`, an English headline (`smallCaps`) is set in capitals one time in three.
    func heading(_ content: [Unicode.Scalar], spaced: Bool, smallCaps: Bool = false, rng: inout SplitMix64)
        -> RenderedBlock
    {
        let capitals = forms && english && smallCaps && Int.random(in: 0..<3, using: &rng) == 0
        var out = RenderedBlock()
        for (i, s) in content.enumerated() {
            if spaced && i > 0 { out.scalars.append(" ") }
            out.map.append(out.scalars.count)
            let c = capitals ? (String(s).uppercased().unicodeScalars.first ?? s) : s
            out.scalars.append(english ? curly(c, after: out.scalars.last) : Self.fullWidth(c))
        }
        if capitals { out.forms = [0..<out.scalars.count] }
        return out
    }

    /// A body paragraph as printed, hard-wrapped; `rng` decides the spaces around numbers and
    /// the hyphenation of long words, and with `forms`, the forms of this paragraph (a drop cap
    /// only on a `dropCap` paragraph).
    func paragraph(_ content: [Unicode.Scalar], dropCap: Bool = false, rng: inout SplitMix64) -> RenderedBlock {
        guard forms else {
            return english ? englishParagraph(content, rng: &rng) : chineseParagraph(content, rng: &rng)
        }
        if english {
            var out = englishParagraph(content, rng: &rng)
            softHyphens(&out, rng: &rng)
            if dropCap && Bool.random(using: &rng) && content.count > 2 && content[0].properties.isUppercase
                && content[1].properties.isLowercase
            {
                // The first letter set large, on a line of its own in the extracted text.
                let gap = Array(lineBreak.unicodeScalars)
                out.scalars.insert(contentsOf: gap, at: 1)
                out.map = out.map.enumerated().map { $0.offset == 0 ? $0.element : $0.element + gap.count }
                out.forms = out.forms.map { $0.lowerBound + gap.count..<$0.upperBound + gap.count }
                out.forms.append(0..<gap.count + 2)
            }
            return out
        }
        var text = content
        var changed: [Int] = []
        if Int.random(in: 0..<3, using: &rng) == 0 {
            for i in text.indices where text[i].isASCII && text[i].properties.numericType != nil {
                text[i] = Unicode.Scalar(text[i].value - 0x30 + 0xFF10)!
                changed.append(i)
            }
        }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            for i in text.indices where text[i] == "“" || text[i] == "”" {
                text[i] = text[i] == "“" ? "「" : "」"
                changed.append(i)
            }
        }
        var out = chineseParagraph(text, rng: &rng)
        out.forms = changed.map { out.map[$0]..<out.map[$0] + 1 }
        return out
    }

    /// Soft hyphens (U+00AD) print leaves inside some long words, one word in five.
    private func softHyphens(_ out: inout RenderedBlock, rng: inout SplitMix64) {
        var points: [Int] = []
        var i = 0
        let s = out.scalars
        while i < s.count {
            var end = i
            while end < s.count && s[end].properties.isLowercase { end += 1 }
            if end - i >= 9 && Int.random(in: 0..<5, using: &rng) == 0 { points.append(i + 4) }
            i = max(end, i + 1)
        }
        guard !points.isEmpty else { return }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(s.count + points.count)
        var k = 0
        for (j, c) in s.enumerated() {
            if k < points.count && points[k] == j {
                scalars.append("\u{00AD}")
                k += 1
            }
            scalars.append(c)
        }
        out.map = out.map.map { old in old + points.filter { $0 <= old }.count }
        out.forms = points.enumerated().map { $0.element + $0.offset..<$0.element + $0.offset + 1 }
        out.scalars = scalars
    }

    private func chineseParagraph(_ content: [Unicode.Scalar], rng: inout SplitMix64) -> RenderedBlock {
        // Characters with their content index (nil: a space the layout adds).
        var glyphs: [(Unicode.Scalar, Int?)] = []
        for (i, s) in content.enumerated() {
            let digit = s.properties.numericType != nil && s.isASCII
            let previousDigit = i > 0 && content[i - 1].isASCII && content[i - 1].properties.numericType != nil
            if i > 0 && digit != previousDigit && (Self.isHan(s) || Self.isHan(content[i - 1]))
                && Int.random(in: 0..<3, using: &rng) == 0
            {
                glyphs.append((" ", nil))
            }
            glyphs.append((Self.fullWidth(s), i))
        }
        var out = RenderedBlock()
        out.map = [Int](repeating: 0, count: content.count)
        var width = 0
        var k = 0
        while k < glyphs.count {
            let (s, index) = glyphs[k]
            let w = Self.isWide(s) ? 2 : 1
            if width > 0 && width + w > columns && !Self.closing(s) && !(s == " ") {
                // Kinsoku: an opening mark does not end a line; it moves down with what follows.
                var carry = 0
                while let last = out.scalars.last, Self.opening(last), carry < 2 {
                    out.scalars.removeLast()
                    carry += 1
                }
                out.scalars += Array(lineBreak.unicodeScalars)
                width = 0
                if carry > 0 {
                    k -= carry
                    continue
                }
            }
            if let index { out.map[index] = out.scalars.count }
            out.scalars.append(s)
            width += w
            k += 1
        }
        return out
    }

    private func englishParagraph(_ content: [Unicode.Scalar], rng: inout SplitMix64) -> RenderedBlock {
        var out = RenderedBlock()
        out.map = [Int](repeating: 0, count: content.count)
        var width = 0
        var i = 0
        func emit(_ range: Range<Int>) {
            var j = range.lowerBound
            while j < range.upperBound {
                let s = content[j]
                let next = j + 1 < range.upperBound ? content[j + 1] : " "
                if ligatures && s == "f" && (next == "i" || next == "l") {
                    out.map[j] = out.scalars.count
                    out.map[j + 1] = out.scalars.count
                    out.scalars.append(next == "i" ? "\u{FB01}" : "\u{FB02}")
                    j += 2
                    continue
                }
                out.map[j] = out.scalars.count
                out.scalars.append(curly(s, after: out.scalars.last))
                j += 1
            }
            width += range.count
        }
        while i < content.count {
            var end = i
            while end < content.count && content[end] != " " { end += 1 }
            let word = i..<end
            let space = width > 0 ? 1 : 0
            if width + space + word.count > columns && width > 0 {
                let room = columns - width - 1 - 1  // a space and the hyphen
                let hyphen = content[word].firstIndex(of: "-")
                if let h = hyphen, h + 1 - word.lowerBound <= room + 1, h + 1 < word.upperBound {
                    // A real hyphen at the line end: `long-` / `term`.
                    out.scalars.append(" ")
                    out.map[i - 1] = out.scalars.count - 1
                    emit(word.lowerBound..<h + 1)
                    out.scalars += Array(lineBreak.unicodeScalars)
                    width = 0
                    emit(h + 1..<word.upperBound)
                } else if room >= 3, word.count >= 8, content[word].allSatisfy({ $0.properties.isLowercase }),
                    Int.random(in: 0..<2, using: &rng) == 0
                {
                    let cut = word.lowerBound + min(room, word.count - 3)
                    out.scalars.append(" ")
                    out.map[i - 1] = out.scalars.count - 1
                    emit(word.lowerBound..<cut)
                    out.scalars.append("-")
                    out.scalars += Array(lineBreak.unicodeScalars)
                    width = 0
                    emit(cut..<word.upperBound)
                } else {
                    out.scalars += Array(lineBreak.unicodeScalars)
                    if i > 0 { out.map[i - 1] = out.scalars.count - 1 }
                    width = 0
                    emit(word)
                }
            } else {
                if width > 0 {
                    out.scalars.append(" ")
                    out.map[i - 1] = out.scalars.count - 1
                    width += 1
                }
                emit(word)
            }
            i = end + 1
        }
        return out
    }

    /// Straight quotes as print sets them: `“` after a space or at the start, `”` otherwise;
    /// `'` as `’`.
    private func curly(_ s: Unicode.Scalar, after previous: Unicode.Scalar?) -> Unicode.Scalar {
        guard english else { return s }
        switch s {
        case "\"": return previous == nil || previous == " " || previous == "\n" ? "\u{201C}" : "\u{201D}"
        case "'": return "\u{2019}"
        default: return s
        }
    }

    static func fullWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case ",": return "，"
        case ":": return "："
        case ";": return "；"
        case "!": return "！"
        case "?": return "？"
        case "(": return "（"
        case ")": return "）"
        default: return s
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        isHan(s) || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFF60).contains(s.value)
            || s == "“" || s == "”" || s == "—" || s == "…"
    }

    /// Marks that never begin a printed line.
    static func closing(_ s: Unicode.Scalar) -> Bool { "，。、；：！？）”》」%".unicodeScalars.contains(s) }

    /// Marks that never end a printed line.
    static func opening(_ s: Unicode.Scalar) -> Bool { "（“《「".unicodeScalars.contains(s) }
}
