import Testing

@testable import DoppelCompare
@testable import DoppelIO

@Suite struct FailurePolicyTests {
    /// 35 edits, 4 passages only in B.
    static let samples = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
    static let identical = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.web))

    @Test func anyFailsOnEditsOrOneSidedText() throws {
        let policy = try FailurePolicy()
        #expect(policy.failures(Self.samples) == ["35 edits", "4 passages only in B"])
        #expect(!policy.fails(Self.identical))
        #expect(policy.failsUnmatched)
    }

    @Test func editsIgnoresOneSidedText() throws {
        #expect(try FailurePolicy(findings: .edits).failures(Self.samples) == ["35 edits"])
        #expect(try FailurePolicy(findings: .edits, maxEdits: 35).failures(Self.samples).isEmpty)
        #expect(try !FailurePolicy(findings: .edits).failsUnmatched)
    }

    @Test func onlyIgnoresEdits() throws {
        #expect(try FailurePolicy(findings: .only).failures(Self.samples) == ["4 passages only in B"])
    }

    @Test func maxEditsAcceptsUpToNEdits() throws {
        #expect(try FailurePolicy(maxEdits: 34).failures(Self.samples).first == "35 edits (more than 34)")
        #expect(try FailurePolicy(maxEdits: 35).failures(Self.samples) == ["4 passages only in B"])
    }

    @Test func negativeMaxEditsIsInvalid() {
        #expect(throws: DoppelError.self) { try FailurePolicy(maxEdits: -1) }
    }

    @Test func inconsistentFailsOnlyOnAnOldFormKept() throws {
        let policy = try FailurePolicy(findings: .inconsistent)
        #expect(!policy.fails(try CheckFixtures.samples()))
        #expect(
            policy.failures(try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm)) == [
                "王女士 → 马女士 kept at 1 place"
            ])
        #expect(!policy.fails(Self.samples))  // not checked: nothing to judge
        #expect(!policy.failsUnmatched)
    }
}
