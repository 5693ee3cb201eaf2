/// Page furniture: the lines a printed page carries that belong to the page, not to an article —
/// section and column labels with their page letter (`综合新闻`, `新闻特写G`, `关注G`, `图片新闻`),
/// editor credits (`本版编辑A`, `责任编辑:张帆`), the running date line (`2024年4月8日 星期一`),
/// page numbers (`第3版`, `Page 4`), English running heads in capitals (`NATIONAL NEWS`) and
/// `Edited by …`. Such a line is set aside like layout (counted in the ledger as `furniture`),
/// unless `NormalizationOptions.keepFurniture` keeps it as text.
///
/// A paragraph is furniture when it is at most `maximumLength` units, ends no sentence, and is
/// one of:
/// - two to eight ideographs followed by one capital letter or digit (a label and its page
///   letter: `新闻特写G`, `本版编辑A`, `工会新闻3`);
/// - two to four ideographs ending in `新闻` or `要闻` (a section label: `综合新闻`, `图片新闻`;
///   a headline such as `标题一号新闻` is longer);
/// - an editor credit: it begins with `本版编辑`, `责任编辑`, `本版责编`, `责编`, `美编`,
///   `图片编辑` or `校对`;
/// - a date line: `YYYY年M月D日` followed by `星期` and a day;
/// - a page number: `第N版`, or `Page N` / `PAGE N`;
/// - `Edited by` and a name;
/// - two to four words of capital letters only (`NATIONAL NEWS`, `IN BRIEF`).
/// The rule is the same for both versions, so a line both have is set aside on both sides.
/// The normaliser drops a furniture paragraph as it ends (`Normalizer`, step 5). A line of
/// capitals may also be an article's kicker (`CITY HALL`); the comparison tells the two apart
/// with the other version's help (`kickers(_:_:)`) and keeps a kicker as text.
public enum PageFurniture {
    /// Units of a furniture line at most.
    public static let maximumLength = 30

    /// Whether a paragraph (normalised units) is page furniture.
    ///
    /// - Complexity: O(1) for a paragraph longer than `maximumLength`, O(`maximumLength`) otherwise.
    public static func isFurniture(_ p: ArraySlice<UInt32>) -> Bool {
        p.withUnsafeBufferPointer { isFurniture($0) }
    }

    /// Whether the units of a paragraph are page furniture, without a copy of them.
    ///
    /// - Complexity: O(1) for a paragraph longer than `maximumLength`, O(`maximumLength`) otherwise.
    static func isFurniture(_ units: UnsafeBufferPointer<UInt32>) -> Bool {
        guard units.count >= 2, units.count <= maximumLength, let last = units.last else { return false }
        if endsSentence(last) && !isPageNumber(units) { return false }
        let han = units.prefix { isHan($0) }.count
        // A label and its page letter or number.
        if han >= 2 && han <= 8 && units.count == han + 1 && (isCapital(last) || isDigit(last)) { return true }
        // A section label.
        if han == units.count && han <= 4
            && (units.suffix(2).elementsEqual(news) || units.suffix(2).elementsEqual(topNews))
        {
            return true
        }
        if credits.contains(where: { units.starts(with: $0) }) { return true }
        if isDateLine(units) || isPageNumber(units) { return true }
        if units.starts(with: editedBy) && units.count > editedBy.count { return true }
        return isCapitalHeading(units)
    }

    /// The last units of a sentence (`。!?.…`): a line ending so is no furniture, unless a page number.
    private static func endsSentence(_ u: UInt32) -> Bool {
        u == 0x3002 || u == 0x21 || u == 0x3F || u == 0x2E || u == 0x2026
    }

    private static let news: [UInt32] = "新闻".unicodeScalars.map(\.value)
    private static let topNews: [UInt32] = "要闻".unicodeScalars.map(\.value)
    private static let pageWords: [[UInt32]] = ["Page ", "PAGE "].map { $0.unicodeScalars.map(\.value) }
    private static let credits: [[UInt32]] = ["本版编辑", "责任编辑", "本版责编", "责编", "美编", "图片编辑", "校对"]
        .map { $0.unicodeScalars.map(\.value) }
    private static let editedBy: [UInt32] = "Edited by ".unicodeScalars.map(\.value)

    private static func isHan(_ u: UInt32) -> Bool { ScriptClass.of(u) == .ideograph }
    private static func isCapital(_ u: UInt32) -> Bool { u >= 0x41 && u <= 0x5A }
    private static func isDigit(_ u: UInt32) -> Bool { u >= 0x30 && u <= 0x39 }

    /// `2024年4月8日星期一` (spaces around the digits are gone after normalisation).
    private static func isDateLine(_ u: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 0
        func digits(_ least: Int, _ most: Int) -> Bool {
            let start = i
            while i < u.count && isDigit(u[i]) && i - start < most { i += 1 }
            return i - start >= least
        }
        func unit(_ c: Character) -> Bool {
            guard i < u.count, u[i] == c.unicodeScalars.first!.value else { return false }
            i += 1
            return true
        }
        while i < u.count && u[i] == 0x20 { i += 1 }
        guard digits(4, 4), unit("年"), digits(1, 2), unit("月"), digits(1, 2), unit("日") else { return false }
        while i < u.count && u[i] == 0x20 { i += 1 }
        guard unit("星"), unit("期"), i + 1 == u.count else { return false }
        return "一二三四五六日天".unicodeScalars.contains { $0.value == u[i] }
    }

    /// `第3版`, `Page 4`, `PAGE 12`.
    private static func isPageNumber(_ u: UnsafeBufferPointer<UInt32>) -> Bool {
        if u.count >= 3 && u.first == 0x7B2C && u.last == 0x7248 && u.dropFirst().dropLast().allSatisfy(isDigit) {
            return true  // 第 … 版
        }
        for w in pageWords {
            if u.starts(with: w) && u.count > w.count && u.count <= w.count + 3
                && u.dropFirst(w.count).allSatisfy(isDigit)
            {
                return true
            }
        }
        return false
    }

    /// The furniture lines of each version that are a kicker, not a running head: a line of two
    /// to four words in capitals (`CITY HALL`) that the other version has not set aside as it is,
    /// where the other version has a short heading (at most `maximumLength` units, ending no
    /// sentence; as text, or set aside in capitals and missing here) of one word more or less
    /// that shares a word of four letters or more with it, case aside (`Council HALL`, or
    /// `TOWN HALL`). A running head belongs to the page and has no such counterpart; a kicker is
    /// part of its article, edited with it, so its edit is found when both versions keep it.
    /// The indices are those of `NormalizedText.furnitureLines`, for
    /// `Normalizer.normalize(_:keepingFurniture:)`.
    ///
    /// ```swift
    /// let (keepA, keepB) = PageFurniture.kickers(textA, textB)
    /// if !keepA.isEmpty { textA = Normalizer().normalize(sourceA, keepingFurniture: keepA) }
    /// ```
    ///
    /// - Complexity: O(1) when neither version set a capitals line aside; otherwise O(n + m)
    ///   once for the other version's short paragraphs, and O(f · h) for f such lines against h
    ///   short headings.
    public static func kickers(_ a: NormalizedText, _ b: NormalizedText) -> (a: Set<Int>, b: Set<Int>) {
        (kickers(of: a, against: b), kickers(of: b, against: a))
    }

    /// The furniture lines of `text` that are kickers by `other` (see `kickers(_:_:)`).
    private static func kickers(of text: NormalizedText, against other: NormalizedText) -> Set<Int> {
        var kept = Set<Int>()
        var headings: [[[UInt32]]]?  // the other version's short headings, as folded words
        for (k, line) in text.furnitureLines.enumerated()
        where line.withUnsafeBufferPointer(isCapitalHeading) && !other.furnitureLines.contains(line) {
            if headings == nil { headings = shortHeadings(other, besides: text) }
            let words = foldedWords(line[...])
            if headings!.contains(where: { heading in
                abs(heading.count - words.count) <= 1 && heading.contains { $0.count >= 4 && words.contains($0) }
            }) {
                kept.insert(k)
            }
        }
        return kept
    }

    /// The paragraphs of `text` of at most `maximumLength` units that end no sentence, and its
    /// capitals lines set aside that `besides` has not, each as its words in small letters.
    private static func shortHeadings(_ text: NormalizedText, besides: NormalizedText) -> [[[UInt32]]] {
        var found: [[[UInt32]]] = []
        for p in text.paragraphRanges where p.count <= maximumLength {
            let units = text.units[p]
            if let last = units.last, !endsSentence(last) { found.append(foldedWords(units)) }
        }
        for line in text.furnitureLines
        where line.withUnsafeBufferPointer(isCapitalHeading) && !besides.furnitureLines.contains(line) {
            found.append(foldedWords(line[...]))
        }
        return found
    }

    /// The words of a line (split at spaces), Latin capitals read as small letters.
    private static func foldedWords(_ units: ArraySlice<UInt32>) -> [[UInt32]] {
        units.split(separator: 0x20).map { $0.map { isCapital($0) ? $0 | 0x20 : $0 } }
    }

    /// Two to four words of capital letters, nothing else.
    private static func isCapitalHeading(_ u: UnsafeBufferPointer<UInt32>) -> Bool {
        guard u.allSatisfy({ isCapital($0) || $0 == 0x20 }) else { return false }
        let words = u.split(separator: 0x20)
        return words.count >= 2 && words.count <= 4 && words.allSatisfy { $0.count >= 2 }
    }
}
