@testable import DoppelIO

/// Seeded random text of the kinds doppel must survive: Han and Latin words, digits, ASCII and
/// CJK punctuation, full-width forms, invisible characters, every kind of white space and line
/// end, combining marks, emoji, private use and controls, in random proportions.
struct HostileText {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let han: [Unicode.Scalar] = Array(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
            .unicodeScalars)
    static let latin = [
        "the", "print", "edition", "Swift", "doppel", "news", "a", "I", "naïve", "Straße", "ÉCOLE", "x",
    ]
    static let punctuation: [Unicode.Scalar] = Array(
        "，。、；：？！“”‘’「」『』（）《》…—-–―·・.,;:?!\"'()[]/%&*+=<>#@~^_|\\$€¥".unicodeScalars)
    static let fullWidth: [Unicode.Scalar] = Array("ＡＢＣａｂｃ０１２３４５６７８９，．：；！？（）－／％＆＠".unicodeScalars)
    static let invisible: [Unicode.Scalar] = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{FEFF}",
        "\u{FE0F}", "\u{FE00}", "\u{E0100}", "\u{180E}", "\u{061C}",
    ]
    static let spaces: [Unicode.Scalar] = [
        " ", " ", " ", "\t", "\u{00A0}", "\u{3000}", "\u{2002}", "\u{2009}", "\u{202F}", "\u{205F}",
    ]
    static let lineEnds: [String] = [
        "\n", "\n", "\n\n", "\r\n", "\r", "\u{0C}", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}",
    ]
    static let odd: [Unicode.Scalar] = [
        "\u{0301}", "\u{0308}", "\u{1F600}", "\u{1F1E8}", "\u{E000}", "\u{F8FF}", "\u{0007}",
        "\u{001B}", "\u{007F}", "\u{FFFD}", "\u{FFFF}", "\u{10FFFF}", "\u{0000}", "\u{3400}",
        "\u{20000}", "\u{F900}", "\u{2F00}", "\u{3099}", "\u{FF70}", "\u{FF9E}", "\u{AC00}", "\u{3042}",
    ]

    /// About `length` code points of random text.
    mutating func text(length: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(length + 16)
        while out.count < length {
            switch random.next() % 20 {
            case 0..<7: for _ in 0..<(1 + random.next() % 12) { out.append(pick(Self.han)) }
            case 7..<10:
                out.append(contentsOf: Self.latin[Int(random.next() % UInt64(Self.latin.count))].unicodeScalars)
            case 10: out.append(contentsOf: String(random.next() % 100_000).unicodeScalars)
            case 11, 12: out.append(pick(Self.punctuation))
            case 13: out.append(pick(Self.fullWidth))
            case 14: out.append(pick(Self.invisible))
            case 15, 16: out.append(pick(Self.spaces))
            case 17:
                out.append(contentsOf: Self.lineEnds[Int(random.next() % UInt64(Self.lineEnds.count))].unicodeScalars)
            case 18: out.append(pick(Self.odd))
            default:  // a hyphenated word across a line end, or a run of dashes or dots
                switch random.next() % 3 {
                case 0: out.append(contentsOf: "exam-\nple".unicodeScalars)
                case 1: out.append(contentsOf: "——".unicodeScalars)
                default: out.append(contentsOf: "......".unicodeScalars)
                }
            }
        }
        return out
    }

    /// `text` with `count` random edits: a stretch deleted, replaced or duplicated elsewhere, or
    /// new text inserted.
    mutating func edit(_ text: [Unicode.Scalar], count: Int) -> [Unicode.Scalar] {
        var out = text
        for _ in 0..<count {
            let at = out.isEmpty ? 0 : Int(random.next() % UInt64(out.count + 1))
            let length = min(out.count - at, Int(random.next() % 40))
            switch random.next() % 4 {
            case 0: out.removeSubrange(at..<at + length)
            case 1: out.replaceSubrange(at..<at + length, with: self.text(length: 1 + Int(random.next() % 20)))
            case 2:
                let piece = Array(out[at..<at + length])
                let to = Int(random.next() % UInt64(out.count + 1))
                out.insert(contentsOf: piece, at: to)
            default: out.insert(contentsOf: self.text(length: 1 + Int(random.next() % 20)), at: at)
            }
        }
        return out
    }

    private mutating func pick(_ choices: [Unicode.Scalar]) -> Unicode.Scalar {
        choices[Int(random.next() % UInt64(choices.count))]
    }
}
