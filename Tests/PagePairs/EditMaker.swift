import Doppel

/// The edits the generator makes in B: at most one per block, each recorded in the block's
/// coordinates on both sides.
enum EditMaker {
    static let hanPool = Array(
        "的是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
            .unicodeScalars)
    static let words = ["短", "全面", "积极", "进一步", "切实", "持续", "基层"].map { Array($0.unicodeScalars) }
    static let clauses = [",群众满意度明显提升", ",受到广泛好评", ",取得了良好效果", ",为下一步工作打下基础"].map { Array($0.unicodeScalars) }
    static let englishWords = ["council", "officials", "residents", "committee", "project", "plan", "board", "company"]
    static let englishInserts = ["also ", "nearly ", "now ", "still "]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let englishParagraphs = [
        "The proposal will be discussed again at the next meeting of the full council in the autumn, when members are expected to vote on the final budget.",
        "A spokesman said the figures would be reviewed every quarter. Further details are expected to be published on the council's website next month.",
        "Local businesses welcomed the decision, saying it would bring more visitors to the area during the winter months.",
    ]
    static let englishClauses = [", officials said", ", according to the report", ", the statement added"]

    /// Edits in one article (1-3 blocks), its blocks changed in place; an English paragraph added
    /// is one of `addedEnglish`, a Chinese one two of `sentences`. `widened` adds the
    /// classes `number`, `multi` and `bodyedge`; with a `label`, one character or word edit is
    /// made and scored as that class (a brief's).
    static func edit(
        _ piece: inout Piece, _ article: Int, english: Bool, sentences: [String],
        addedEnglish: [String], widened: Bool = false, label: ScoreClass? = nil,
        rng: inout SplitMix64
    ) -> [PendingEdit] {
        var result: [PendingEdit] = []
        var used = Set<Int>()
        for _ in 0..<(label == nil ? Int.random(in: 1...3, using: &rng) : 1) {
            let roll = Int.random(in: 0..<(label != nil ? 9 : widened ? 32 : 20), using: &rng)
            let editClass: ScoreClass =
                roll < 5
                ? .char
                : roll < 9
                    ? .word
                    : roll < 11
                        ? .reorder
                        : roll < 16
                            ? .edge
                            : roll < 18
                                ? .headline
                                : roll < 20 ? .paragraph : roll < 24 ? .number : roll < 28 ? .multi : .bodyedge
            if editClass == .multi || editClass == .bodyedge {
                if let edits = widenedEdit(editClass, &piece, article, english: english, used: &used, rng: &rng) {
                    result += edits
                }
                continue
            }
            if editClass == .paragraph {
                if let e = paragraph(
                    &piece, article, sentences: sentences, addedEnglish: addedEnglish, english: english, rng: &rng)
                {
                    // A paragraph added moves the blocks after it down by one.
                    if e.a.isEmpty { for k in result.indices where result[k].block >= e.block { result[k].block += 1 } }
                    result.append(e)
                }
                return result
            }
            let candidates = piece.blocks.indices.filter {
                !used.contains($0) && piece.blocks[$0].a != nil && piece.blocks[$0].b != nil
                    && (editClass == .headline
                        ? piece.blocks[$0].role == .headline || piece.blocks[$0].role == .kicker
                        : piece.blocks[$0].role == .body)
                    && (editClass != .number
                        || piece.blocks[$0].b!.contains { $0.isASCII && $0.properties.numericType != nil })
            }
            guard let block = candidates.randomElement(using: &rng) else { continue }
            var units = piece.blocks[block].b!
            let change = english ? englishEdit(editClass, &units, rng: &rng) : chineseEdit(editClass, &units, rng: &rng)
            guard let (a, b) = change else { continue }
            used.insert(block)
            piece.blocks[block].b = units
            result.append(PendingEdit(editClass: label ?? editClass, article: article, block: block, a: a, b: b))
        }
        return result
    }

    /// A paragraph added in B after a body paragraph (the last one included), or a body paragraph
    /// (not the first) left out of B.
    private static func paragraph(
        _ piece: inout Piece, _ article: Int, sentences: [String], addedEnglish: [String], english: Bool,
        rng: inout SplitMix64
    ) -> PendingEdit? {
        let body = piece.blocks.indices.filter {
            piece.blocks[$0].role == .body && piece.blocks[$0].a != nil && piece.blocks[$0].b != nil
        }
        guard body.count >= 3 else { return nil }
        let slot = Int.random(in: 1...body.count, using: &rng)
        if Int.random(in: 0..<3, using: &rng) > 0 {
            // Not before a paragraph that opens a report of its own (`本报讯(记者…)`): a paragraph
            // there is between two reports, not inside one.
            if slot < body.count, String(String.UnicodeScalarView(piece.blocks[body[slot]].a!)).hasPrefix("本报") {
                return nil
            }
            // Before the slot's paragraph, or after the last one.
            let position = slot < body.count ? body[slot] : body[body.count - 1] + 1
            let new: String =
                english
                ? addedEnglish[Int.random(in: 0..<addedEnglish.count, using: &rng)]
                : (0..<2).map { _ in sentences[Int.random(in: 0..<sentences.count, using: &rng)] }.joined()
            let units = Array(new.unicodeScalars)
            piece.blocks.insert(Piece.Block(role: .body, a: nil, b: units), at: position)
            return PendingEdit(editClass: .paragraph, article: article, block: position, a: 0..<0, b: 0..<units.count)
        }
        let position = body[min(slot, body.count - 1)]
        let count = piece.blocks[position].a!.count
        piece.blocks[position].b = nil
        return PendingEdit(editClass: .paragraph, article: article, block: position, a: 0..<count, b: 0..<0)
    }

    private static func isHan(_ s: Unicode.Scalar) -> Bool { PageLayout.isHan(s) }

    private static func otherHan(_ s: Unicode.Scalar, rng: inout SplitMix64) -> Unicode.Scalar {
        while true {
            let c = hanPool[Int.random(in: 0..<hanPool.count, using: &rng)]
            if c != s { return c }
        }
    }

    /// A position `i` where `units[i..<i+n]` are all ideographs, preferring (half the time) the
    /// 19th-22nd ideograph of a 20-wide stretch: near a printed line break.
    private static func hanRun(_ units: [Unicode.Scalar], _ n: Int, margin: Int, rng: inout SplitMix64) -> Int? {
        let options = (margin..<max(margin, units.count - n - margin + 1)).filter { i in
            (i..<i + n).allSatisfy { isHan(units[$0]) }
        }
        guard !options.isEmpty else { return nil }
        if Int.random(in: 0..<2, using: &rng) == 0 {
            let nearBreak = options.filter { $0 % 20 >= 18 || $0 % 20 == 0 }
            if let i = nearBreak.randomElement(using: &rng) { return i }
        }
        return options.randomElement(using: &rng)
    }

    private static func chineseEdit(
        _ editClass: ScoreClass, _ u: inout [Unicode.Scalar],
        rng: inout SplitMix64
    ) -> (Range<Int>, Range<Int>)? {
        switch editClass {
        case .char:
            guard let i = hanRun(u, 1, margin: 2, rng: &rng) else { return nil }
            u[i] = otherHan(u[i], rng: &rng)
            return (i..<i + 1, i..<i + 1)
        case .word:
            guard let i = hanRun(u, 2, margin: 3, rng: &rng) else { return nil }
            if Int.random(in: 0..<2, using: &rng) == 0 {
                let word = words[Int.random(in: 0..<words.count, using: &rng)]
                u.insert(contentsOf: word, at: i + 1)
                return (i + 1..<i + 1, i + 1..<i + 1 + word.count)
            }
            u.removeSubrange(i..<i + 2)
            return (i..<i + 2, i..<i)
        case .reorder:
            guard let i = hanRun(u, 4, margin: 3, rng: &rng), u[i..<i + 2] != u[i + 2..<i + 4] else { return nil }
            u.replaceSubrange(i..<i + 4, with: Array(u[i + 2..<i + 4] + u[i..<i + 2]))
            return (i..<i + 4, i..<i + 4)
        case .edge:
            let n = u.count
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where u.last == "。":
                let clause = clauses[Int.random(in: 0..<clauses.count, using: &rng)]
                u.insert(contentsOf: clause, at: n - 1)
                return (n - 1..<n - 1, n - 1..<n - 1 + clause.count)
            case 1 where u.last == "。":
                guard let comma = u[..<(n - 1)].lastIndex(where: { $0 == "," }),
                    n - 1 - comma >= 4, n - 1 - comma <= 25,
                    !u[comma..<(n - 1)].contains(where: { $0 == "。" || $0 == "\"" || $0 == "“" || $0 == "”" })
                else { return nil }
                u.removeSubrange(comma..<(n - 1))
                return (comma..<n - 1, comma..<comma)
            case 2 where isHan(u[0]):
                u[0] = otherHan(u[0], rng: &rng)
                return (0..<1, 0..<1)
            case 3 where n >= 2 && u.last == "。" && isHan(u[n - 2]):
                u[n - 2] = otherHan(u[n - 2], rng: &rng)
                return (n - 2..<n - 1, n - 2..<n - 1)
            default:
                return nil
            }
        case .number:
            return numberEdit(&u, english: false, rng: &rng)
        case .headline:
            let han = u.indices.filter { isHan(u[$0]) }
            guard let i = han.randomElement(using: &rng) else { return nil }
            u[i] = otherHan(u[i], rng: &rng)
            return (i..<i + 1, i..<i + 1)
        default:
            return nil
        }
    }

    /// The words of an English paragraph as ranges of letters.
    private static func wordRanges(_ u: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < u.count {
            guard u[i].properties.isAlphabetic else {
                i += 1
                continue
            }
            var end = i
            while end < u.count && u[end].properties.isAlphabetic { end += 1 }
            result.append(i..<end)
            i = end
        }
        return result
    }

    private static func englishEdit(
        _ editClass: ScoreClass, _ u: inout [Unicode.Scalar],
        rng: inout SplitMix64
    ) -> (Range<Int>, Range<Int>)? {
        let words = wordRanges(u)
        let inner = words.filter {
            $0.count >= 4 && $0.lowerBound > 0 && u[$0.lowerBound - 1] == " "
                && $0.upperBound < u.count && u[$0.upperBound] == " "
        }
        switch editClass {
        case .char, .word, .reorder:
            guard let w = inner.randomElement(using: &rng) else { return nil }
            switch Int.random(in: 0..<4, using: &rng) {
            case 3:
                // Another form of the word, sharing most of its letters: another weekday, or
                // the plural added or taken away.
                let old = String(String.UnicodeScalarView(u[w]))
                var new = old.hasSuffix("s") ? String(old.dropLast()) : old + "s"
                if let day = weekdays.firstIndex(of: old) {
                    new = weekdays[(day + Int.random(in: 1..<weekdays.count, using: &rng)) % weekdays.count]
                }
                u.replaceSubrange(w, with: Array(new.unicodeScalars))
                return (w, w.lowerBound..<w.lowerBound + new.unicodeScalars.count)
            case 0:
                let new = Array(englishWords[Int.random(in: 0..<englishWords.count, using: &rng)].unicodeScalars)
                guard !u[w].elementsEqual(new) else { return nil }
                u.replaceSubrange(w, with: new)
                return (w, w.lowerBound..<w.lowerBound + new.count)
            case 1:
                let new = Array(englishInserts[Int.random(in: 0..<englishInserts.count, using: &rng)].unicodeScalars)
                u.insert(contentsOf: new, at: w.lowerBound)
                return (w.lowerBound..<w.lowerBound, w.lowerBound..<w.lowerBound + new.count - 1)
            default:
                u.removeSubrange(w.lowerBound..<w.upperBound + 1)
                return (w, w.lowerBound..<w.lowerBound)
            }
        case .edge:
            let n = u.count
            guard u.last == "." else { return nil }
            if Int.random(in: 0..<2, using: &rng) == 0 {
                let clause = Array(englishClauses[Int.random(in: 0..<englishClauses.count, using: &rng)].unicodeScalars)
                u.insert(contentsOf: clause, at: n - 1)
                return (n - 1..<n - 1, n - 1..<n - 1 + clause.count)
            }
            guard let comma = u[..<(n - 1)].lastIndex(of: ","), n - 1 - comma >= 8, n - 1 - comma <= 60,
                !u[comma..<(n - 1)].contains(where: { $0 == "." || $0 == "\"" })
            else { return nil }
            u.removeSubrange(comma..<(n - 1))
            return (comma..<n - 1, comma..<comma)
        case .number:
            return numberEdit(&u, english: true, rng: &rng)
        case .headline:
            guard let w = words.filter({ $0.count >= 4 }).randomElement(using: &rng) else { return nil }
            let word = englishWords[Int.random(in: 0..<englishWords.count, using: &rng)]
            let new = Array((u[w.lowerBound].properties.isLowercase ? word : word.capitalizedFirst).unicodeScalars)
            guard !u[w].elementsEqual(new) else { return nil }
            u.replaceSubrange(w, with: new)
            return (w, w.lowerBound..<w.lowerBound + new.count)
        default:
            return nil
        }
    }
}

extension EditMaker {
    /// A number of a paragraph written as another number: a Chinese count in `万` written out
    /// (`1.2万` → `12000`) or the other way (`15000` → `1.5万`), else (and in English) one digit
    /// changed (`4,500` → `4,800`). The whole number is the edit.
    fileprivate static func numberEdit(
        _ u: inout [Unicode.Scalar], english: Bool, rng: inout SplitMix64
    ) -> (Range<Int>, Range<Int>)? {
        func digit(_ s: Unicode.Scalar) -> Bool { s.isASCII && s.properties.numericType != nil }
        var numbers: [Range<Int>] = []
        var i = 0
        while i < u.count {
            guard digit(u[i]) else {
                i += 1
                continue
            }
            var end = i
            while end < u.count
                && (digit(u[end]) || (u[end] == "." || u[end] == ",") && end + 1 < u.count && digit(u[end + 1]))
            {
                end += 1
            }
            // Not a year, month or day of a date: those are written one way.
            let next = end < u.count ? u[end] : " "
            if !"年月日".unicodeScalars.contains(next) && (end - i >= 2 || next == "万") { numbers.append(i..<end) }
            i = end
        }
        guard let n = numbers.randomElement(using: &rng) else { return nil }
        let old = String(String.UnicodeScalarView(u[n]))
        let wan = !english && n.upperBound < u.count && u[n.upperBound] == "万"
        var new: String
        var range = n
        if wan, let value = Double(old) {
            new = String(Int((value * 10_000).rounded()))
            range = n.lowerBound..<n.upperBound + 1
        } else if !english, let value = Int(old), value >= 10_000, value % 1_000 == 0 {
            let tenThousands = Double(value) / 10_000
            new = (tenThousands == tenThousands.rounded() ? String(Int(tenThousands)) : String(tenThousands)) + "万"
        } else {
            var scalars = Array(old.unicodeScalars)
            let first = scalars.firstIndex { digit($0) && $0 != "0" } ?? 0
            let value = Int(scalars[first].value - 0x30)
            scalars[first] = Unicode.Scalar(UInt8(0x30 + (value % 9) + 1))
            new = String(String.UnicodeScalarView(scalars))
        }
        let units = Array(new.unicodeScalars)
        u.replaceSubrange(range, with: units)
        return (range, range.lowerBound..<range.lowerBound + units.count)
    }

    /// `multi`: two or three edits within one sentence (ideographs 4 apart; English words with
    /// one between them). `bodyedge`: the first character (word) of the article's first body
    /// paragraph or the last before the full stop of its last one, next to its headline as
    /// print places it.
    fileprivate static func widenedEdit(
        _ editClass: ScoreClass, _ piece: inout Piece, _ article: Int, english: Bool, used: inout Set<Int>,
        rng: inout SplitMix64
    ) -> [PendingEdit]? {
        let body = piece.blocks.indices.filter {
            !used.contains($0) && piece.blocks[$0].role == .body && piece.blocks[$0].a != nil
                && piece.blocks[$0].b != nil
        }
        guard !body.isEmpty else { return nil }
        var ranges: [(Range<Int>, Range<Int>)] = []
        var block: Int
        if editClass == .multi {
            block = body.randomElement(using: &rng)!
            var u = piece.blocks[block].b!
            if english {
                let words = wordRanges(u).filter { $0.count >= 4 && $0.lowerBound > 0 && $0.upperBound < u.count }
                // Two words of one sentence with one or two words between them.
                let options = words.indices.filter { k in
                    k + 2 < words.count && !u[words[k].lowerBound..<words[k + 2].upperBound].contains(".")
                }
                guard let k = options.randomElement(using: &rng) else { return nil }
                for w in [words[k + 2], words[k]] {  // the later one first: the earlier keeps its place
                    let new = Array(englishWords[Int.random(in: 0..<englishWords.count, using: &rng)].unicodeScalars)
                    guard !u[w].elementsEqual(new) else { continue }
                    u.replaceSubrange(w, with: new)
                    ranges.insert((w, w.lowerBound..<w.lowerBound + new.count), at: 0)
                }
                // The earlier replacement moved the later one.
                if ranges.count == 2 {
                    let shift = ranges[0].1.count - ranges[0].0.count
                    ranges[1].1 = ranges[1].1.lowerBound + shift..<ranges[1].1.upperBound + shift
                }
            } else {
                guard let i = hanRun(u, 12, margin: 2, rng: &rng) else { return nil }
                for j in stride(from: i + 1, to: i + 12, by: 4).prefix(Int.random(in: 2...3, using: &rng)) {
                    u[j] = otherHan(u[j], rng: &rng)
                    ranges.append((j..<j + 1, j..<j + 1))
                }
            }
            guard !ranges.isEmpty else { return nil }
            piece.blocks[block].b = u
        } else {
            let first = Bool.random(using: &rng)
            block = first ? body.first! : body.last!
            var u = piece.blocks[block].b!
            if english {
                let words = wordRanges(u)
                guard let w = first ? words.first : words.last, !first || words.count > 1 || u.last == "." else {
                    return nil
                }
                let word = englishWords[Int.random(in: 0..<englishWords.count, using: &rng)]
                let new = Array((first ? word.capitalizedFirst : word).unicodeScalars)
                guard !u[w].elementsEqual(new) else { return nil }
                u.replaceSubrange(w, with: new)
                ranges = [(w, w.lowerBound..<w.lowerBound + new.count)]
            } else if first {
                guard let s = u.first, isHan(s) else { return nil }
                u[0] = otherHan(s, rng: &rng)
                ranges = [(0..<1, 0..<1)]
            } else {
                let n = u.count
                guard n >= 2, u[n - 1] == "。", isHan(u[n - 2]) else { return nil }
                u[n - 2] = otherHan(u[n - 2], rng: &rng)
                ranges = [(n - 2..<n - 1, n - 2..<n - 1)]
            }
            piece.blocks[block].b = u
        }
        used.insert(block)
        return ranges.map { PendingEdit(editClass: editClass, article: article, block: block, a: $0.0, b: $0.1) }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
