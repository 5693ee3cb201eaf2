import DoppelText
import Foundation

/// Normalisers for worker threads: a `Normalizer` caches folding tables and must not be shared,
/// so each worker borrows one for the duration of a call and returns it.
final class NormalizerPool: @unchecked Sendable {
    private let options: NormalizationOptions
    private let lock = NSLock()
    private var idle: [Normalizer] = []

    init(options: NormalizationOptions) { self.options = options }

    /// Runs `body` with a normaliser no other thread is using.
    func with<T>(_ body: (Normalizer) throws -> T) rethrows -> T {
        lock.lock()
        let normalizer = idle.popLast() ?? Normalizer(options: options)
        lock.unlock()
        defer {
            lock.lock()
            idle.append(normalizer)
            lock.unlock()
        }
        return try body(normalizer)
    }
}
