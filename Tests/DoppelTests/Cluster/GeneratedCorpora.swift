import Foundation

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Seeded corpora with their truth, for the accuracy tests of clustering (the same kinds as
/// bench/py/gen_inputs.py writes for `make bench`): documents, and for each its true group.
struct GeneratedCorpus {
    /// The documents, in order.
    var documents: [ClusterDocument] = []
    /// The true group of each document.
    var groups: [Int] = []
    /// What each document is (`web`, `print`, `plain`, `truncated`, `edited`, `short`,
    /// `twin`, `long`, `excerpt`), for messages.
    var kinds: [String] = []

    mutating func add(_ text: String, group: Int, kind: String) {
        documents.append(TestCorpus.document("\(kind)\(documents.count)", text))
        groups.append(group)
        kinds.append(kind)
    }

    /// Pair precision, recall and F1 of `result`'s clusters against the true groups (pairs of
    /// documents in one cluster against pairs in one group), and the largest cluster and group.
    func score(_ result: ClusterResult) -> (
        precision: Double, recall: Double, f1: Double,
        largestCluster: Int, largestGroup: Int
    ) {
        var clusterOf = [Int](repeating: -1, count: documents.count)
        for (n, cluster) in result.clusters.enumerated() {
            for member in cluster.members { clusterOf[member] = n }
        }
        var found = 0
        var right = 0
        var truth = 0
        for i in documents.indices {
            for j in (i + 1)..<documents.count {
                let same = clusterOf[i] >= 0 && clusterOf[i] == clusterOf[j]
                let related = groups[i] == groups[j]
                if same { found += 1 }
                if related { truth += 1 }
                if same && related { right += 1 }
            }
        }
        let precision = found == 0 ? 1 : Double(right) / Double(found)
        let recall = truth == 0 ? 1 : Double(right) / Double(truth)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        var groupSizes: [Int: Int] = [:]
        for group in groups { groupSizes[group, default: 0] += 1 }
        return (
            precision, recall, f1, result.clusters.map(\.members.count).max() ?? 1,
            groupSizes.values.max() ?? 0
        )
    }
}

/// The generators.
enum GeneratedCorpora {
    /// The sentences of the sample pages (split after `。！？`, at least 12 characters), each
    /// once.
    static let sentences: [String] = {
        var seen = Set<String>()
        var pool: [String] = []
        for paragraph in TestCorpus.paragraphs {
            var current = ""
            for character in paragraph {
                current.append(character)
                if "。！？".contains(character) {
                    if current.count >= 12 && seen.insert(current).inserted { pool.append(current) }
                    current = ""
                }
            }
        }
        return pool
    }()

    /// The Han characters of the sentences, for edits.
    static let hans: [Character] = Array(
        Set(
            sentences.joined().filter {
                ScriptClass.of($0.unicodeScalars.first!.value) == .ideograph
            })
    ).sorted()

    /// `text` with `count` one-character edits (replace, insert or delete a Han character) at
    /// seeded positions at least 3 characters apart where possible.
    static func edit(_ text: String, count: Int, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        for _ in 0..<count {
            let han = characters.indices.filter {
                ScriptClass.of(characters[$0].unicodeScalars.first!.value) == .ideograph
            }
            if han.isEmpty { break }
            let position = han[Int(random.next() % UInt64(han.count))]
            let replacement = hans[Int(random.next() % UInt64(hans.count))]
            switch random.next() % 4 {
            case 0: characters.insert(replacement, at: position)
            case 1: characters.remove(at: position)
            default: characters[position] = replacement
            }
        }
        return String(characters)
    }

    /// The print layout of `text`: hard-wrapped every 18-22 characters, full-width spaces at
    /// paragraph starts.
    static func printLayout(_ text: String, _ random: inout SplitMix64) -> String {
        var out = "\u{3000}\u{3000}"
        var column = 0
        let width = 18 + Int(random.next() % 5)
        for character in text {
            out.append(character)
            column += 1
            if column == width {
                out.append("\n")
                column = 0
            }
        }
        return out
    }

    /// The plain-text form of `text`: half-width punctuation, spaces after it.
    static func plainLayout(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "，": out += ", "
            case "。": out += ". "
            case "：": out += ": "
            case "；": out += "; "
            default: out.append(character)
            }
        }
        return out
    }

    /// Consecutive sentences of the pool from `start` until the text has at least `length`
    /// characters.
    static func text(from start: Int, length: Int, pool: [String] = sentences) -> (String, Int) {
        var text = ""
        var next = start
        while text.count < length && next < pool.count {
            text += pool[next]
            next += 1
        }
        return (text, next)
    }

    /// A folder of article versions: articles in web, print and plain form, truncated to the
    /// first 60-75 % (reformatted, with up to two edits), edited (1-4 edits); short items of
    /// 80-260 characters with 2-5 scattered one-character edits; and templated reports that
    /// differ in their facts (another date, another committee), each its own group.
    static func versions(seed: UInt64 = 15) -> GeneratedCorpus {
        var random = SplitMix64(seed: seed)
        var corpus = GeneratedCorpus()
        var next = 0
        var group = 0
        // Articles of 400-900 characters, each from its own sentences.
        while next < sentences.count * 2 / 3 {
            let (article, after) = text(from: next, length: 400 + Int(random.next() % 500))
            next = after
            corpus.add(article, group: group, kind: "web")
            corpus.add(printLayout(article, &random), group: group, kind: "print")
            if random.next() % 2 == 0 { corpus.add(plainLayout(article), group: group, kind: "plain") }
            let cut = Double(60 + Int(random.next() % 16)) / 100
            let truncated = String(article.prefix(Int(cut * Double(article.count))))
            corpus.add(
                printLayout(edit(truncated, count: Int(random.next() % 3), &random), &random),
                group: group, kind: "truncated")
            corpus.add(
                edit(article, count: 1 + Int(random.next() % 4), &random), group: group,
                kind: "edited")
            group += 1
        }
        // Short items of 80-260 characters.
        while next < sentences.count {
            let (item, after) = text(from: next, length: 80 + Int(random.next() % 120))
            next = after
            if item.count < 80 || item.count > 260 { continue }
            corpus.add(item, group: group, kind: "short")
            for _ in 0..<(1 + Int(random.next() % 2)) {
                corpus.add(
                    edit(item, count: 2 + Int(random.next() % 4), &random), group: group,
                    kind: "short")
            }
            group += 1
        }
        // Templated reports: the same wording, other facts; each twin with a print version.
        for (template, fills) in templates {
            for fill in fills {
                var report = template
                for (slot, value) in fill.enumerated() {
                    report = report.replacingOccurrences(of: "{\(slot)}", with: value)
                }
                corpus.add(report, group: group, kind: "twin")
                corpus.add(printLayout(report, &random), group: group, kind: "twin")
                group += 1
            }
        }
        return corpus
    }

    /// Templates of short reports with their slots `{0}`, `{1}`, … and the facts of each twin.
    static let templates: [(String, [[String]])] = [
        (
            "本报北京{0}电　{1}{0}召开全体会议，听取关于{2}情况的汇报，审议通过了有关工作安排。会议强调，要认真贯彻落实党中央决策部署，扎实做好各项工作，确保取得实效。",
            [
                ["3月5日", "全国人大常委会法制工作委员会", "立法规划执行"],
                ["4月18日", "全国政协经济委员会", "重点提案办理"],
                ["9月2日", "国务院国有资产监督管理委员会", "中央企业改革"],
            ]
        ),
        (
            "记者从{0}获悉，{1}，全市共完成{2}项重点工程，完成投资{3}亿元，同比增长{4}%。下一步将继续加大推进力度，确保全年目标任务顺利完成。",
            [
                ["市发展改革委", "今年一季度", "128", "356", "12"],
                ["市住房城乡建设局", "今年上半年", "86", "214", "7"],
                ["市交通运输局", "前三季度", "47", "98", "15"],
            ]
        ),
        (
            "{0}党组召开理论学习中心组学习会，围绕{1}进行专题研讨。{2}主持会议并讲话，要求各处室结合工作实际，把学习成果转化为推动{1}的实际成效。",
            [
                ["省教育厅", "基础教育综合改革", "厅党组书记王建国"],
                ["省生态环境厅", "大气污染联防联控", "厅党组书记刘晓明"],
                ["省农业农村厅", "乡村产业振兴", "厅党组副书记陈志刚"],
            ]
        ),
    ]

    /// The excerpt stress corpus: documents of 5-8 sentences (of 30-60 characters, so no one
    /// sentence dominates a short text) drawn from a small pool (so they
    /// share sentences by chance), a third with an edited version, and short documents that
    /// are excerpts (2-3 consecutive sentences) of one of them, so contained in it and, often,
    /// in others that hold the same sentences. An excerpt's true group is its source's; no two
    /// groups have excerpts of the same sentences (they would be versions of each other).
    static func excerpts(
        longDocuments: Int = 300, excerptsPerDocument: Int = 2, poolSize: Int = 100,
        seed: UInt64 = 16
    ) -> GeneratedCorpus {
        var random = SplitMix64(seed: seed)
        let pool = Array(sentences.filter { (30...60).contains($0.count) }.prefix(poolSize))
        var corpus = GeneratedCorpus()
        var excerpted: [Set<String>: Int] = [:]  // the sentences of each excerpt → its group
        for group in 0..<longDocuments {
            var chosen: [String] = []
            while chosen.count < 5 + Int(random.next() % 4) {
                let sentence = pool[Int(random.next() % UInt64(pool.count))]
                if !chosen.contains(sentence) { chosen.append(sentence) }
            }
            corpus.add(chosen.joined(), group: group, kind: "long")
            if group % 3 == 0 {
                corpus.add(edit(chosen.joined(), count: 2, &random), group: group, kind: "long")
            }
            for _ in 0..<excerptsPerDocument {
                // An excerpt of the same sentences as another group's (in any order) would be a
                // version of it in another true group, which no clustering can meet: draw
                // another, up to 10 times.
                for _ in 0..<10 {
                    let length = 2 + Int(random.next() % 2)
                    let start = Int(random.next() % UInt64(chosen.count - length + 1))
                    let sentences = chosen[start..<(start + length)]
                    if excerpted[Set(sentences), default: group] == group {
                        excerpted[Set(sentences)] = group
                        corpus.add(sentences.joined(), group: group, kind: "excerpt")
                        break
                    }
                }
            }
        }
        return corpus
    }
}
