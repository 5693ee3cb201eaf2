import Doppel

/// Web/print page pairs with the truth of every edit, seeded (SplitMix64), for scoring `doppel
/// diff` on pages it has never seen.
///
/// A page holds several articles (kicker, headline, sub-headline, byline, body) taken from the
/// samples, made of their sentences, or written in English. The web side (A) writes each part
/// on one line, blank lines between. The print side (B) puts the articles in another order,
/// prints most headlines after their body (some letter-spaced), adds page furniture (section
/// labels, editor credits, picture labels), full-width punctuation, spaces around some numbers,
/// hard wraps of 18-22 ideographs with kinsoku, and for English, hyphenation at line ends (real
/// hyphens `long-` / `term` included), ligatures and curly quotes. One article may be on one
/// side only. Edits go into B: one-character substitutions, word insertions and deletions,
/// reorderings, edits at paragraph edges (a clause appended before the final full stop, the
/// last clause deleted, the first or last character changed), edits in headlines, a paragraph
/// added or removed inside an article. Control pages have no edit. Templated pages hold
/// sibling reports that share a dateline line and an opening sentence, or a wire dateline.
public struct PagePairGenerator: Sendable {
    public let text: PageText

    public init(text: PageText) { self.text = text }

    /// What a page is made of.
    public enum Kind: String, Sendable, CaseIterable {
        case chinese, english, siblings
    }

    /// The standard set: 24 Chinese pages, 8 English, 6 with templated siblings, and 8 control
    /// pages (4 Chinese, 2 English, 2 siblings) without any edit.
    public func standardSet(seed: UInt64 = 0x5EED_D1FF) -> [PagePair] {
        var pairs: [PagePair] = []
        let plan: [(Kind, Int, Bool)] = [
            (.chinese, 24, false), (.english, 8, false), (.siblings, 6, false),
            (.chinese, 4, true), (.english, 2, true), (.siblings, 2, true),
        ]
        var n: UInt64 = 0
        for (kind, count, control) in plan {
            for _ in 0..<count {
                n += 1
                pairs.append(page(kind, control: control, seed: seed &+ n &* 0x9E37_79B9))
            }
        }
        return pairs
    }

    /// One page pair; with `headlinesAfterBody`, print puts every article's headings after its
    /// body (English too), else most Chinese ones.
    /// The widened set: pages of every kind with what the standard set does not make (see
    /// `page(_:control:seed:headlinesAfterBody:widened:)`), on seeds the standard set never uses.
    /// 28 pages: 12 Chinese, 6 English, 4 siblings and 6 control pages (2 of each).
    public func widenedSet(seed: UInt64 = 0x0DD5_EED5) -> [PagePair] {
        var pairs: [PagePair] = []
        let plan: [(Kind, Int, Bool)] = [
            (.chinese, 12, false), (.english, 6, false), (.siblings, 4, false),
            (.chinese, 2, true), (.english, 2, true), (.siblings, 2, true),
        ]
        var n: UInt64 = 0
        for (kind, count, control) in plan {
            for _ in 0..<count {
                n += 1
                pairs.append(page(kind, control: control, seed: seed &+ n &* 0x7F4A_7C15, widened: true))
            }
        }
        return pairs
    }

    /// One page pair; with `headlinesAfterBody`, print puts every article's headings after its
    /// body (English too), else most Chinese ones. `widened` adds what the standard set does not
    /// make: a brief of one paragraph (its edit scored as `brief`); photo captions and bylines
    /// print places after the body; an article print continues on another page (cut inside a
    /// paragraph and closed by `（下转第4版）`) or continues from one (`（上接第1版）`, its start
    /// missing); print forms (full-width digits, corner quotes `「」`, soft hyphens, drop caps,
    /// small-caps headlines); and the edit classes `number`, `multi` and `bodyedge`.
    public func page(
        _ kind: Kind, control: Bool, seed: UInt64, headlinesAfterBody: Bool = false, widened: Bool = false
    ) -> PagePair {
        var rng = SplitMix64(seed: seed)
        var articles: [Piece] = []
        switch kind {
        case .chinese:
            let count = Int.random(in: 4...6, using: &rng)
            for article in text.chinese.shuffled(using: &rng).prefix(count - 1) { articles.append(Piece(article)) }
            articles.append(Piece(madeArticle(&rng)))
        case .english:
            for article in text.english.shuffled(using: &rng).prefix(Int.random(in: 3...4, using: &rng)) {
                articles.append(Piece(article))
            }
        case .siblings:
            articles = siblingArticles(&rng).map { Piece($0) }
            for article in text.chinese.shuffled(using: &rng).prefix(2) { articles.append(Piece(article)) }
            articles.shuffle(using: &rng)
        }
        if !control && Int.random(in: 0..<3, using: &rng) > 0 {
            // An article only in print (most often) or only on the web.
            let side: PagePair.Side = Int.random(in: 0..<4, using: &rng) == 0 ? .a : .b
            let extra =
                kind == .english
                ? text.english.filter { e in !articles.contains { $0.headline == e.headline } }.randomElement(
                    using: &rng)
                : madeArticle(&rng)
            if let extra {
                var piece = Piece(extra)
                piece.onlyIn = side
                articles.insert(piece, at: Int.random(in: 0...articles.count, using: &rng))
            }
        }
        if widened { widen(&articles, kind: kind, control: control, rng: &rng) }
        var edits: [PendingEdit] = []
        if !control {
            for index in articles.indices where articles[index].onlyIn == nil && Int.random(in: 0..<10, using: &rng) < 8
            {
                if articles[index].continued { continue }
                edits += EditMaker.edit(
                    &articles[index], index, english: kind == .english, sentences: text.sentences,
                    addedEnglish: text.addedEnglish, widened: widened, label: articles[index].brief ? .brief : nil,
                    rng: &rng)
            }
            if widened {
                for index in articles.indices where articles[index].continued {
                    continueElsewhere(&articles[index], &rng)
                }
            }
        }
        if widened && kind != .english { addList(&articles, &rng) }
        var composer = PageComposer(kind: kind, rng: rng, headlinesAfterBody: headlinesAfterBody, widened: widened)
        return composer.compose(
            articles, edits: edits, control: control,
            name: "\(kind.rawValue)-\(control ? "control-" : "")\(String(seed, radix: 16))")
    }

    /// The widened set's additions to a page's articles: a brief of one paragraph, photo
    /// captions, and (not on control pages) an article print continues on or from another page.
    private func widen(_ articles: inout [Piece], kind: Kind, control: Bool, rng: inout SplitMix64) {
        let english = kind == .english
        // A brief: a headline and one paragraph.
        if english {
            if let source = text.english.filter({ e in !articles.contains { $0.headline == e.headline } })
                .randomElement(using: &rng)
            {
                var brief = Piece(
                    PageText.Article(
                        kicker: nil, headline: source.headline, subhead: nil, byline: nil,
                        paragraphs: [source.paragraphs[0]], english: true))
                brief.brief = true
                articles.insert(brief, at: Int.random(in: 0...articles.count, using: &rng))
            }
        } else {
            var made = madeArticle(&rng)
            made.paragraphs = [made.paragraphs[0]]
            var brief = Piece(made)
            brief.brief = true
            articles.insert(brief, at: Int.random(in: 0...articles.count, using: &rng))
        }
        // Captions: after the headings on the web; print places them after the body.
        for index in articles.indices where !articles[index].brief && Int.random(in: 0..<3, using: &rng) == 0 {
            let caption = english ? Self.englishCaptions.randomElement(using: &rng)! : chineseCaption(&rng)
            let at = articles[index].blocks.firstIndex { $0.role == .body } ?? articles[index].blocks.count
            var block = Piece.Block(role: .caption, a: Array(caption.unicodeScalars), b: Array(caption.unicodeScalars))
            block.marks = [(.a, 0..<block.a!.count, .caption), (.b, 0..<block.b!.count, .caption)]
            articles[index].blocks.insert(block, at: at)
        }
        // An article continued on another page, or from one: no edit is made in it.
        guard !control else { return }
        let long = articles.indices.filter {
            articles[$0].onlyIn == nil && !articles[$0].brief
                && articles[$0].blocks.filter { $0.role == .body }.count >= 3
        }
        if let index = long.randomElement(using: &rng) { articles[index].continued = true }
    }

    /// Cuts an article as print continues it on another page (its end missing after a cut inside
    /// a paragraph, `（下转第4版）` after it) or from one (its start missing, `（上接第1版）` before the
    /// rest). The missing text and the jump line are `jump` regions.
    private func continueElsewhere(_ piece: inout Piece, _ rng: inout SplitMix64) {
        let body = piece.blocks.indices.filter { piece.blocks[$0].role == .body }
        let english = piece.english
        let onward = Bool.random(using: &rng)
        let k =
            onward
            ? body[Int.random(in: 1..<body.count, using: &rng)] : body[Int.random(in: 0..<body.count - 1, using: &rng)]
        let units = piece.blocks[k].a!
        // Cut between two ideographs (two words in English), in the middle half of the paragraph.
        let cuts = (units.count / 4..<max(units.count / 4 + 1, units.count * 3 / 4)).filter { i in
            i > 0 && i < units.count
                && (english ? units[i - 1] == " " : PageLayout.isHan(units[i - 1]) && PageLayout.isHan(units[i]))
        }
        let cut = cuts.randomElement(using: &rng) ?? units.count / 2
        let page = Int.random(in: 2...8, using: &rng)
        let line =
            english
            ? (onward ? "Continued on Page \(page)" : "Continued from Page 1")
            : (onward ? "(下转第\(page)版)" : "(上接第1版)")
        var jump = Piece.Block(role: .jump, a: nil, b: Array(line.unicodeScalars))
        jump.marks = [(.b, 0..<jump.b!.count, .jump)]
        if onward {
            piece.blocks[k].b = Array(units[..<cut])
            piece.blocks[k].marks.append((.a, cut..<units.count, .jump))
            for j in body where j > k {
                piece.blocks[j].b = nil
                piece.blocks[j].marks.append((.a, 0..<piece.blocks[j].a!.count, .jump))
            }
            piece.blocks.insert(jump, at: body.last! + 1)
        } else {
            piece.blocks[k].b = Array(units[cut...])
            piece.blocks[k].marks.append((.a, 0..<cut, .jump))
            for j in body where j < k {
                piece.blocks[j].b = nil
                piece.blocks[j].marks.append((.a, 0..<piece.blocks[j].a!.count, .jump))
            }
            piece.blocks.insert(jump, at: body.first!)
        }
    }

    /// A list of three points (`一是…。二是…。三是…。`) after the last paragraph of one article,
    /// each point a paragraph of its own on the web and run together in one paragraph in print:
    /// no edit (a `forms` region on both sides). Added after the edits, so their blocks keep
    /// their places.
    private func addList(_ articles: inout [Piece], _ rng: inout SplitMix64) {
        let candidates = articles.indices.filter { !articles[$0].brief && !articles[$0].continued }
        guard let index = candidates.randomElement(using: &rng), Bool.random(using: &rng) else { return }
        let pool = text.sentences
        let points = ["一是", "二是", "三是"].map { $0 + pool[Int.random(in: 0..<pool.count, using: &rng)] }
        let web = Array(points.joined(separator: "\n\n").unicodeScalars)
        let print = Array(points.joined().unicodeScalars)
        var block = Piece.Block(role: .body, a: web, b: print)
        block.marks = [(.a, 0..<web.count, .forms), (.b, 0..<print.count, .forms)]
        if articles[index].onlyIn == .a { block.b = nil }
        if articles[index].onlyIn == .b { block.a = nil }
        articles[index].blocks.append(block)
    }

    /// A photo caption and its credit, as under a picture: `图为…。 本报记者 张三 摄`.
    private func chineseCaption(_ rng: inout SplitMix64) -> String {
        let pool = text.sentences
        let words = String(
            String(pool[Int.random(in: 0..<pool.count, using: &rng)].unicodeScalars.filter { PageLayout.isHan($0) })
                .prefix(Int.random(in: 10...16, using: &rng)))
        return "图为" + words + "。 本报记者 " + ["张伟", "李静", "王磊", "赵敏"].randomElement(using: &rng)! + " 摄"
    }

    static let englishCaptions = [
        "Visitors in the main gallery on the opening morning. Photograph by Clara Jennings",
        "The riverside district seen from the eastern embankment. Photograph: Margaret Holloway",
        "Passengers at the northern airport. Photograph by Daniel Okafor",
    ]

    /// An article made of sample sentences: a headline cut from one, 2-4 paragraphs of 2-3.
    private func madeArticle(_ rng: inout SplitMix64) -> PageText.Article {
        let pool = text.sentences
        func sentence() -> String { pool[Int.random(in: 0..<pool.count, using: &rng)] }
        let headline = String(
            String(sentence().unicodeScalars.filter { PageLayout.isHan($0) }).prefix(
                Int.random(in: 8...14, using: &rng)))
        let paragraphs = (0..<Int.random(in: 2...4, using: &rng)).map { _ in
            (0..<Int.random(in: 2...3, using: &rng)).map { _ in sentence() }.joined()
        }
        return PageText.Article(
            kicker: nil, headline: headline, subhead: nil, byline: nil, paragraphs: paragraphs, english: false)
    }

    /// Two or three reports of one template, their own headline and news: either a dateline line
    /// (`《新闻联播》 2024年11月6日`) and a standard opening before the news, or the news
    /// opened by a wire dateline (`新华社北京11月6日电 记者从…获悉,`) in the same paragraph.
    private func siblingArticles(_ rng: inout SplitMix64) -> [PageText.Article] {
        let pool = text.sentences
        let day = Int.random(in: 3...25, using: &rng)
        let wire = Bool.random(using: &rng)
        return (0..<Int.random(in: 2...3, using: &rng)).map { n in
            let headline = String(
                String(pool[Int.random(in: 0..<pool.count, using: &rng)].unicodeScalars.filter { PageLayout.isHan($0) })
                    .prefix(Int.random(in: 9...13, using: &rng)))
            let news = (0..<2).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }.joined()
            let paragraphs =
                wire
                ? ["新华社北京11月\(day + n)日电 记者从全国总工会获悉," + news]
                : ["《新闻联播》 2024年11月\(day + n)日", Self.siblingOpening + news]
            return PageText.Article(
                kicker: nil, headline: headline, subhead: nil, byline: nil, paragraphs: paragraphs, english: false)
        }
    }

    /// The standard opening of a templated report, before its news.
    static let siblingOpening = "本台消息,据中央广播电视总台报道,国务院新闻办公室今天举行新闻发布会。"
}

/// One article while a page is made: its blocks in A and in B.
struct Piece {
    enum Role: Equatable { case kicker, headline, subhead, byline, body, caption, jump }

    struct Block {
        var role: Role
        var a: [Unicode.Scalar]?  // nil: only in B
        var b: [Unicode.Scalar]?  // nil: only in A
        /// Content ranges of one side that are regions of a class (a caption, a jump).
        var marks: [(side: PagePair.Side, range: Range<Int>, cls: ScoreClass)] = []
    }

    var blocks: [Block]
    var english: Bool
    var onlyIn: PagePair.Side?
    var headline: String
    /// A brief of one paragraph (widened set): its edit is scored as `brief`.
    var brief = false
    /// Continued on or from another page in print (widened set).
    var continued = false

    init(_ article: PageText.Article) {
        func block(_ role: Role, _ s: String) -> Block {
            Block(role: role, a: Array(s.unicodeScalars), b: Array(s.unicodeScalars))
        }
        blocks = []
        if let kicker = article.kicker { blocks.append(block(.kicker, kicker)) }
        blocks.append(block(.headline, article.headline))
        if let subhead = article.subhead { blocks.append(block(.subhead, subhead)) }
        if let byline = article.byline { blocks.append(block(.byline, byline)) }
        blocks += article.paragraphs.map { block(.body, $0) }
        english = article.english
        headline = article.headline
    }
}

/// An edit made in B, in block coordinates, before the page is laid out.
struct PendingEdit {
    var editClass: ScoreClass
    var article: Int
    var block: Int
    var a: Range<Int>
    var b: Range<Int>
}
