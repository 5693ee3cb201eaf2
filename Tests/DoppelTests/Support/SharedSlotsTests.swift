import Dispatch
import Testing

@testable import DoppelIO

@Test func sharedSlotsCollectConcurrentResultsInOrder() {
    let slots = SharedSlots(repeating: [Int](), count: 100)
    DispatchQueue.concurrentPerform(iterations: 100) { index in slots[index] = [index, index * index] }
    let results = slots.take(resettingTo: [])
    #expect(results == (0..<100).map { [$0, $0 * $0] })
    #expect(slots[5].isEmpty)
    #expect(slots.count == 100)
}
