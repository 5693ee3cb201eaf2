import Testing

@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

@Suite struct AgreementTests {
    static let variants = [
        VariantLocation(
            readings: [Reading(witnesses: [0], ranges: [0..<1]), Reading(witnesses: [1, 2], ranges: [0..<1, 0..<1])],
            moved: false),
        VariantLocation(
            readings: [Reading(witnesses: [0, 1], ranges: [5..<6, 5..<6]), Reading(witnesses: [2], ranges: [5..<5])],
            moved: false),
        VariantLocation(
            readings: [
                Reading(witnesses: [0, 2], ranges: [9..<9, 9..<9]), Reading(witnesses: [1], ranges: [9..<12]),
            ], moved: false),
    ]

    @Test func differencesCountThePlacesWhereTwoWitnessesReadDifferently() {
        let shares = [[1, 0.9, 0.8], [0.9, 1, 0.95], [0.8, 0.95, 1]]
        let a = Agreement(shares: shares, variants: Self.variants)
        #expect(a.differences == [[0, 2, 2], [2, 0, 2], [2, 2, 0]])
    }

    @Test func theClosestWitnessHasTheHighestShareThenTheFewestDifferences() {
        let a = Agreement(
            shares: [[1, 0.9, 0.9], [0.9, 1, 0.95], [0.9, 0.95, 1]],
            differences: [[0, 3, 1], [3, 0, 2], [1, 2, 0]])
        #expect(a.closest(to: 1) == 2)
        #expect(a.closest(to: 0) == 2)  // equal shares: fewer differences
        #expect(Agreement(shares: [[1]], differences: [[0]]).closest(to: 0) == nil)
    }
}
