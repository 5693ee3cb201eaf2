import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

@Test func chunksReadAtOnceAreTheDocumentsReadOneByOne() throws {
    let folder = try InputFixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("docs.jsonl")
    var lines = (0..<100).map {
        "{\"id\": \"n\($0)\", \"text\": \"第\($0)篇，\(String(repeating: "工会", count: $0 % 9)) x\($0)\"}"
    }
    lines[7] = "{\"id\": \"n3\", \"text\": \"a repeated id\"}"
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    let corpus = try JSONLinesCorpus(
        path: url.path, fields: JSONLinesFields(), normalization: .standard, onError: .skip)
    #expect(corpus.count == 99)
    #expect(corpus.skipped.count == 1)
    for range in [0..<64, 64..<99, 5..<9] {
        var together: [(Int, ClusterDocument)] = []
        try corpus.forEachDocument(in: range) { together.append(($0, $1)) }
        #expect(together.map(\.0) == Array(range))
        for (index, document) in together {
            let alone = try corpus.document(at: index)
            #expect(document.id == alone.id)
            #expect(document.path == alone.path)
            #expect(document.text.units == alone.text.units)
        }
    }
}
