import Dispatch
import Testing

@testable import DoppelCluster

@Test func rowsWrittenByChunksFromManyThreadsReadBackByDocument() {
    let documents = 300
    let table = OccupancyTable(documentCount: documents)
    let words = ShingleOccupancy.words
    DispatchQueue.concurrentPerform(iterations: documents / 10) { chunk in
        let range = (chunk * 10)..<(chunk * 10 + 10)
        let rows = range.flatMap { document in (0..<words).map { UInt64(document * 1000 + $0) } }
        rows.withUnsafeBufferPointer { table.write($0, documents: range) }
    }
    for document in [0, 1, 149, 299] {
        let row = table.row(of: document)
        #expect((0..<words).allSatisfy { row[$0] == UInt64(document * 1000 + $0) })
    }
    #expect(OccupancyTable.byteCount(documentCount: 1_000_000) == 256_000_000)
}
