import Testing
@testable import DoppelIO
@testable import DoppelDiff

@Test func diffOptionsRejectANegativeBudget() {
    #expect(throws: DoppelError.self) { try DiffOptions(costBudget: -1).validate() }
    #expect(throws: Never.self) { try DiffOptions(costBudget: 0).validate() }
}
