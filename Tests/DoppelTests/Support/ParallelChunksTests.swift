import Testing

@testable import DoppelIO

private struct Failure: Error, Equatable { let index: Int }

@Test func parallelChunksVisitEveryIndexOnceAndReportProgress() throws {
    let visits = SharedSlots(repeating: 0, count: 1000)
    let reports = Locked<[Int]>([])
    try ParallelChunks(chunkSize: 64).run(
        count: 1000,
        progress: { done, total in
            reports.withLock { $0.append(done) }
            #expect(total == 1000)
        }
    ) { range in
        for index in range { visits[index] += 1 }
    }
    #expect(visits.take(resettingTo: 0) == [Int](repeating: 1, count: 1000))
    let done = reports.withLock { $0 }
    #expect(done == done.sorted())
    #expect(done.last == 1000)
}

@Test func parallelChunksThrowTheEarliestFailure() {
    #expect(throws: Failure(index: 300)) {
        try ParallelChunks(chunkSize: 10).run(count: 1000, progress: nil) {
            range in
            for index in range where index == 300 || index == 700 || index == 999 {
                throw Failure(index: index)
            }
        }
    }
}
