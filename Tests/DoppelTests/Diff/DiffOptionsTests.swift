import Testing

@testable import DoppelDiff
@testable import DoppelIO

@Test func diffOptionsRejectANegativeBudget() throws {
    #expect(throws: DoppelError.invalidOption(name: "costBudget", reason: "-1 is negative")) {
        try DiffOptions(costBudget: -1)
    }
    #expect(try DiffOptions(costBudget: 0).costBudget == 0)
}
