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
public enum PageFurniture {
    /// Units of a furniture line at most.
    public static let maximumLength = 30

    /// Whether a paragraph (normalised units) is page furniture.
    ///
    /// - Complexity: O(1) for a paragraph longer than `maximumLength`, O(`maximumLength`) otherwise.
    public static func isFurniture(_ p: ArraySlice<UInt32>) -> Bool {
        guard p.count >= 2, p.count <= maximumLength, let last = p.last else { return false }
        if [0x3002, 0x21, 0x3F, 0x2E, 0x2026].contains(last) && !isPageNumber(p) { return false }
        let units = Array(p)
        let han = units.prefix { isHan($0) }.count
        // A label and its page letter or number.
        if han >= 2 && han <= 8 && units.count == han + 1 && (isCapital(last) || isDigit(last)) { return true }
        // A section label.
        if han == units.count && han <= 4 && (units.suffix(2) == Self.news || units.suffix(2) == Self.topNews) {
            return true
        }
        if credits.contains(where: { units.starts(with: $0) }) { return true }
        if isDateLine(units) || isPageNumber(p) { return true }
        if units.starts(with: editedBy) && units.count > editedBy.count { return true }
        return isCapitalHeading(units)
    }

    /// `text` without its furniture paragraphs (units, map and paragraph starts), and how many
    /// paragraphs were set aside. The text itself when it has none.
    ///
    /// - Complexity: O(P) for P paragraphs when none is furniture; O(n) to rebuild otherwise.
    static func setAside(_ text: NormalizedText) -> (NormalizedText, Int) {
        var furniture: [Range<Int>] = []
        for (k, start) in text.paragraphStarts.enumerated() {
            let end = k + 1 < text.paragraphStarts.count ? text.paragraphStarts[k + 1] : text.count
            if end - start <= maximumLength && isFurniture(text.units[start..<end]) { furniture.append(start..<end) }
        }
        guard !furniture.isEmpty else { return (text, 0) }
        let paragraphs = text.paragraphRanges
        var units: [UInt32] = []
        var origins = OriginMap.Writer(reserving: text.origins.count)
        var paragraphStarts: [Int] = []
        units.reserveCapacity(text.count)
        let keepMap = !text.origins.isEmpty
        var next = 0
        for range in paragraphs {
            if next < furniture.count && furniture[next] == range {
                next += 1
                continue
            }
            paragraphStarts.append(units.count)
            units.append(contentsOf: text.units[range])
            if keepMap {
                for origin in text.origins.ranges(range) { origins.append(origin.lowerBound, origin.upperBound) }
            }
        }
        var result = NormalizedText(
            units: units, origins: origins.map,
            paragraphStarts: paragraphStarts, originCount: text.originCount,
            ledger: text.ledger)
        result.isPrintLayout = text.isPrintLayout
        result.hyphenJoins = text.hyphenJoins.isEmpty ? [] : shifted(text.hyphenJoins, removing: furniture)
        result.ledger.furniture += furniture.count
        return (result, furniture.count)
    }

    /// Positions moved down past the removed ranges (positions inside them dropped).
    private static func shifted(_ positions: [Int], removing removed: [Range<Int>]) -> [Int] {
        var result: [Int] = []
        var k = 0
        var gone = 0
        for p in positions {
            while k < removed.count && removed[k].upperBound <= p {
                gone += removed[k].count
                k += 1
            }
            if k < removed.count && removed[k].contains(p) { continue }
            result.append(p - gone)
        }
        return result
    }

    private static let news: ArraySlice<UInt32> = ArraySlice("新闻".unicodeScalars.map(\.value))
    private static let topNews: ArraySlice<UInt32> = ArraySlice("要闻".unicodeScalars.map(\.value))
    private static let credits: [[UInt32]] = ["本版编辑", "责任编辑", "本版责编", "责编", "美编", "图片编辑", "校对"]
        .map { $0.unicodeScalars.map(\.value) }
    private static let editedBy: [UInt32] = "Edited by ".unicodeScalars.map(\.value)

    private static func isHan(_ u: UInt32) -> Bool { ScriptClass.of(u) == .ideograph }
    private static func isCapital(_ u: UInt32) -> Bool { u >= 0x41 && u <= 0x5A }
    private static func isDigit(_ u: UInt32) -> Bool { u >= 0x30 && u <= 0x39 }

    /// `2024年4月8日星期一` (spaces around the digits are gone after normalisation).
    private static func isDateLine(_ u: [UInt32]) -> Bool {
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
    private static func isPageNumber(_ p: ArraySlice<UInt32>) -> Bool {
        let u = Array(p)
        let di = "第".unicodeScalars.first!.value
        let ban = "版".unicodeScalars.first!.value
        if u.count >= 3 && u.first == di && u.last == ban && u.dropFirst().dropLast().allSatisfy(isDigit) {
            return true
        }
        for word in ["Page ", "PAGE "] {
            let w = word.unicodeScalars.map(\.value)
            if u.starts(with: w) && u.count > w.count && u.count <= w.count + 3
                && u.dropFirst(w.count).allSatisfy(isDigit)
            {
                return true
            }
        }
        return false
    }

    /// Two to four words of capital letters, nothing else.
    private static func isCapitalHeading(_ u: [UInt32]) -> Bool {
        guard u.allSatisfy({ isCapital($0) || $0 == 0x20 }) else { return false }
        let words = u.split(separator: 0x20)
        return words.count >= 2 && words.count <= 4 && words.allSatisfy { $0.count >= 2 }
    }
}
