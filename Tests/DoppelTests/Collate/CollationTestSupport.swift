@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

/// Collations of the sample pages and the way to compare two collations whatever the order of
/// their witnesses.
enum CollationSamples {
    /// The print page further edited: a third version (马女士 → 张女士 once, 郑莉 → 郑丽, a word
    /// inserted).
    static var printV3: SourceText {
        var text = String(Samples.source(Samples.print).scalars.map(Character.init))
        text = text.replacingFirst("马女士", with: "张女士")
        text = text.replacingFirst("郑莉", with: "郑丽")
        text = text.replacingFirst("感谢短信", with: "感谢长短信")
        return SourceText(path: "v3.txt", text: text)
    }

    /// The web page edited in one place (a fourth version).
    static var webV2: SourceText {
        var text = String(Samples.source(Samples.web).scalars.map(Character.init))
        text = text.replacingFirst("感谢信", with: "感谢函")
        return SourceText(path: "web-v2.txt", text: text)
    }

    /// What a collation says, keyed by the witnesses' paths instead of their ids: each variant
    /// location as its readings (text and each witness's original range), each only-in passage
    /// as its witnesses' original ranges. Equal for two collations of the same files in any order.
    static func signature(_ c: Collation) -> Set<String> {
        func place(_ w: Int, _ range: Range<Int>) -> String {
            let witness = c.witnesses[w]
            let original = witness.text.originRange(of: range)
            return "\(witness.source.path)@\(original.lowerBound)-\(original.upperBound)"
        }
        var result = Set<String>()
        for location in c.variants {
            let readings = location.readings.map { reading in
                c.text(of: reading) + "="
                    + zip(reading.witnesses, reading.ranges).map(place).sorted().joined(separator: ",")
            }.sorted()
            result.insert("variant " + readings.joined(separator: " | ") + (location.moved ? " moved" : ""))
        }
        for only in c.onlyIn {
            result.insert("only " + zip(only.witnesses, only.ranges).map(place).sorted().joined(separator: ","))
        }
        return result
    }

    /// The readings of every variant location as `[path: text]`.
    static func readings(_ c: Collation) -> [[String: String]] {
        c.variants.map { location in
            var map: [String: String] = [:]
            for reading in location.readings {
                for w in reading.witnesses { map[c.witnesses[w].source.path] = c.text(of: reading) }
            }
            return map
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { preconditionFailure("\(target) not found") }
        return replacingCharacters(in: range, with: replacement)
    }
}
