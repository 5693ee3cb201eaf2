import Foundation

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Real text for clustering tests: articles cut from the sample pages, and seeded edits of them.
enum TestCorpus {
    /// The paragraphs (at least 40 characters) of the sample pages, except the print edition
    /// `001`, which repeats page `000`.
    static let paragraphs: [String] = {
        let samples = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples")
        let names = [
            "000_d0a0d55efd38cf19.txt", "002_da410bb21e88722a.txt",
            "003_92a41e4ce2c497c1.txt", "004_faff336304fe731d.txt",
        ]
        return names.flatMap { name -> [String] in
            let text = try! String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            return text.components(separatedBy: "\n\n")
                .map { $0.replacingOccurrences(of: "\n", with: "") }
                .filter { $0.count >= 40 }
        }
    }()

    /// Distinct articles of at least `length` characters: consecutive paragraphs joined.
    static func articles(length: Int = 500) -> [String] {
        var articles: [String] = []
        var current = ""
        for paragraph in paragraphs {
            current += paragraph
            if current.count >= length {
                articles.append(current)
                current = ""
            }
        }
        return articles
    }

    /// `text` with `edits` Han characters replaced by other Han characters at seeded positions,
    /// as an editor changes a name or a word.
    static func mutate(_ text: String, edits: Int, seed: UInt64) -> String {
        var generator = SplitMix64(seed: seed)
        var characters = Array(text)
        let han = characters.indices.filter {
            ScriptClass.of(characters[$0].unicodeScalars.first!.value) == .ideograph
        }
        for _ in 0..<edits {
            let position = han[Int(generator.next() % UInt64(han.count))]
            let replacement = 0x4E00 + UInt32(generator.next() % 0x5000)
            characters[position] = Character(Unicode.Scalar(replacement)!)
        }
        return String(characters)
    }

    /// A document whose id is `id`, path `id.txt`, text `text` as is.
    static func document(_ id: String, _ text: String) -> ClusterDocument {
        ClusterDocument(id: id, path: "\(id).txt", text: NormalizedText(identity: text))
    }
}
