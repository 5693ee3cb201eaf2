import DoppelIO

/// Turns a `SourceText` into the `NormalizedText` that every later stage compares, removing the
/// differences that layout makes and keeping, for every unit, the original range it came from.
///
/// In order, for each code point:
/// 1. invisible characters (zero-width spaces, soft hyphens, BOM, variation selectors, controls)
///    are dropped;
/// 2. Unicode compatibility folding (NFKC) turns full-width letters, digits and punctuation into
///    their ordinary forms, and quotes, dashes, ellipses and middle dots take one canonical form
///    (`“”「」` → `"`, `——`/`―` → `—`, `……`/`...` → `…`); a run of dashes or ellipses becomes one;
///    a base character and its combining marks fold together, at most 30 marks at a time (UAX #15
///    stream-safe text: a longer run is cut into pieces folded on their own);
/// 3. white space is layout: a run of spaces and line breaks inside a paragraph is dropped when
///    an ideograph or CJK punctuation stands on either side (`2023 年末`, `阅 读 提 示`), and
///    becomes one space between two words otherwise; in text written mostly in ideographs it
///    survives only between two word characters (`Swift 6`, not `" 2024`); a word split by a line-end hyphen
///    (`exam-` / `ple`, next line lower case) is joined, and so is a drop cap to its word (`T` /
///    `he`, a paragraph's one capital before a line that begins in lower case: `The`);
/// 4. paragraph boundaries come from `LineLayout` and are kept as `paragraphStarts`, never as
///    units;
/// 5. page furniture (`PageFurniture`: section labels, editor credits, running dates) is set
///    aside unless `keepFurniture`: a paragraph that is furniture is dropped as it ends, its
///    units and map with it, and counted in the ledger.
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
    /// - Complexity: O(n) in the number of code points; one pass to read the lines, one to fold
    ///   (again, with the room it counted, for the rare text that folds into more units than it
    ///   has code points plus 64). A run of combining marks is folded at most 30 marks at a time
    ///   (UAX #15 stream-safe text), so it is linear too.
    public func normalize(_ source: SourceText) -> NormalizedText {
        normalize(source, keepingFurniture: [])
    }

    /// Normalises a decoded text, keeping as text the paragraphs of page furniture whose
    /// ordinals (among the paragraphs the furniture rule finds, in text order: with none kept,
    /// the indices of `NormalizedText.furnitureLines`) are in `kept`. The comparison keeps a
    /// kicker in capitals that the other version has as text (`PageFurniture.kickers`).
    ///
    /// - Complexity: as `normalize(_:)`, plus O(log k) for each furniture paragraph.
    public func normalize(_ source: SourceText, keepingFurniture kept: Set<Int>) -> NormalizedText {
        let layout: NormalizationOptions.Layout =
            source.format == .pdf && options.layout == .auto
            ? .print : options.layout
        return source.scalars.withUnsafeBufferPointer { normalize($0, layout: layout, keepingFurniture: kept) }
    }

    /// Normalises code points held elsewhere (a record of a JSON Lines file, a string).
    public func normalize(_ scalars: [Unicode.Scalar]) -> NormalizedText {
        scalars.withUnsafeBufferPointer { normalize($0, layout: options.layout) }
    }

    private func normalize(
        _ s: UnsafeBufferPointer<Unicode.Scalar>,
        layout: NormalizationOptions.Layout, keepingFurniture kept: Set<Int> = []
    ) -> NormalizedText {
        let lines = LineLayout.analyze(s, layout: layout)
        // Room for one unit per code point and a margin; a text whose folds expand beyond it
        // (NFKC turns `℃` into `°C`, a few code points into up to 18) is folded again with room
        // for what the first pass counted, and in the end for the worst case.
        let limit = Self.maximumExpansion * s.count + 64
        var capacity = s.count + 64
        while true {
            switch normalize(s, lines: lines, capacity: capacity, keepingFurniture: kept) {
            case .folded(let text):
                return text
            case .needs(let units):
                precondition(capacity < limit, "a code point folded into more than \(Self.maximumExpansion) units")
                capacity = min(max(units + 64, 2 * capacity), limit)
            }
        }
    }

    /// A folding into fixed room: the text, or how many units it wanted.
    private enum Attempt {
        case folded(NormalizedText)
        case needs(Int)
    }

    /// The most units NFKC and the canonical forms make of one code point (U+FDFA).
    static let maximumExpansion = 18

    /// The most combining marks folded together with their base as one cluster: the limit of
    /// Unicode's Stream-Safe Text Format (UAX #15, section 13) on consecutive non-starters. A
    /// longer run is cut into clusters of at most 30 marks (see `fold`).
    static let maximumClusterMarks = 30

    /// Folds into arrays of `capacity` units (and as much map), written in place and handed
    /// over without a copy, or says how many units the text wanted when it needs more room.
    private func normalize(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, lines: LineLayout,
        capacity: Int, keepingFurniture kept: Set<Int>
    ) -> Attempt {
        var paragraphStarts: [Int] = []
        var ledger = LayoutLedger()
        var hyphenJoins: [Int] = []
        var furnitureLines: [[UInt32]] = []
        var peak = 0
        let (origins, units) = OriginMap.build(capacity: options.keepMap ? capacity : 0) { writer in
            [UInt32](unsafeUninitializedCapacity: capacity) { unitsBuffer, unitsCount in
                HugePages.advise(unitsBuffer)
                var state = Emitter(
                    ideographic: lines.ideographic, units: OutputColumn(unitsBuffer),
                    origins: options.keepMap ? writer : nil, setsAsideFurniture: !options.keepFurniture)
                state.keptFurniture = kept
                fold(s, lines: lines, into: &state)
                state.finishParagraphs()
                unitsCount = state.units.count
                (paragraphStarts, ledger, hyphenJoins) = (state.paragraphStarts, state.ledger, state.hyphenJoins)
                furnitureLines = state.furnitureLines
                if let written = state.origins { writer = written }
                peak = state.units.peak
            }
        }
        if peak > capacity { return .needs(peak) }
        var text = NormalizedText(
            units: units, origins: origins, paragraphStarts: paragraphStarts, originCount: s.count,
            ledger: ledger)
        text.isPrintLayout = lines.isPrint
        text.hyphenJoins = hyphenJoins
        text.furnitureLines = furnitureLines
        return .folded(text)
    }

    /// The folding loop: every code point of `s` through `state`. Each step takes one of six
    /// paths, cheapest first: a run of Han ideographs copied whole (`plainHanRun`), a line break
    /// or a space added to the pending gap (`FoldCursor`), a character that is its own unit, a
    /// character whose one folded unit is cached (`CharacterFolding.cachedUnit`), or a
    /// character with its combining marks (`clusterEnd`) through `CharacterFolding`. Content
    /// first settles the start of its line (`startLine`) and the gap before it
    /// (`Emitter.settleGap`).
    ///
    /// - Complexity: O(n) for n code points (see `normalize(_:)`).
    private func fold(_ s: UnsafeBufferPointer<Unicode.Scalar>, lines: LineLayout, into state: inout Emitter) {
        let classes = ScriptClass.table
        let hanIsIdentity = !options.foldVariants
        let asciiIsIdentity = !options.ignoreCase && !options.ignorePunctuation
        state.ledger.paragraphsRecovered = lines.recovered
        var folded: [UInt32] = []
        folded.reserveCapacity(4)
        var cursor = FoldCursor()
        let n = s.count
        while cursor.i < n {
            let i = cursor.i
            let u = s[i].value
            // Fastest path: a run of Han ideographs in the middle of a line, nothing pending.
            if u >= 0x4E00 && u <= 0x9FFF && cursor.inContent && !cursor.gap.isPending && hanIsIdentity,
                let run = Self.plainHanRun(s, from: i, classes: classes)
            {
                state.appendPlainRun(s, run)
                cursor.i = run.upperBound
                continue
            }
            if LineLayout.isLineBreak(u) {
                cursor.takeLineBreak(crlf: u == 0x0D && i + 1 < n && s[i + 1].value == 0x0A)
                continue
            }
            if u < 0x80 ? (u == 0x20 || u == 0x09) : classes.of(u) == .space {
                cursor.takeSpace()
                if u != 0x20 { state.ledger.spacesCollapsed += 1 }
                continue
            }
            if !cursor.inContent { Self.startLine(&cursor, lines: lines, into: &state) }
            let end = i + 1
            let next = end < n ? s[end].value : 0
            // Fast path: a Han ideograph or printable ASCII character that no option changes and
            // no combining mark follows is its own unit.
            if (u >= 0x4E00 && u <= 0x9FFF ? hanIsIdentity : u > 0x20 && u < 0x7F && asciiIsIdentity)
                && !classes.isCombiningMark(next)
            {
                if cursor.gap.isPending {
                    state.settleGap(cursor.gap.range, before: u, hadBreak: cursor.gap.hasBreak)
                    cursor.gap.clear()
                }
                state.append(u, origin: i..<end)
                cursor.i = end
                continue
            }
            // Cached path: a character without combining marks whose one folded unit is known,
            // as the slow path below takes it.
            if !classes.isCombiningMark(next), let (unit, change) = folding.cachedUnit(u) {
                if i != cursor.cutAt { state.count(change) }
                if cursor.gap.isPending {
                    state.settleGap(cursor.gap.range, before: unit, hadBreak: cursor.gap.hasBreak)
                }
                cursor.gap.clear()
                state.append(unit, origin: i..<end)
                cursor.i = end
                continue
            }
            // Slow path: the character, with the combining marks after it (`clusterEnd`), through
            // `CharacterFolding`, its units after the pending gap.
            folded.removeAll(keepingCapacity: true)
            let change: FoldChange
            let continuesCluster = i == cursor.cutAt
            var clusterEnd = end
            if classes.isCombiningMark(next) {
                let cluster = Self.clusterEnd(s, from: i, classes: classes)
                clusterEnd = cluster.end
                if cluster.isCut { cursor.cutAt = clusterEnd }
                change = folding.foldCluster(s[i..<clusterEnd], into: &folded)
            } else {
                change = folding.fold(u, into: &folded)
            }
            if !continuesCluster { state.count(change) }
            if !folded.isEmpty {
                if cursor.gap.isPending {
                    state.settleGap(cursor.gap.range, before: folded[0], hadBreak: cursor.gap.hasBreak)
                }
                cursor.gap.clear()
                for unit in folded { state.append(unit, origin: i..<clusterEnd) }
            } else if cursor.gap.isPending {
                cursor.gap.end = clusterEnd  // an invisible character inside white space belongs to the gap
            } else {
                state.passOver(i..<clusterEnd)
            }
            cursor.i = clusterEnd
        }
    }

    /// The run of Han ideographs (U+4E00-9FFF) that starts at `start`, without its last one when
    /// a combining mark follows it (that one takes the cluster path with its mark); nil when that
    /// leaves nothing.
    ///
    /// - Precondition: `s[start]` is a Han ideograph.
    /// - Complexity: O(run).
    @inline(__always)
    private static func plainHanRun(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int,
        classes: ScriptTable
    ) -> Range<Int>? {
        let n = s.count
        var end = start + 1
        while end < n, s[end].value >= 0x4E00, s[end].value <= 0x9FFF { end += 1 }
        if end < n && classes.isCombiningMark(s[end].value) { end -= 1 }
        return end > start ? start..<end : nil
    }

    /// The first content of a line: decides the line break before it, which ends a paragraph
    /// (dropping the pending gap) or joins two lines of one (the gap stays pending).
    @inline(__always)
    private static func startLine(_ cursor: inout FoldCursor, lines: LineLayout, into state: inout Emitter) {
        cursor.inContent = true
        if cursor.lineOrdinal > 0 {
            if lines.paragraphBefore[cursor.lineOrdinal - 1] {
                state.breakParagraph()
                // Only the start: `hasBreak` stays until a unit settles or clears the gap.
                cursor.gap.start = -1
            } else {
                state.ledger.lineBreaksJoined += 1
                if !lines.dropCapJoins.isEmpty && lines.dropCapJoins.contains(cursor.lineOrdinal) {
                    state.joinsDropCap = true
                }
            }
        }
        cursor.lineOrdinal += 1
    }

    /// Where the cluster that starts at `start` ends: a base and the combining marks after it
    /// fold as one cluster (NFKC composes them), every unit mapped to the whole cluster; but, as in
    /// Unicode's Stream-Safe Text Format (UAX #15, section 13: never more than 30 consecutive
    /// non-starters), never more than `maximumClusterMarks` (30) marks. NFKC puts a cluster's
    /// marks in canonical order with an insertion sort, quadratic in their number (`a` and
    /// 100,000 marks of two alternating classes took 26 s in a release build), so a longer run is
    /// cut after every 30th mark (`isCut`: marks follow the end), the first piece keeping the base
    /// (a mark with no base counts as one of the 30). Each piece folds on its own, its units
    /// mapped to it alone, at a bounded cost: a run costs time linear in its length. Marks are not
    /// reordered or composed across a cut, and a cut cluster counts once in the ledger, as its
    /// first piece (`FoldCursor.cutAt`). Clusters of at most 30 marks, which is all real text has,
    /// fold as before.
    ///
    /// - Complexity: O(marks), at most `maximumClusterMarks`.
    @inline(__always)
    private static func clusterEnd(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int,
        classes: ScriptTable
    ) -> (end: Int, isCut: Bool) {
        let n = s.count
        let limit = min(n, start + (classes.isCombiningMark(s[start].value) ? 0 : 1) + maximumClusterMarks)
        var end = start + 1
        while end < limit && classes.isCombiningMark(s[end].value) { end += 1 }
        return (end, end == limit && end < n && classes.isCombiningMark(s[end].value))
    }
}

/// Where the folding loop stands: the next code point, the line it is on, the white space not
/// yet decided, and the cut of an over-long cluster.
private struct FoldCursor {
    /// The next code point to fold.
    var i = 0
    /// Non-blank lines started so far.
    var lineOrdinal = 0
    /// Whether the current line has had content.
    var inContent = false
    /// White space since the last unit, decided when the next unit comes (`Emitter.settleGap`).
    var gap = PendingGap()
    /// Where the last over-long cluster was cut: the marks from there on are its next piece, not
    /// counted again in the ledger (-1: none).
    var cutAt = -1

    /// Adds the line break at `i` (two code points when `crlf`) to the gap.
    @inline(__always)
    mutating func takeLineBreak(crlf: Bool) {
        if !gap.isPending { gap.start = i }
        gap.hasBreak = gap.hasBreak || inContent || lineOrdinal > 0
        inContent = false
        i += crlf ? 2 : 1
        gap.end = i
    }

    /// Adds the space at `i` to the gap.
    @inline(__always)
    mutating func takeSpace() {
        if !gap.isPending { gap.start = i }
        i += 1
        gap.end = i
    }
}

/// A run of white space (spaces, line breaks, and the invisible characters among them) between
/// two units, not yet decided.
///
/// Invariant: while pending, `start ..< end` is the run in the original code points. `hasBreak`
/// may outlive the run it was set in: a paragraph break drops the start only, and a unit of the
/// fast paths with no gap pending leaves the flag as it is, so it goes with the next gap unless
/// a unit folded through `CharacterFolding` clears it first (`clear()`).
private struct PendingGap {
    /// The first code point of the run, or -1 when none is pending.
    var start = -1
    /// One past the run's last code point.
    var end = 0
    /// Whether a line break after content (or after the first line) is in the run.
    var hasBreak = false

    var isPending: Bool {
        @inline(__always) get { start >= 0 }
    }

    var range: Range<Int> {
        @inline(__always) get { start..<end }
    }

    /// Nothing pending, and no line break.
    @inline(__always)
    mutating func clear() {
        start = -1
        hasBreak = false
    }
}

/// The output side of the normaliser: appends units with their origins, decides the pending
/// white space, merges runs of dashes and ellipses, joins hyphenated words, and sets page
/// furniture aside.
private struct Emitter {
    var units: OutputColumn<UInt32>
    /// The map back to the original; nil when not kept (`keepMap == false`).
    var origins: OriginMap.Writer?
    var paragraphStarts: [Int] = []
    var ledger = LayoutLedger()
    /// Where a line-end hyphen was dropped: the index of the next unit.
    var hyphenJoins: [Int] = []
    let ideographic: Bool
    /// Whether a paragraph that is page furniture is dropped when it ends (`keepFurniture` off).
    let setsAsideFurniture: Bool
    /// Ordinals of furniture paragraphs kept as text all the same (`normalize(_:keepingFurniture:)`).
    var keptFurniture: Set<Int> = []
    /// Furniture paragraphs found so far, kept or not.
    private var furnitureFound = 0
    /// The units of each paragraph set aside as furniture.
    var furnitureLines: [[UInt32]] = []
    /// Whether the pending line break joins a drop cap to the rest of its word
    /// (`LineLayout.dropCapJoins`): no space is set there.
    var joinsDropCap = false
    /// Where the last unit ended in the original when a following dash or dot may merge with
    /// it (right after it, or after a white-space gap that was dropped); -1 when none may.
    private var lastEnd = -1
    /// How many units at the end are dots, each right after the one before in the original
    /// (0, 1 or 2): a third makes them an ellipsis. Kept apart from the map, so that the units
    /// are the same with and without it.
    private var adjacentDots = 0

    init(ideographic: Bool, units: OutputColumn<UInt32>, origins: OriginMap.Writer?, setsAsideFurniture: Bool) {
        self.ideographic = ideographic
        self.units = units
        self.origins = origins
        self.setsAsideFurniture = setsAsideFurniture
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
        setAsideFurniture()
        if let last = paragraphStarts.last, last == units.count { return }
        if !units.isEmpty { paragraphStarts.append(units.count) }
        lastEnd = -1
    }

    /// Decides a run of white space (and line breaks) between the last unit and `next`.
    mutating func settleGap(_ gap: Range<Int>, before next: UInt32, hadBreak: Bool) {
        lastEnd = -1
        guard let previous = units.last, paragraphStarts.last != units.count else { return }
        if hadBreak, previous == 0x2D, units.count >= 2,
            ScriptClass.of(units[units.count - 2]) == .letter, Self.isLowercase(next)
        {
            removeLast()
            ledger.hyphenationsJoined += 1
            hyphenJoins.append(units.count)
            return
        }
        // A drop cap (`T` / `he council`, a paragraph's first letter on a line of its own, which
        // `LineLayout` joins to the line after it): the word is whole again, `The council`.
        if joinsDropCap {
            joinsDropCap = false
            ledger.spacesRemoved += 1
            return
        }
        if ideographic ? Self.bothWordCharacters(previous, next) : Self.spaced(previous, next) {
            append(0x20, origin: gap)
            lastEnd = -1
        } else {
            ledger.spacesRemoved += 1
            // A dash or an ellipsis split by a line end or a space (`—` / `—` in print) is still
            // one run: the next one may merge across the dropped gap.
            if (previous == 0x2014 && next == 0x2014) || (previous == 0x2026 && (next == 0x2026 || next == 0x2E)) {
                lastEnd = gap.upperBound
            }
        }
    }

    /// Appends code points that are their own units and cannot merge with their neighbours (Han
    /// ideographs), each from itself, in the middle of a line.
    @inline(__always)
    mutating func appendPlainRun(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ run: Range<Int>) {
        if paragraphStarts.isEmpty { paragraphStarts.append(0) }  // text began with invisibles
        units.append(contentsOf: s, run)
        origins?.appendPositions(run)
        adjacentDots = 0
        lastEnd = run.upperBound
    }

    @inline(__always)
    mutating func append(_ unit: UInt32, origin: Range<Int>) {
        if paragraphStarts.isEmpty { paragraphStarts.append(0) }
        if unit == 0x2014 || unit == 0x2026 || unit == 0x2E, origin.lowerBound == lastEnd, let previous = units.last {
            // A run of dashes or ellipsis dots becomes one unit spanning the run.
            if (unit == 0x2014 && previous == 0x2014) || (unit == 0x2026 && previous == 0x2026)
                || (unit == 0x2E && previous == 0x2026)
            {
                extendLast(to: origin.upperBound)
                ledger.dashesUnified += 1
                return
            }
            if unit == 0x2E && previous == 0x2E && adjacentDots == 2 {
                removeLast()
                units[units.count - 1] = 0x2026
                extendLast(to: origin.upperBound)
                ledger.dashesUnified += 1
                return
            }
        }
        adjacentDots = unit != 0x2E ? 0 : origin.lowerBound == lastEnd ? adjacentDots + 1 : 1
        units.append(unit)
        origins?.append(origin.lowerBound, origin.upperBound)
        lastEnd = origin.upperBound
    }

    /// Steps over code points that gave no unit (invisible characters): a dash or dot after
    /// them still merges with one before them.
    mutating func passOver(_ origin: Range<Int>) {
        if lastEnd == origin.lowerBound { lastEnd = origin.upperBound }
    }

    private mutating func extendLast(to end: Int) {
        origins?.extendLast(to: end)
        lastEnd = end
    }

    private mutating func removeLast() {
        adjacentDots = 0
        units.removeLast()
        origins?.removeLast()
    }

    /// Sets the last paragraph aside, and drops a paragraph start that no unit follows.
    mutating func finishParagraphs() {
        setAsideFurniture()
        if let last = paragraphStarts.last, last == units.count, last > 0 {
            paragraphStarts.removeLast()
        }
        if units.isEmpty { paragraphStarts.removeAll() }
    }

    /// Drops the paragraph that just ended when it is page furniture (`PageFurniture.isFurniture`)
    /// and not kept (`keptFurniture`): its units, their map and the hyphen joins inside it,
    /// counted in the ledger as `furniture`, its units listed in `furnitureLines`.
    /// Nothing after a paragraph's end depends on its units (the next unit starts a paragraph:
    /// no gap is settled against them, no dash merges with them), so the text is the one the
    /// fold gives with the paragraph left out, its start the next paragraph's.
    ///
    /// - Complexity: O(`PageFurniture.maximumLength`).
    private mutating func setAsideFurniture() {
        guard setsAsideFurniture, let start = paragraphStarts.last, units.count - start >= 2,
            units.count - start <= PageFurniture.maximumLength,
            PageFurniture.isFurniture(units.elements(start..<units.count))
        else { return }
        furnitureFound += 1
        if !keptFurniture.isEmpty && keptFurniture.contains(furnitureFound - 1) { return }
        furnitureLines.append(Array(units.elements(start..<units.count)))
        units.removeAll(from: start)
        origins?.removeAll(from: start)
        while let last = hyphenJoins.last, last >= start { hyphenJoins.removeLast() }
        ledger.furniture += 1
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
