import Doppel

/// Lays the articles of a page out as the web page (A) and the print page (B), and maps the edits
/// made in block coordinates to positions in both pages.
struct PageComposer {
    var kind: PagePairGenerator.Kind
    var rng: SplitMix64
    /// Print every article's headings after its body.
    var headlinesAfterBody = false
    /// The widened set: print places captions (and half the bylines) after the body, and
    /// writes some characters in other forms (`PageLayout.forms`).
    var widened = false

    static let chineseFurniture = [
        "综合新闻", "新闻特写G", "关注G", "图片新闻", "本版编辑A", "要闻", "本版编辑 王伟 美编 李娜",
        "2024年4月8日 星期一", "工会新闻3", "责任编辑:张帆",
    ]
    static let englishFurniture = ["NATIONAL NEWS", "Page 4", "THE DAILY COURIER", "Edited by Sarah Mills", "IN BRIEF"]

    private struct Placed {
        var offset: Int
        var block: RenderedBlock
    }

    mutating func compose(_ articles: [Piece], edits: [PendingEdit], control: Bool, name: String) -> PagePair {
        let english = kind == .english
        // A: the web page, in the articles' order, every part on its own line.
        var a: [Unicode.Scalar] = []
        var placedA: [[Placed?]] = articles.map { [Placed?](repeating: nil, count: $0.blocks.count) }
        var regionsA: [PagePair.Region] = []
        var oneSided: [(side: PagePair.Side, paragraphs: [Range<Int>])] = []
        for (n, piece) in articles.enumerated() where piece.onlyIn != .b {
            var bodies: [Range<Int>] = []
            for (k, block) in piece.blocks.enumerated() {
                guard let content = block.a else { continue }
                if !a.isEmpty { a += ["\n", "\n"] }
                let rendered = PageLayout.web(content)
                placedA[n][k] = Placed(offset: a.count, block: rendered)
                let range = a.count..<a.count + rendered.scalars.count
                a += rendered.scalars
                if block.role.isHeading { regionsA.append(.init(range: range, regionClass: .headline)) }
                regionsA += marks(block, .a, rendered, at: range.lowerBound)
                if block.role == .body { bodies.append(range) }
                regionsA += siblingRegions(content, at: range.lowerBound)
            }
            if piece.onlyIn == .a {
                oneSided.append((.a, bodies))
                regionsA.append(.init(range: bodies.first!.lowerBound..<bodies.last!.upperBound, regionClass: .article))
            }
        }
        // B: the print page.
        let layout = PageLayout(
            columns: english ? Int.random(in: 55...65, using: &rng) : 2 * Int.random(in: 18...22, using: &rng),
            english: english, ligatures: english && Bool.random(using: &rng),
            lineBreak: Int.random(in: 0..<5, using: &rng) < 3 ? "\n\n" : "\n", forms: widened)
        var b: [Unicode.Scalar] = []
        var placedB: [[Placed?]] = articles.map { [Placed?](repeating: nil, count: $0.blocks.count) }
        var regionsB: [PagePair.Region] = []
        var articlesB: [(headings: [Range<Int>], body: [Range<Int>])] = []
        let furniture = english ? Self.englishFurniture : Self.chineseFurniture
        func put(_ scalars: [Unicode.Scalar]) -> Range<Int> {
            if !b.isEmpty { b += Array(layout.lineBreak.unicodeScalars) }
            b += scalars
            return b.count - scalars.count..<b.count
        }
        func putFurniture() {
            let line = furniture[Int.random(in: 0..<furniture.count, using: &rng)]
            regionsB.append(.init(range: put(Array(line.unicodeScalars)), regionClass: .furniture))
        }
        putFurniture()
        var order = Array(articles.indices.filter { articles[$0].onlyIn != .a })
        if !english || Int.random(in: 0..<10, using: &rng) < 7 { order.shuffle(using: &rng) }
        for (position, n) in order.enumerated() {
            if position > 0 && Int.random(in: 0..<10, using: &rng) < 3 { putFurniture() }
            let piece = articles[n]
            let usually = !english && Int.random(in: 0..<10, using: &rng) < 7
            let after = usually || headlinesAfterBody
            let heads = piece.blocks.indices.filter { [.kicker, .headline, .subhead].contains(piece.blocks[$0].role) }
            var rest = piece.blocks.indices.filter { !heads.contains($0) }
            if widened {
                // Captions after the body; half the bylines too.
                let late = rest.filter {
                    piece.blocks[$0].role == .caption || piece.blocks[$0].role == .byline && Bool.random(using: &rng)
                }
                rest = rest.filter { !late.contains($0) } + late
            }
            let firstBody = rest.first { piece.blocks[$0].role == .body && piece.blocks[$0].b != nil }
            var bodies: [Range<Int>] = []
            var printed: (headings: [Range<Int>], body: [Range<Int>]) = ([], [])
            for k in after ? rest + heads : heads + rest {
                guard let content = piece.blocks[k].b else { continue }
                let role = piece.blocks[k].role
                let rendered =
                    role == .body || role == .caption
                    ? layout.paragraph(content, dropCap: k == firstBody, rng: &rng)
                    : layout.heading(
                        content, spaced: !english && content.count <= 6 && Bool.random(using: &rng),
                        smallCaps: role == .headline, rng: &rng)
                let range = put(rendered.scalars)
                placedB[n][k] = Placed(offset: range.lowerBound, block: rendered)
                // Forms first: a small-caps headline's false edit is the form's.
                regionsB += rendered.forms.map {
                    .init(
                        range: range.lowerBound + $0.lowerBound..<range.lowerBound + $0.upperBound, regionClass: .forms)
                }
                if role.isHeading { regionsB.append(.init(range: range, regionClass: .headline)) }
                regionsB += marks(piece.blocks[k], .b, rendered, at: range.lowerBound)
                if role == .body { bodies.append(range) }
                if heads.contains(k) { printed.headings.append(range) } else { printed.body.append(range) }
                regionsB += siblingRegions(content, at: range.lowerBound, rendered: rendered)
                if english { regionsB += hyphenRegions(rendered, at: range.lowerBound) }
            }
            articlesB.append(printed)
            if piece.onlyIn == .b {
                oneSided.append((.b, bodies))
                regionsB.append(.init(range: bodies.first!.lowerBound..<bodies.last!.upperBound, regionClass: .article))
            }
        }
        if Int.random(in: 0..<10, using: &rng) < 7 { putFurniture() }
        b.append("\n")
        a.append("\n")

        var truth: [PagePair.TruthEdit] = []
        for e in edits {
            let ra = position(e.a, article: e.article, block: e.block, placedA)
            let rb = position(e.b, article: e.article, block: e.block, placedB)
            let blocks = articles[e.article].blocks[e.block]
            truth.append(
                .init(
                    editClass: e.editClass, a: ra, b: rb,
                    aText: blocks.a.map { String(String.UnicodeScalarView($0[e.a])) } ?? "",
                    bText: blocks.b.map { String(String.UnicodeScalarView($0[e.b])) } ?? ""))
        }
        return PagePair(
            name: name, kind: kind, isControl: control, a: String(String.UnicodeScalarView(a)),
            b: String(String.UnicodeScalarView(b)), truth: truth, regionsA: regionsA,
            regionsB: regionsB, oneSided: oneSided, articlesB: articlesB)
    }

    /// The regions a block's marks name on one side, in page positions.
    private func marks(_ block: Piece.Block, _ side: PagePair.Side, _ rendered: RenderedBlock, at offset: Int)
        -> [PagePair.Region]
    {
        block.marks.filter { $0.side == side && !$0.range.isEmpty }.map {
            let r = rendered.range(of: $0.range)
            return .init(range: offset + r.lowerBound..<offset + r.upperBound, regionClass: $0.cls)
        }
    }

    /// Where a block-coordinate range of an edit lies on one side; a block missing on that side
    /// (a paragraph added or removed) is an empty range at the end of the block before it.
    private func position(_ range: Range<Int>, article: Int, block: Int, _ placed: [[Placed?]]) -> Range<Int> {
        if let p = placed[article][block] {
            let r = p.block.range(of: range)
            return p.offset + r.lowerBound..<p.offset + r.upperBound
        }
        var k = block - 1
        while k >= 0 {
            if let p = placed[article][k] {
                let end = p.offset + p.block.scalars.count
                return end..<end
            }
            k -= 1
        }
        return 0..<0
    }

    /// The shared dateline line and opening words of a templated report, or its wire dateline.
    private func siblingRegions(_ content: [Unicode.Scalar], at offset: Int, rendered: RenderedBlock? = nil)
        -> [PagePair.Region]
    {
        let text = String(String.UnicodeScalarView(content))
        let length: Int
        if text.hasPrefix("《新闻联播》") {
            length = content.count
        } else if text.hasPrefix(PagePairGenerator.siblingOpening) {
            length = PagePairGenerator.siblingOpening.unicodeScalars.count
        } else if text.hasPrefix("新华社"), let end = content.firstIndex(of: ",") {
            length = end + 1
        } else {
            return []
        }
        let end = rendered.map { $0.range(of: 0..<length).upperBound } ?? length
        return [.init(range: offset..<offset + end, regionClass: .sibling)]
    }

    /// The words broken by a hyphen at a line end.
    private func hyphenRegions(_ rendered: RenderedBlock, at offset: Int) -> [PagePair.Region] {
        var result: [PagePair.Region] = []
        let s = rendered.scalars
        for i in s.indices where s[i] == "-" && i + 1 < s.count && s[i + 1] == "\n" {
            var lo = i
            while lo > 0 && s[lo - 1] != " " && s[lo - 1] != "\n" { lo -= 1 }
            var hi = i + 1
            while hi < s.count && s[hi] == "\n" { hi += 1 }
            while hi < s.count && s[hi] != " " && s[hi] != "\n" { hi += 1 }
            result.append(.init(range: offset + lo..<offset + hi, regionClass: .hyphen))
        }
        return result
    }
}

extension Piece.Role {
    /// A kicker, headline, sub-headline or byline: a `headline` region.
    var isHeading: Bool { self != .body && self != .caption && self != .jump }
}
