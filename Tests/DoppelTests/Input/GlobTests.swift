import Testing

@testable import DoppelText

@Test(arguments: [
    ("*.txt", "a.txt", true), ("*.txt", "a.txt.bak", false), ("*", "", true),
    ("a?c", "abc", true), ("a?c", "ac", false), ("?", "中", true),
    ("[abc]*", "banana", true), ("[!abc]*", "banana", false), ("[^a-c]x", "dx", true),
    ("[a-z][0-9]", "q7", true), ("[]]", "]", true), ("[!]]", "a", true),
    ("\\*", "*", true), ("\\*", "a", false), ("[", "[", true), ("*a*b*c", "xaybzc", true),
    ("*a*b*c", "xaybz", false), ("报纸_*.TXT", "报纸_0407.TXT", true), ("*.TXT", "a.txt", false),
])
func globMatchesWholeNames(pattern: String, name: String, expected: Bool) {
    #expect(Glob(pattern).matches(name) == expected)
}

@Test func manyStarsDoNotBlowUp() {
    let pattern = Glob(String(repeating: "*a", count: 50) + "b")
    #expect(!pattern.matches(String(repeating: "a", count: 2_000)))
}
