import Testing
@testable import Doppel
@Test func scriptClassOfHanIsIdeograph() { #expect(ScriptClass.of(0x738B) == .ideograph) }
