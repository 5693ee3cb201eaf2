import Testing
@testable import DoppelIO
@testable import DoppelDiff

@Test func diffOptionsDefaultToTheDocumentedBudgetWithCleanup() {
    let options = DiffOptions()
    #expect(options.costBudget == DiffOptions.defaultCostBudget)
    #expect(options.semanticCleanup)
}

@Test func diffOptionsRejectANegativeBudget() {
    #expect(throws: DoppelError.self) { try DiffOptions(costBudget: -1).validate() }
    #expect(throws: Never.self) { try DiffOptions(costBudget: 0).validate() }
}
