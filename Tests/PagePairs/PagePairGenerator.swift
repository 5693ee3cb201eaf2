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
    public func page(_ kind: Kind, control: Bool, seed: UInt64, headlinesAfterBody: Bool = false) -> PagePair {
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
        var edits: [PendingEdit] = []
        if !control {
            for index in articles.indices where articles[index].onlyIn == nil && Int.random(in: 0..<10, using: &rng) < 8
            {
                edits += EditMaker.edit(
                    &articles[index], index, english: kind == .english, sentences: text.sentences, rng: &rng)
            }
        }
        var composer = PageComposer(kind: kind, rng: rng, headlinesAfterBody: headlinesAfterBody)
        return composer.compose(
            articles, edits: edits, control: control,
            name: "\(kind.rawValue)-\(control ? "control-" : "")\(String(seed, radix: 16))")
    }

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
    enum Role: Equatable { case kicker, headline, subhead, byline, body }

    struct Block {
        var role: Role
        var a: [Unicode.Scalar]?  // nil: only in B
        var b: [Unicode.Scalar]?  // nil: only in A
    }

    var blocks: [Block]
    var english: Bool
    var onlyIn: PagePair.Side?
    var headline: String

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
