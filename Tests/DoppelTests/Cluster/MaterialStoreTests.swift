import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO

/// Stores `batches` (each a run of documents with its values) and returns every document's
/// values read back.
private func roundTrip(_ batches: [[[UInt32]]], budget: Int) throws -> ([[UInt32]], Bool) {
    let count = batches.reduce(0) { $0 + $1.count }
    let store = MaterialStore(
        documentCount: count, directory: NSTemporaryDirectory(),
        memoryBudget: budget)
    var first = 0
    for batch in batches {
        try store.append(
            documents: first..<(first + batch.count),
            counts: batch.map { UInt32($0.count) }, values: batch.flatMap { $0 })
        first += batch.count
    }
    var buffer: [UInt32] = []
    let read = try (0..<count).map { document in
        try store.withValues(of: document, buffer: &buffer) { Array($0) }
    }
    return (read, store.spilled)
}

@Test(arguments: [0, 16, 40, 1 << 20])
func valuesReadBackAsStoredInMemoryAndInTheScratchFile(budget: Int) throws {
    let batches: [[[UInt32]]] = [[[1, 2, 3], [], [4]], [[5, 6, 7, 8]], [[9], [10, 11]]]
    let (read, spilled) = try roundTrip(batches, budget: budget)
    #expect(read == batches.flatMap { $0 })
    #expect(spilled == (budget < 4 * 11))
}

@Test func batchesAppendedFromManyThreadsReadBackWhole() throws {
    let documents = 2000
    let store = MaterialStore(
        documentCount: documents, directory: NSTemporaryDirectory(),
        memoryBudget: 4 * 10_000)
    let failures = Locked(0)
    DispatchQueue.concurrentPerform(iterations: documents / 10) { chunk in
        let range = (chunk * 10)..<(chunk * 10 + 10)
        let values = range.map { document in (0..<(document % 13)).map { UInt32(document * 100 + $0) } }
        do {
            try store.append(
                documents: range, counts: values.map { UInt32($0.count) },
                values: values.flatMap { $0 })
        } catch {
            failures.withLock { $0 += 1 }
        }
    }
    #expect(failures.withLock { $0 } == 0)
    #expect(store.spilled)
    var buffer: [UInt32] = []
    for document in 0..<documents {
        let values = try store.withValues(of: document, buffer: &buffer) { Array($0) }
        #expect(values == (0..<(document % 13)).map { UInt32(document * 100 + $0) })
    }
}

@Test func theScratchFileLeavesNothingBehindInItsFolder() throws {
    let folder = NSTemporaryDirectory() + "doppel-store-\(getpid())"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let store = MaterialStore(documentCount: 1, directory: folder, memoryBudget: 0)
    try store.append(documents: 0..<1, counts: [3], values: [7, 8, 9])
    #expect(store.spilled)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
}
