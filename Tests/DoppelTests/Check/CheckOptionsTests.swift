import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct CheckOptionsTests {
    @Test func standardHoldsTheDocumentedDefaults() {
        let o = CheckOptions.standard
        #expect(o.consistency && o.maximumContext == 4 && o.minimumUnits == 2)
        #expect(o.maximumOccurrences == 8 && o.minimumCohesion == 0.5 && o.examples == 3)
    }

    @Test func outOfRangeValuesAreInvalidOptions() {
        #expect(throws: DoppelError.self) { try CheckOptions(maximumContext: 17) }
        #expect(throws: DoppelError.self) { try CheckOptions(minimumUnits: 0) }
        #expect(throws: DoppelError.self) { try CheckOptions(maximumOccurrences: 1) }
        #expect(throws: DoppelError.self) { try CheckOptions(minimumCohesion: 1.5) }
        #expect(throws: DoppelError.self) { try CheckOptions(examples: -1) }
    }
}
