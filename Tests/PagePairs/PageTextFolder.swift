import Foundation

extension PageText {
    /// A folder of text that cannot be read as `init(folder:)` expects: the one-line message
    /// names the file and the problem.
    public struct FolderError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a folder of articles (the format of `Tests/PagePairs/FreshText`, described in its
    /// README.md): every `zh-*.txt` and `en-*.txt` is one article, its header lines
    /// (`kicker:`, `headline:`, `subhead:`, `byline:`, `headline:` required) up to the first
    /// blank line, then one body paragraph a line; `sentences-zh.txt` holds the Chinese sentences
    /// the generator makes articles and added paragraphs of (apart from the articles, so that a
    /// page made of both repeats no sentence), `added-en.txt` the English paragraphs an edit
    /// adds, one a line. Chinese text is written with full-width `，：；！？（）`, read into the
    /// web edition's ASCII forms. The generator then builds its pages from this text alone.
    ///
    ///     let text = try PageText(folder: "Tests/PagePairs/FreshText")
    ///     let pairs = PagePairGenerator(text: text).standardSet()
    ///
    /// - Throws: `FolderError` for a folder that cannot be listed, a file that is not UTF-8, an
    ///   article without a headline or a body, or a folder without Chinese and English articles,
    ///   Chinese sentences or English paragraphs to add.
    /// - Complexity: O(n) in the size of the folder's text.
    public init(folder: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw FolderError(description: "\(folder): cannot list the folder")
        }
        func read(_ name: String) throws -> String {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else { throw FolderError(description: "\(path): cannot be read as UTF-8 text") }
            return text
        }
        var chinese: [Article] = []
        var english: [Article] = []
        var added: [String] = []
        var pool: [String] = []
        for name in names where name.hasSuffix(".txt") {
            let path = folder + "/" + name
            if name == "sentences-zh.txt" {
                pool = PageText.sentences(of: try read(name))
            } else if name == "added-en.txt" {
                added = try read(name).components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            } else if name.hasPrefix("zh-") {
                chinese.append(try PageText.article(try read(name), english: false, path: path))
            } else if name.hasPrefix("en-") {
                english.append(try PageText.article(try read(name), english: true, path: path))
            }
        }
        guard !chinese.isEmpty, !english.isEmpty, !pool.isEmpty, !added.isEmpty else {
            throw FolderError(
                description: "\(folder): needs zh-*.txt and en-*.txt articles, sentences-zh.txt and added-en.txt")
        }
        self.chinese = chinese
        self.english = english
        sentences = pool
        addedEnglish = added
    }

    /// One article of the folder format: header lines, a blank line, one paragraph a line.
    static func article(_ text: String, english: Bool, path: String) throws -> Article {
        var lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }[...]
        var fields: [String: String] = [:]
        while let line = lines.first, !line.isEmpty {
            lines = lines.dropFirst()
            guard let colon = line.firstIndex(of: ":"),
                ["kicker", "headline", "subhead", "byline"].contains(String(line[..<colon]))
            else { throw FolderError(description: "\(path): not a header line: \(line)") }
            fields[String(line[..<colon])] = webForm(
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), english)
        }
        let paragraphs = lines.filter { !$0.isEmpty }.map { webForm($0, english) }
        guard let headline = fields["headline"], !headline.isEmpty, !paragraphs.isEmpty else {
            throw FolderError(description: "\(path): an article needs a headline: line and a body")
        }
        return Article(
            kicker: fields["kicker"], headline: headline, subhead: fields["subhead"], byline: fields["byline"],
            paragraphs: paragraphs, english: english)
    }

    /// Chinese text in the web edition's form (`，` → `,`, as `ascii(_:)`); English as written.
    private static func webForm(_ s: String, _ english: Bool) -> String {
        english ? s : String(String.UnicodeScalarView(s.unicodeScalars.map(PageText.ascii)))
    }
}
