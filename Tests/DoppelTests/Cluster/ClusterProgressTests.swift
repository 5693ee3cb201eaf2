import Testing
@testable import DoppelCluster

@Test func progressNamesItsPhase() {
    let progress = ClusterProgress(phase: .verification, done: 3, total: 10)
    #expect(progress.phase.rawValue == "verification")
    #expect(progress.done == 3 && progress.total == 10)
}
