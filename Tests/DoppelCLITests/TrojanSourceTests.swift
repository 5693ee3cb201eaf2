import Foundation
import Testing

/// Bidirectional controls ("Trojan Source", CVE-2021-42574) are never diffed away: a text that
/// displays differently because of them differs, with edits of kind `control` that every report
/// shows by name and `--fail-on edits` counts.
@Suite struct TrojanSourceTests {
    private static func pair() throws -> (Scratch, String, String) {
        let scratch = try Scratch("bidi")
        let plain = try scratch.write("plain.txt", text: "The access level is user for everyone. 扎实推进各项工作，确保取得实效。\n")
        let tricked = try scratch.write(
            "tricked.txt", text: "The access level is \u{202E}user\u{202C} for everyone. 扎实推进各项工作，确保取得实效。\n")
        return (scratch, plain, tricked)
    }

    @Test func aDifferenceInBidirectionalControlsIsAControlEdit() throws {
        let (scratch, plain, tricked) = try Self.pair()
        defer { withExtendedLifetime(scratch) {} }
        let text = try DoppelProcess.run(["diff", plain, tricked])
        #expect(text.status == 1)
        #expect(text.stdout.contains("control     evel is {+<RLO>+}user<PDF> fo"))  // B's context
        #expect(text.stdout.contains("2 edits (0 number, 0 punctuation, 0 text, 2 control)"))
        #expect(!text.stdout.unicodeScalars.contains("\u{202E}"))
        let gate = try DoppelProcess.run(["diff", "--fail-on", "edits", plain, tricked])
        #expect(gate.status == 1)
        let json = try DoppelProcess.run(["diff", "-f", "json", plain, tricked])
        #expect(json.stdout.components(separatedBy: "\"kind\": \"control\"").count == 3)
        let html = try DoppelProcess.run(["diff", "-f", "html", plain, tricked])
        #expect(html.stdout.contains("<span class=\"bidi\">&lt;RLO&gt;</span>"))
        #expect(html.stdout.contains("2 control (bidirectional)"))
        #expect(!html.stdout.unicodeScalars.contains("\u{202E}"))
    }

    @Test func zeroWidthSpacesAndSoftHyphensStayLayout() throws {
        let scratch = try Scratch("zwsp")
        let a = try scratch.write("a.txt", text: "扎实推进各项工作，确保取得实效。access\n")
        let b = try scratch.write("b.txt", text: "扎实\u{200B}推进各项工作，确保取得实效。ac\u{00AD}cess\n")
        let run = try DoppelProcess.run(["diff", "--fail-on", "edits", a, b])
        #expect(run.status == 0, "\(run.stdout)")
    }
}
