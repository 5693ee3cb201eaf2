/// Turns a `SourceText` into the `NormalizedText` that every later stage compares, removing the
/// differences that layout makes and keeping, for every unit, the original range it came from.
///
/// In order, for each code point:
/// 1. invisible characters (zero-width spaces, soft hyphens, BOM, variation selectors, controls)
///    are dropped;
/// 2. Unicode compatibility folding (NFKC) turns full-width letters, digits and punctuation into
///    their ordinary forms, and quotes, dashes, ellipses and middle dots take one canonical form
///    (`“”「」` → `"`, `——`/`―` → `—`, `……`/`...` → `…`); a run of dashes or ellipses becomes one;
/// 3. white space is layout: a run of spaces and line breaks inside a paragraph is dropped when
///    an ideograph or CJK punctuation stands on either side (`2023 年末`, `阅 读 提 示`), and
///    becomes one space between two words otherwise; in text written mostly in ideographs it
///    survives only between two word characters (`Swift 6`, not `" 2024`); a word split by a line-end hyphen
///    (`exam-` / `ple`, next line lower case) is joined;
/// 4. paragraph boundaries come from `LineLayout` and are kept as `paragraphStarts`, never as
///    units.
///
/// Normalising normalised text (one paragraph per line) changes nothing.
///
/// A `Normalizer` caches folding tables as it meets new characters; it is cheap to create but
/// must not be shared between threads.
public struct Normalizer {
    public let options: NormalizationOptions
    private let folding: CharacterFolding

    public init(options: NormalizationOptions = NormalizationOptions()) {
        self.options = options
        self.folding = CharacterFolding(options: options)
    }

    /// Normalises a decoded text.
    ///
    /// - Complexity: O(n) in the number of code points; one pass to read the lines, one to fold.
    public func normalize(_ source: SourceText) -> NormalizedText {
        let layout: NormalizationOptions.Layout = source.format == .pdf && options.layout == .auto
            ? .print : options.layout
        return source.scalars.withUnsafeBufferPointer { normalize($0, layout: layout) }
    }

    /// Normalises code points held elsewhere (a record of a JSON Lines file, a string).
    public func normalize(_ scalars: [Unicode.Scalar]) -> NormalizedText {
        scalars.withUnsafeBufferPointer { normalize($0, layout: options.layout) }
    }

    private func normalize(_ s: UnsafeBufferPointer<Unicode.Scalar>,
                           layout: NormalizationOptions.Layout) -> NormalizedText {
        let lines = LineLayout.analyze(s, layout: layout)
        let classes = ScriptClass.table
        let hanIsIdentity = !options.foldVariants
        let asciiIsIdentity = !options.ignoreCase && !options.ignorePunctuation
        var state = Emitter(keepMap: options.keepMap, capacity: s.count, ideographic: lines.ideographic)
        state.ledger.paragraphsRecovered = lines.recovered
        var folded: [UInt32] = []
        folded.reserveCapacity(4)

        var lineOrdinal = 0          // non-blank lines started so far
        var inContent = false        // seen content on the current line
        var gapStart = -1            // first white-space code point of the pending gap
        var gapEnd = 0
        var gapHasBreak = false
        var i = 0
        let n = s.count
        while i < n {
            let u = s[i].value
            // Fastest path: a Han ideograph in the middle of a line, nothing pending.
            if u >= 0x4E00 && u <= 0x9FFF && inContent && gapStart < 0 && hanIsIdentity
                && !classes.isCombiningMark(i + 1 < n ? s[i + 1].value : 0) {
                state.appendPlain(u, origin: i)
                i += 1
                continue
            }
            if LineLayout.isLineBreak(u) {
                if gapStart < 0 { gapStart = i }
                gapHasBreak = gapHasBreak || inContent || lineOrdinal > 0
                inContent = false
                if u == 0x0D, i + 1 < n, s[i + 1].value == 0x0A { i += 1 }
                i += 1
                gapEnd = i
                continue
            }
            if u < 0x80 ? (u == 0x20 || u == 0x09) : classes.of(u) == .space {
                if gapStart < 0 { gapStart = i }
                i += 1
                gapEnd = i
                if u != 0x20 { state.ledger.spacesCollapsed += 1 }
                continue
            }
            // Content: first settle the gap before it.
            if !inContent {
                inContent = true
                if lineOrdinal > 0 {
                    let paragraph = lines.paragraphBefore[lineOrdinal - 1]
                    if paragraph {
                        state.breakParagraph()
                        gapStart = -1
                    } else {
                        state.ledger.lineBreaksJoined += 1
                    }
                }
                lineOrdinal += 1
            }
            var end = i + 1
            let next = end < n ? s[end].value : 0
            // Fast path: a Han ideograph or printable ASCII character that no option changes and
            // no combining mark follows is its own unit.
            if (u >= 0x4E00 && u <= 0x9FFF ? hanIsIdentity : u > 0x20 && u < 0x7F && asciiIsIdentity)
                && !classes.isCombiningMark(next) {
                if gapStart >= 0 {
                    state.settleGap(gapStart..<gapEnd, before: u, hadBreak: gapHasBreak)
                    gapStart = -1
                    gapHasBreak = false
                }
                state.append(u, origin: i..<end)
                i = end
                continue
            }
            folded.removeAll(keepingCapacity: true)
            let change: FoldChange
            if classes.isCombiningMark(next) {
                while end < n && classes.isCombiningMark(s[end].value) { end += 1 }
                change = folding.foldCluster(s[i..<end], into: &folded)
            } else {
                change = folding.fold(u, into: &folded)
            }
            state.count(change)
            if !folded.isEmpty {
                if gapStart >= 0 {
                    state.settleGap(gapStart..<gapEnd, before: folded[0], hadBreak: gapHasBreak)
                }
                gapStart = -1
                gapHasBreak = false
                for unit in folded { state.append(unit, origin: i..<end) }
            }
            i = end
        }
        var text = state.finish(originCount: n)
        text.isPrintLayout = lines.isPrint
        return text
    }
}

/// The output side of the normaliser: appends units with their origins, decides the pending
/// white space, merges runs of dashes and ellipses, and joins hyphenated words.
private struct Emitter {
    var units: OutputColumn<UInt32>
    var starts: OutputColumn<Int32>
    var ends: OutputColumn<Int32>
    var paragraphStarts: [Int] = []
    var ledger = LayoutLedger()
    let keepMap: Bool
    let ideographic: Bool
    /// True when the last unit was appended right after the previous one in the original,
    /// so a following dash or dot may merge with it.
    private var lastEnd = -1

    init(keepMap: Bool, capacity: Int, ideographic: Bool) {
        self.keepMap = keepMap
        self.ideographic = ideographic
        units = OutputColumn(capacity: capacity)
        starts = OutputColumn(capacity: keepMap ? capacity : 0)
        ends = OutputColumn(capacity: keepMap ? capacity : 0)
    }

    mutating func count(_ change: FoldChange) {
        switch change {
        case .none: break
        case .fullWidth: ledger.fullWidthFolded += 1
        case .compatibility: ledger.compatibilityFolded += 1
        case .quote: ledger.quotesUnified += 1
        case .dash: ledger.dashesUnified += 1
        case .invisible: ledger.invisiblesRemoved += 1
        case .caseFold: ledger.caseFolded += 1
        case .variant: ledger.variantsFolded += 1
        case .punctuationDropped: ledger.punctuationDropped += 1
        }
    }

    mutating func breakParagraph() {
        if let last = paragraphStarts.last, last == units.count { return }
        if !units.isEmpty { paragraphStarts.append(units.count) }
        lastEnd = -1
    }

    /// Decides a run of white space (and line breaks) between the last unit and `next`.
    mutating func settleGap(_ gap: Range<Int>, before next: UInt32, hadBreak: Bool) {
        lastEnd = -1
        guard let previous = units.last, paragraphStarts.last != units.count else { return }
        if hadBreak, previous == 0x2D, units.count >= 2,
           ScriptClass.of(units[units.count - 2]) == .letter, Self.isLowercase(next) {
            removeLast()
            ledger.hyphenationsJoined += 1
            return
        }
        if ideographic ? Self.bothWordCharacters(previous, next) : Self.spaced(previous, next) {
            append(0x20, origin: gap)
            lastEnd = -1
        } else {
            ledger.spacesRemoved += 1
        }
    }

    /// Appends a unit that cannot merge with its neighbours (not a dash, dot or ellipsis), from
    /// the single code point at `origin`, in the middle of a line.
    @inline(__always)
    mutating func appendPlain(_ unit: UInt32, origin: Int) {
        if paragraphStarts.isEmpty { paragraphStarts.append(0) }  // text began with invisibles
        units.append(unit)
        if keepMap {
            starts.append(Int32(truncatingIfNeeded: origin))
            ends.append(Int32(truncatingIfNeeded: origin + 1))
        }
        lastEnd = origin + 1
    }

    @inline(__always)
    mutating func append(_ unit: UInt32, origin: Range<Int>) {
        if paragraphStarts.isEmpty { paragraphStarts.append(0) }
        if unit == 0x2014 || unit == 0x2026 || unit == 0x2E, origin.lowerBound == lastEnd, let previous = units.last {
            // A run of dashes or ellipsis dots becomes one unit spanning the run.
            if (unit == 0x2014 && previous == 0x2014) || (unit == 0x2026 && previous == 0x2026)
                || (unit == 0x2E && previous == 0x2026) {
                extendLast(to: origin.upperBound)
                ledger.dashesUnified += 1
                return
            }
            if unit == 0x2E && previous == 0x2E && units.count >= 2 && units[units.count - 2] == 0x2E
                && (!keepMap || Int(ends[ends.count - 2]) == Int(starts[starts.count - 1])) {
                removeLast()
                units[units.count - 1] = 0x2026
                extendLast(to: origin.upperBound)
                ledger.dashesUnified += 1
                return
            }
        }
        units.append(unit)
        if keepMap {
            starts.append(Int32(truncatingIfNeeded: origin.lowerBound))
            ends.append(Int32(truncatingIfNeeded: origin.upperBound))
        }
        lastEnd = origin.upperBound
    }

    private mutating func extendLast(to end: Int) {
        if keepMap { ends[ends.count - 1] = Int32(truncatingIfNeeded: end) }
        lastEnd = end
    }

    private mutating func removeLast() {
        units.removeLast()
        if keepMap {
            starts.removeLast()
            ends.removeLast()
        }
    }

    mutating func finish(originCount: Int) -> NormalizedText {
        if let last = paragraphStarts.last, last == units.count, last > 0 {
            paragraphStarts.removeLast()
        }
        return NormalizedText(units: units.finish(), originStarts: starts.finish(), originEnds: ends.finish(),
                              paragraphStarts: paragraphStarts, originCount: originCount,
                              ledger: ledger)
    }

    /// A space survives only between two units of spaced scripts: not next to an ideograph or
    /// CJK punctuation, except between two hangul syllables.
    private static func spaced(_ a: UInt32, _ b: UInt32) -> Bool {
        let ca = ScriptClass.of(a)
        let cb = ScriptClass.of(b)
        if ca == .ideograph || cb == .ideograph { return isHangul(a) && isHangul(b) }
        return !isWide(a) && !isWide(b)
    }

    private static func bothWordCharacters(_ a: UInt32, _ b: UInt32) -> Bool {
        ScriptClass.of(a).isWordPart && ScriptClass.of(b).isWordPart || isHangul(a) && isHangul(b)
    }

    private static func isWide(_ u: UInt32) -> Bool {
        (0x3000...0x303F).contains(u) || (0xFF00...0xFFEF).contains(u)
    }

    private static func isHangul(_ u: UInt32) -> Bool {
        (0xAC00...0xD7A3).contains(u) || (0x1100...0x11FF).contains(u) || (0x3131...0x318E).contains(u)
    }

    private static func isLowercase(_ u: UInt32) -> Bool {
        if u >= 0x61 && u <= 0x7A { return true }
        guard u >= 0x80, let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.isLowercase
    }
}

/// An append-only column of the normaliser's output in memory it owns, turned into an array
/// once at the end: the hot loop appends without the uniqueness check of `Array.append`.
/// Used by value inside one call; `finish()` must be called exactly once.
private struct OutputColumn<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        base[count] = element
        count += 1
    }

    mutating func removeLast() { count -= 1 }

    /// The elements as an array; releases the memory.
    mutating func finish() -> [Element] {
        let array = Array(UnsafeBufferPointer(start: base, count: count))
        base.deallocate()
        count = 0
        capacity = 0
        return array
    }
}
