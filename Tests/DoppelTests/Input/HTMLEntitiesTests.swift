import Testing

@testable import DoppelText

@Test func namedEntitiesCoverLatin1GreekAndPunctuation() {
    #expect(HTMLEntities.named("nbsp") == 0xA0)
    #expect(HTMLEntities.named("yuml") == 0xFF)
    #expect(HTMLEntities.named("Omega") == 0x3A9)
    #expect(HTMLEntities.named("sigma") == 0x3C3)
    #expect(HTMLEntities.named("sigmaf") == 0x3C2)
    #expect(HTMLEntities.named("rsquo") == 0x2019)
    #expect(HTMLEntities.named("NBSP") == nil)
}

@Test func numericReferencesFollowBrowsers() {
    #expect(HTMLEntities.numeric(0) == "\u{FFFD}")
    #expect(HTMLEntities.numeric(0xD800) == "\u{FFFD}")
    #expect(HTMLEntities.numeric(0x110000) == "\u{FFFD}")
    #expect(HTMLEntities.numeric(0x93) == "\u{201C}")
    #expect(HTMLEntities.numeric(0x4E2D) == "中")
}
