import Dispatch
import Foundation

/// Runs work over `0 ..< count` in chunks on all cores (`DispatchQueue.concurrentPerform`), with
/// progress reports (`done` of `total` items, which the caller names) and deterministic errors: when documents fail, the error of the earliest one
/// is thrown, and chunks after it are skipped.
package struct ParallelChunks {
    /// Items per chunk: small enough to balance two cores and report progress often, large
    /// enough that scheduling costs nothing next to reading a document.
    let chunkSize: Int

    /// Runs chunks of `chunkSize` items.
    ///
    /// - Complexity: O(1).
    package init(chunkSize: Int) {
        precondition(chunkSize > 0, "a chunk holds at least one item")
        self.chunkSize = chunkSize
    }

    /// Calls `body` with each chunk's range (several at once, in no particular order), reports
    /// `(done, count)` to `progress` after each chunk (serialised, `done` increasing), and throws
    /// the error of the earliest failing chunk.
    package func run(
        count: Int, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        _ body: @Sendable (Range<Int>) throws -> Void
    ) throws {
        let chunks = (count + chunkSize - 1) / chunkSize
        let state = Locked(State())
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
            if state.withLock({ $0.failedChunk.map { $0 < chunk } ?? false }) { return }
            do {
                try body(range)
            } catch {
                state.withLock { state in
                    if state.failedChunk.map({ chunk < $0 }) ?? true {
                        state.failedChunk = chunk
                        state.error = error
                    }
                }
                return
            }
            state.withLock { state in
                state.done += range.count
                progress?(state.done, count)
            }
        }
        if let error = state.withLock({ $0.error }) { throw error }
    }

    private struct State {
        var done = 0
        var failedChunk: Int?
        var error: (any Error)?
    }
}

/// A value guarded by a lock, shared between worker threads.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
