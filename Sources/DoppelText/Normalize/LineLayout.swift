/// Reads the line structure of a text and decides, for every gap between two non-blank lines,
/// whether it separates paragraphs or is a line break that layout inserted.
///
/// Two layouts are told apart:
/// - **print** (hard-wrapped): at least half the lines are within -20%/+25% of the median display
///   width, and that median is at most 160 columns, as in
///   text extracted from a newspaper PDF. A line break is a wrap; a paragraph ends after a line
///   clearly shorter than the typical width that ends a sentence (`。！？”…`), after a line
///   much shorter than the typical width (headlines, bylines), before an indented line, and at a
///   blank line (blank lines around a page break are none) unless blank lines separate every line (double spacing), before a short line
///   without closing punctuation that follows the end of a sentence (a headline printed after
///   its body), after a short line that ends neither a sentence nor a clause (a heading or
///   byline), after a line ending in `摄` (a picture credit), and, in ideographic text, after a
///   line narrower than three quarters of the next one (a headline or kicker on its own line:
///   a wrapped line is as wide as the measure allows), after a line of ideographs only that
///   ends on one, two or more ideographs short of the typical width, before another line as
///   short that ends neither a sentence nor a clause (two headings stacked: a headline printed
///   after its body, then the next article's), or after a paragraph's first line set
///   wider than the measure (more than 125% of it), ending without punctuation and followed by a
///   line narrower than 80% of it (a headline set wide), before a short line that is a byline
///   (`本报记者 王伟`, `By Clara Jennings`: a credit that ends no sentence), and before a line that
///   begins with a dispatch credit (`本报讯`, `本报北京4月7日电`); before a line of one capital letter
///   followed by a line that begins in lower case, and never after it (a drop cap: `T` / `he
///   council voted`, joined without a space: `dropCapJoins`).
/// - **flowed**: lines are paragraphs. Blank lines separate paragraphs; when the text uses blank
///   lines as separators, a single line break inside a paragraph is a wrap. In text where blank
///   lines separate every line, a stray blank line inside a long paragraph (`工业` / `园区)`: two long lines, the first ending on an ideograph
///   without closing punctuation, the next beginning with an ideograph or closing punctuation)
///   is joined.
/// In both layouts a line of page furniture (`PageFurniture`: `新闻特写G`, `本版编辑A`) is a
/// paragraph of its own, so the normaliser can set it aside whole.
struct LineLayout {
    /// For each non-blank line after the first, in order: true when a paragraph begins there.
    var paragraphBefore: [Bool]
    /// True when the text was read as hard-wrapped print.
    var isPrint: Bool
    /// Paragraph ends found by the print heuristics (not by blank lines).
    var recovered: Int
    /// The non-blank lines (their indices, the first line 0) that the line before joins as the
    /// rest of a drop cap's word (`T` / `he council`): the normaliser sets no space there.
    var dropCapJoins: Set<Int> = []
    /// True when ideographs make up at least a third of the letters and ideographs: spaces then
    /// survive only between two word characters.
    var ideographic: Bool

    private struct Line {
        var width = 0  // display columns of the content (ideographs and wide forms 2)
        var ideographs = 0  // ideographs on the line (unchanged by normalisation)
        var indent = 0  // leading white space, in columns
        var first: UInt32 = 0  // first non-space code point
        var last: UInt32 = 0  // last non-space code point
        var blankBefore = false  // a blank line (or more) separates it from the previous line
        var hardBreakBefore = false  // U+2029 or similar forces a paragraph
        var start = 0  // offset of its first code point
        var end = 0  // offset past its last code point
    }

    /// Reads `scalars` and decides every gap.
    ///
    /// - Complexity: O(n) in the number of code points, plus O(L log L) for L lines.
    static func analyze(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>,
        layout: NormalizationOptions.Layout
    ) -> LineLayout {
        var ideographs = 0
        var letters = 0
        let lines = readLines(scalars, ideographs: &ideographs, letters: &letters)
        let ideographic = ideographs * 3 >= ideographs + letters && ideographs > 0
        if lines.count < 2 {
            return LineLayout(paragraphBefore: [], isPrint: false, recovered: 0, ideographic: ideographic)
        }
        let gaps = lines.count - 1
        var blankGaps = 0
        for line in lines.dropFirst() where line.blankBefore { blankGaps += 1 }
        let doubleSpaced = blankGaps * 10 >= gaps * 8
        let usesBlankSeparators = blankGaps > 0 && !doubleSpaced

        let widths = lines.map(\.width).sorted()
        let typical = widths[widths.count / 2]
        var nearTypical = 0
        for line in lines where line.width * 100 >= typical * 80 && line.width * 100 <= typical * 125 {
            nearTypical += 1
        }
        let looksPrinted = lines.count >= 6 && typical <= 160 && nearTypical * 2 >= lines.count
        let isPrint: Bool
        switch layout {
        case .print: isPrint = true
        case .flowed: isPrint = false
        case .auto: isPrint = looksPrinted
        }

        // A line of page furniture (`PageFurniture`) is a paragraph of its own wherever it sits.
        // Checked on short lines only: in print, the lines clearly shorter than the typical width.
        let furnitureWidth = min(2 * PageFurniture.maximumLength, isPrint ? typical * 85 / 100 : Int.max)
        let furniture = lines.map { $0.width <= furnitureWidth && isFurniture(scalars, $0) }
        var before: [Bool] = []
        before.reserveCapacity(gaps)
        var recovered = 0
        var dropCapJoins = Set<Int>()
        for k in 1..<lines.count {
            let previous = lines[k - 1]
            let line = lines[k]
            if line.hardBreakBefore || furniture[k] || furniture[k - 1] {
                before.append(true)
                continue
            }
            if isPrint {
                if line.blankBefore && !doubleSpaced || line.indent >= 2 {
                    before.append(true)
                    continue
                }
                let short = previous.width * 100 <= typical * 85
                let veryShort = previous.width * 100 <= typical * 60
                let headingFollows =
                    endsSentence(previous.last) && !endsSentence(line.last)
                    && line.width * 100 <= typical * 85 && !closesClause(line.last)
                    && (k + 1 == lines.count || lines[k + 1].width * 100 > typical * 85 || !endsSentence(line.last))
                let heading = short && !endsSentence(previous.last) && !closesClause(previous.last)
                let credit = previous.last == 0x6444  // 摄: a picture caption's credit
                // A line clearly narrower than the next one was not wrapped at the measure (the
                // next line's first words would have fitted): a headline or kicker set on a
                // line of its own, joined to the body before or after it otherwise.
                let narrowerThanNext = ideographic && previous.width * 4 < line.width * 3
                // Two headings on lines of their own, one after the other (a headline printed
                // after its body, then the next article's): a line of ideographs only fills the
                // measure when wrapped (one short where kinsoku moved a character on), so one
                // two or more short of it that ends on an ideograph, before another such short
                // line, is a heading of its own.
                let stackedHeadings =
                    ideographic && previous.ideographs * 2 == previous.width && previous.width + 4 <= typical
                    && ScriptClass.of(previous.last) == .ideograph && line.width + 4 <= typical
                    && !endsSentence(line.last) && !closesClause(line.last)
                // A paragraph's first line set wider than the measure, ending without punctuation
                // and followed by a clearly narrower line, is a headline on a line of its own.
                let wideHeading =
                    ideographic && previous.width * 100 > typical * 125 && line.width * 100 < previous.width * 80
                    && !endsSentence(previous.last) && !closesClause(previous.last) && (k == 1 || before[k - 2])
                // A byline or a dispatch credit begins its article's text: the headline printed
                // before it (this article's, or the previous one's) is not joined to it.
                let bylineFollows = opensArticle(scalars, line, short: line.width * 100 <= typical * 85)
                // A drop cap: a paragraph's first letter set large, on a line of its own, before
                // the rest of its word (`T` / `he council`): it begins a paragraph and joins the
                // line after it.
                let dropCap = isDropCap(previous, before: line)
                let dropCapFollows = k + 1 < lines.count && isDropCap(line, before: lines[k + 1])
                let ends =
                    dropCapFollows
                    || !dropCap
                        && (short && endsSentence(previous.last) || veryShort || headingFollows || heading
                            || credit || narrowerThanNext || wideHeading || bylineFollows || stackedHeadings)
                before.append(ends)
                if ends { recovered += 1 }
                if dropCap && !ends { dropCapJoins.insert(k) }
            } else {
                let separated = line.blankBefore || !usesBlankSeparators
                if line.blankBefore && doubleSpaced && isStrayBreak(previous, line) {
                    before.append(false)
                } else {
                    before.append(separated)
                }
            }
        }
        return LineLayout(
            paragraphBefore: before, isPrint: isPrint, recovered: recovered, dropCapJoins: dropCapJoins,
            ideographic: ideographic)
    }

    /// A line of one capital letter before a line that begins in lower case.
    private static func isDropCap(_ line: Line, before next: Line) -> Bool {
        line.width == 1 && line.first >= 0x41 && line.first <= 0x5A && next.first >= 0x61 && next.first <= 0x7A
    }

    /// Both lines are long (25 ideographs or more, a count normalisation does not change, so
    /// normalising twice decides alike), the first ends on an ideograph, the next begins with one
    /// or with punctuation that closes a clause.
    private static func isStrayBreak(_ previous: Line, _ next: Line) -> Bool {
        previous.ideographs >= 25 && next.ideographs >= 25 && ScriptClass.of(previous.last) == .ideograph
            && (ScriptClass.of(next.first) == .ideograph || closesClause(next.first))
    }

    /// Whether a short line is page furniture, judged on its code points with white space left
    /// out and full-width forms folded, as the normaliser will read it.
    private static func isFurniture(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ line: Line) -> Bool {
        guard let units = folded(s, line, limit: PageFurniture.maximumLength) else { return false }
        return PageFurniture.isFurniture(units[...])
    }

    /// Whether a line begins an article's text: a short line that is a byline (`本报记者 王伟`,
    /// `By Clara Jennings`: a credit that ends no sentence), or any line that begins with a
    /// dispatch credit (`本报讯`, `本报北京4月7日电`), which only an article's first words carry.
    private static func opensArticle(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ line: Line, short: Bool) -> Bool {
        if line.first == 0x672C {  // 本: 本报讯, 本报北京4月7日电
            var head = line
            head.end = min(line.end, line.start + 24)
            if let units = folded(s, head, limit: 24), ArticleSplitter.startsWithDispatchCredit(units[...]) {
                return true
            }
        }
        // Every credit begins with 本, 记, 通, 新 or B.
        guard short, [0x672C, 0x8BB0, 0x901A, 0x65B0, 0x42].contains(line.first), !endsSentence(line.last),
            let units = folded(s, line, limit: 60)
        else { return false }
        return ArticleSplitter.startsWithCredit(units[...])
    }

    /// The line's code points as the normaliser will read them (white space left out except
    /// between two Latin letters or digits, full-width forms folded); nil past `limit` units.
    private static func folded(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ line: Line, limit: Int) -> [UInt32]? {
        var units: [UInt32] = []
        units.reserveCapacity(limit + 1)
        var pendingSpace = false
        for i in line.start..<line.end {
            var u = s[i].value
            if u == 0x20 || u == 0x09 || u == 0x3000 {
                pendingSpace = !units.isEmpty
                continue
            }
            if u >= 0xFF01 && u <= 0xFF5E { u -= 0xFEE0 }
            // A space survives between two Latin letters or digits, as the normaliser keeps it.
            if pendingSpace, let last = units.last, u < 0x80 && last < 0x80 { units.append(0x20) }
            pendingSpace = false
            units.append(u)
            if units.count > limit { return nil }
        }
        return units
    }

    /// Sentence-final punctuation, ASCII or full-width, and the closing quotes that follow it.
    static func endsSentence(_ u: UInt32) -> Bool {
        switch u {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0x201D, 0x2019, 0x300D, 0x300F, 0x2026,
            0xFF1A, 0x3A, 0x22, 0xFF09, 0x29, 0xFF61:
            return true
        default:
            return false
        }
    }

    private static func closesClause(_ u: UInt32) -> Bool {
        switch u {
        case 0x29, 0xFF09, 0x3001, 0x3002, 0xFF0C, 0x2C, 0x201D, 0xFF1B, 0x3B, 0x300D, 0x300F:
            return true
        default:
            return false
        }
    }

    /// True for line terminators: LF, CR, VT, FF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
    @inline(__always)
    static func isLineBreak(_ u: UInt32) -> Bool {
        u == 0x0A || u == 0x0D || u == 0x0B || u == 0x0C || u == 0x85 || u == 0x2028 || u == 0x2029
    }

    /// Display columns of a code point that is no ideograph: 2 for East Asian wide punctuation.
    @inline(__always)
    private static func wideColumns(_ u: UInt32) -> Int {
        switch u {
        case 0x3000...0x303F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x2014, 0x2026, 0x201C, 0x201D:
            return 2
        default:
            return 1
        }
    }

    /// What the line scan needs of a code point, in one byte: its display columns (bits 0-1:
    /// 1 or 2; a space inside a line counts 1), whether it is an ideograph or a letter, a space
    /// or a line break (`isLineBreak`).
    private enum Scan {
        static let columns: UInt8 = 0x03
        static let ideograph: UInt8 = 0x04
        static let letter: UInt8 = 0x08
        static let space: UInt8 = 0x10
        static let lineBreak: UInt8 = 0x20
    }

    /// The scan byte of a code point (see `Scan`), as `readLines` counts it.
    @inline(__always)
    private static func scanFlags(_ u: UInt32, classes: ScriptTable) -> UInt8 {
        if isLineBreak(u) { return Scan.lineBreak }
        switch classes.of(u) {
        case .space: return Scan.space | 1
        case .ideograph: return Scan.ideograph | 2
        case .letter: return Scan.letter | 1
        default: return u < 0x2000 ? 1 : UInt8(wideColumns(u))
        }
    }

    /// The scan bytes of the Basic Multilingual Plane, built once per process (65,536 lookups
    /// in `ScriptClass.table`, well under a millisecond) and never freed. Unsafe but safe to share:
    /// it is written once, before the pointer is published, and only read after.
    nonisolated(unsafe) private static let scanTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        let classes = ScriptClass.table
        for u in 0..<0x10000 { table[u] = scanFlags(UInt32(u), classes: classes) }
        return UnsafePointer(table)
    }()

    /// The non-blank lines of `s`, counting the ideographs and letters of the whole text on the
    /// way. A line's content is read in one tight loop over the code points, one table byte
    /// each (`scanTable`), that stops only at a line break; its trailing white space is taken
    /// back from the counts at the end.
    ///
    /// - Complexity: O(n) in the number of code points.
    private static func readLines(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, ideographs: inout Int,
        letters: inout Int
    ) -> [Line] {
        var lines: [Line] = []
        var current = Line()
        var sawBlank = false
        var hardBreak = false
        var pageBreak = false  // a form feed since the last line with content
        var i = 0
        let n = s.count
        let classes = ScriptClass.table
        let table = scanTable
        while i < n {
            let u = s[i].value
            let flags = u < 0x10000 ? table[Int(u)] : scanFlags(u, classes: classes)
            if flags & Scan.space != 0 {
                current.indent += u == 0x3000 ? 2 : 1
                i += 1
                continue
            }
            let afterContent: Bool
            if flags & Scan.lineBreak == 0 {
                // The line's content, from its first code point to the next line break: every
                // code point one table byte, spaces counted in the width and taken back at the end
                // when they trail the line.
                current.start = i
                current.first = u
                current.blankBefore = sawBlank
                current.hardBreakBefore = hardBreak
                var width = 0
                var lineIdeographs = 0
                var lineLetters = 0
                var trailing = 0  // spaces since the last content code point
                var j = i
                while j < n {
                    let v = s[j].value
                    let f = v < 0x10000 ? table[Int(v)] : scanFlags(v, classes: classes)
                    if f & Scan.lineBreak != 0 { break }
                    width &+= Int(f & Scan.columns)
                    lineIdeographs &+= Int((f & Scan.ideograph) >> 2)
                    lineLetters &+= Int((f & Scan.letter) >> 3)
                    trailing = (trailing &+ 1) & -Int((f & Scan.space) >> 4)
                    j &+= 1
                }
                current.width = width &- trailing
                current.ideographs = lineIdeographs
                current.end = j &- trailing
                current.last = s[current.end - 1].value
                ideographs &+= lineIdeographs
                letters &+= lineLetters
                lines.append(current)
                current = Line()
                i = j
                if i == n { break }
                afterContent = true
            } else {
                afterContent = false
            }
            // A line break at `i`.
            let b = s[i].value
            if afterContent {
                sawBlank = false
                hardBreak = false
                pageBreak = b == 0x0C
            } else {
                current.indent = 0
                // Blank lines around a page break (pdftotext's "\n\n\f") are the page's
                // margins, not a paragraph break: a paragraph may run on to the next page.
                if b == 0x0C {
                    pageBreak = true
                    sawBlank = false
                }
                if !lines.isEmpty && !pageBreak { sawBlank = true }
            }
            if b == 0x2029 { hardBreak = true }
            if b == 0x0D, i + 1 < n, s[i + 1].value == 0x0A { i += 1 }
            i += 1
        }
        return lines
    }
}
