import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func reportingForwardsEachCountUnderItsPhaseAndNothingWithoutADisplay() {
    #expect(ClusterProgress.reporting(.signatures, to: nil) == nil)
    let received = SharedSlots<ClusterProgress?>(repeating: nil, count: 1)
    let report = ClusterProgress.reporting(.verification, to: { received[0] = $0 })
    report?(3, 10)
    #expect(received.take(resettingTo: nil) == [ClusterProgress(phase: .verification, done: 3, total: 10)])
}
