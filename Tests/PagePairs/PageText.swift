import Foundation

/// The text the page generator builds articles from: articles read out of the web sample pages,
/// sentences of the other samples, and news paragraphs written for it (Chinese and English); or
/// (`init(folder:)`) a folder of articles the rules were never fitted to.
public struct PageText: Sendable {
    /// Articles as a web page gives them: heading lines, then body paragraphs.
    public var chinese: [Article]
    /// English news articles.
    public var english: [Article]
    /// Sentences (with their final `。`) to make new paragraphs and articles of.
    public var sentences: [String]
    /// English paragraphs an edit adds to an article (print's added paragraph).
    public var addedEnglish: [String]

    /// One article's parts, in the web edition's form (ASCII `,:;!?()`, `。` and `“”` kept).
    public struct Article: Sendable {
        public var kicker: String?
        public var headline: String
        public var subhead: String?
        public var byline: String?
        public var paragraphs: [String]
        public var english: Bool
    }

    /// Reads the samples folder: articles of the web pages 000 and 002, sentences of all five;
    /// adds the written articles.
    public init(samplesFolder: String) {
        func read(_ name: String) -> String {
            (try? String(contentsOfFile: samplesFolder + "/" + name, encoding: .utf8)) ?? ""
        }
        var articles: [Article] = []
        for name in ["000_d0a0d55efd38cf19.txt", "002_da410bb21e88722a.txt"] {
            articles += PageText.articles(ofWebPage: read(name))
        }
        articles += PageText.writtenChinese
        chinese = articles.filter { $0.paragraphs.count >= 2 }
        english = PageText.writtenEnglish
        sentences = ["001_bf998fbe8d636d66.txt", "003_92a41e4ce2c497c1.txt", "004_faff336304fe731d.txt"].flatMap {
            PageText.sentences(of: read($0))
        }
        addedEnglish = EditMaker.englishParagraphs
    }

    /// The pool of sentences of some Chinese text: each sentence with its final `。`, of 16-90 code
    /// points, not a dispatch credit (`本报…`); line breaks and spaces dropped, `,:;!?()` in the
    /// web edition's form.
    static func sentences(of text: String) -> [String] {
        var pool: [String] = []
        var sentence = ""
        for s in text.unicodeScalars where s != "\n" && s != " " && s != "\r" {
            sentence.unicodeScalars.append(PageText.ascii(s))
            if s == "。" {
                let count = sentence.unicodeScalars.count
                if count >= 16 && count <= 90 && !sentence.hasPrefix("本报") { pool.append(sentence) }
                sentence = ""
            }
        }
        return pool
    }

    /// Full-width `,:;!?()` as the web edition writes them.
    static func ascii(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "，": return ","
        case "：": return ":"
        case "；": return ";"
        case "！": return "!"
        case "？": return "?"
        case "（": return "("
        case "）": return ")"
        default: return s
        }
    }

    /// Paragraphs of a web page grouped into articles: a run of short lines that end no sentence
    /// is a headline block (its last line the headline, a line before it the kicker, a byline
    /// after it), the paragraphs after it the body. A paragraph that continues an unfinished
    /// sentence (a stray break) is joined to the one before.
    static func articles(ofWebPage page: String) -> [Article] {
        var paragraphs: [String] = []
        for line in page.components(separatedBy: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            if let last = paragraphs.last, last.unicodeScalars.count > 40, !endsSentence(last) {
                paragraphs[paragraphs.count - 1] += text
            } else {
                paragraphs.append(text)
            }
        }
        var result: [Article] = []
        var headings: [String] = []
        var byline: String?
        var current: Article?
        // A kicker may be longer; it leads into its headline with a dash (`…工作质效——`).
        func heading(_ p: String) -> Bool {
            !endsSentence(p) && (p.unicodeScalars.count <= 30 || p.unicodeScalars.count <= 50 && p.hasSuffix("——"))
        }
        for p in paragraphs {
            if p.hasPrefix("本报记者") && p.unicodeScalars.count <= 40 {
                byline = p
                continue
            }
            if heading(p) {
                if let article = current { result.append(article) }
                current = nil
                headings.append(p)
                continue
            }
            if !headings.isEmpty {
                let h = headings.suffix(2)
                current = Article(
                    kicker: h.count == 2 ? h.first : nil, headline: h.last!, subhead: nil,
                    byline: byline, paragraphs: [], english: false)
                headings = []
                byline = nil
            }
            current?.paragraphs.append(p)
        }
        if let article = current, !article.paragraphs.isEmpty { result.append(article) }
        return result
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.unicodeScalars.last else { return false }
        return "。!?”\"".unicodeScalars.contains(last)
    }

    /// Chinese news written for the generator.
    static let writtenChinese: [Article] = [
        Article(
            kicker: "聚焦基层治理", headline: "老旧小区改造让居民住得更舒心", subhead: nil,
            byline: "本报记者 周晓明",
            paragraphs: [
                "走进河北省石家庄市新华区的一个老旧小区,平整的道路、整齐的车位和新装的电梯映入眼帘。今年以来,当地把老旧小区改造作为民生实事,已完成改造项目37个,惠及居民1.2万户。",
                "改造之前,社区工作人员逐户走访,听取居民意见。居民最关心的加装电梯、停车难和管网老化等问题,都被列入改造清单。\"过去下雨天楼道里到处是水,现在再也不用发愁了。\"居民李大爷说。",
                "据介绍,新华区还建立了改造后的长效管理机制,引入专业物业服务,设立居民议事会,让居民参与小区日常管理,确保改造成果持续发挥作用。",
                "下一步,当地将继续推进城镇老旧小区改造,计划到2025年底基本完成2000年底前建成的老旧小区改造任务。",
            ], english: false),
        Article(
            kicker: nil, headline: "职工技能大赛在沪开幕", subhead: "来自全市的600余名选手同台竞技",
            byline: nil,
            paragraphs: [
                "本报上海4月9日电(记者钱敏)今天,第十二届上海市职工职业技能大赛在浦东新区开幕,来自全市各行业的600余名选手将在焊接、电工、数控加工等16个项目中同台竞技。",
                "本届大赛由市总工会联合市人力资源社会保障局等部门共同主办。与往届相比,今年新增了工业机器人运维、网约配送等新职业项目,吸引了大批年轻职工报名参赛。",
                "市总工会有关负责人表示,技能大赛是发现和培养高技能人才的重要平台。获得各项目前三名的选手,将按规定晋升相应职业技能等级,并可申报市级劳动模范评选。",
            ], english: false),
        Article(
            kicker: "春耕时节", headline: "农技专家把课堂搬到田间地头", subhead: nil,
            byline: "本报通讯员 刘佳 本报记者 陈晨",
            paragraphs: [
                "连日来,江西省农业科学院组织30多名农技专家深入田间地头,为种粮大户和合作社社员讲解水稻育秧、病虫害防治等技术,受到农民群众欢迎。",
                "在南昌县的一处育秧工厂,专家们一边查看秧苗长势,一边向农户演示温湿度的调控方法。\"专家讲得明白,我们学得会、用得上。\"种粮大户王建国说。",
                "据统计,今年春耕以来,全省已累计开展农技培训1800余场次,培训农民12万人次,发放技术资料25万份。",
            ], english: false),
    ]

    /// English news written for the generator.
    static let writtenEnglish: [Article] = [
        Article(
            kicker: "CITY HALL", headline: "Council approves long-term plan for riverside housing", subhead: nil,
            byline: "By Margaret Holloway",
            paragraphs: [
                "The city council voted on Tuesday night to approve a long-term development plan for the riverside district, ending more than two years of public consultation and often heated debate.",
                "The plan sets aside land for about 4,500 new homes, a third of which must be affordable, and commits the city to rebuilding the flood defences along the eastern embankment before construction begins.",
                "\"This is the most significant decision this council has taken in a generation,\" said the deputy mayor, who chaired the final session. Opponents argued that the infrastructure budget was unrealistic and that the schedule left little room for independent review.",
                "Work on the first phase is expected to start next spring, subject to the approval of the regional planning authority and the completion of an environmental assessment.",
            ], english: true),
        Article(
            kicker: nil, headline: "Regional airline adds routes as passenger numbers recover", subhead: nil,
            byline: "By Daniel Okafor",
            paragraphs: [
                "A regional airline based at the northern airport will add six new routes this summer, its chief executive announced on Monday, citing a steady recovery in passenger numbers.",
                "The company carried 1.8 million passengers last year, close to its record, and expects to exceed two million in the current financial year. The new routes include seasonal flights to three coastal destinations.",
                "Analysts said the expansion reflected strong demand for short-haul travel but warned that higher fuel costs and a shortage of qualified engineers could squeeze profit margins over the coming months.",
            ], english: true),
        Article(
            kicker: "EDUCATION", headline: "Schools trial four-day timetable for older pupils", subhead: nil,
            byline: nil,
            paragraphs: [
                "Eleven secondary schools will take part in a year-long trial of a compressed timetable for pupils in their final two years, the education department confirmed yesterday.",
                "Under the scheme, lessons will be concentrated into four longer days, leaving the fifth day for independent study, work placements and supervised revision in school libraries.",
                "Teachers' representatives gave the proposal a cautious welcome but said that staff workload must be monitored carefully. Parents will be surveyed at the end of each term, and the results published in full.",
                "The department said the trial was not a first step towards a shorter school week for younger children, and that any wider change would require further consultation.",
            ], english: true),
        Article(
            kicker: nil, headline: "Museum reopens after fifteen-month restoration", subhead: nil,
            byline: "By Clara Jennings",
            paragraphs: [
                "The natural history museum reopened its doors on Saturday after a fifteen-month restoration that uncovered original ceiling paintings hidden for almost a century.",
                "Conservators removed several layers of paint and plaster to reveal the decorative panels, which depict local birds and flowers. The restoration was financed by a public appeal and a grant from the heritage fund.",
                "Visitors queued around the block on the opening morning. Entry remains free, although the museum has introduced timed tickets for weekends to reduce overcrowding in the main gallery.",
            ], english: true),
        Article(
            kicker: "TRANSPORT", headline: "Cycle lanes extended to the northern suburbs", subhead: nil,
            byline: nil,
            paragraphs: [
                "Protected cycle lanes will be extended from the city centre to three northern suburbs by the end of the year, the transport committee announced after a review of last summer's pilot scheme.",
                "The pilot recorded a significant increase in cycling along the main corridor, with weekday journeys rising by almost forty per cent, while bus journey times were largely unaffected.",
                "Some shop owners remain concerned about the loss of on-street parking. The committee said it would create additional short-stay bays in side streets and review the effect on trade after six months.",
            ], english: true),
        Article(
            kicker: nil, headline: "Hospital opens new emergency wing", subhead: nil,
            byline: "By Ahmed Rahman",
            paragraphs: [
                "The general hospital has opened a new emergency wing designed to cut waiting times, with twice the number of treatment bays and a dedicated area for children.",
                "Staff said the old department, built in the 1970s, had become overcrowded during the winter months. The new wing also includes a rapid assessment unit where patients are seen by a senior clinician on arrival.",
                "Hospital managers said recruitment for the additional nursing posts was well advanced, although some specialist roles were still being filled by temporary staff.",
            ], english: true),
    ]
}
