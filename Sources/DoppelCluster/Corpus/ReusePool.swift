import Foundation

/// Values that worker threads borrow for one chunk of work and give back, so that buffers keep
/// the capacity they grew to from one chunk to the next: a buffer of a few hundred kilobytes
/// allocated afresh for every chunk is mapped and unmapped each time (`mallopt`'s threshold in
/// the executable), and every one of its pages is faulted in and zeroed again.
///
/// Holds at most as many values as were ever borrowed at once (one per worker).
final class ReusePool<Value>: @unchecked Sendable {
    private let make: () -> Value
    private let lock = NSLock()
    private var idle: [Value] = []

    /// A pool that makes a new value with `make` when none is idle.
    ///
    /// - Complexity: O(1).
    init(_ make: @escaping () -> Value) { self.make = make }

    /// Runs `body` with a value no other thread is using, and keeps it for the next call.
    ///
    /// - Complexity: O(1) besides `body` (and `make` when no value is idle).
    func with<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        var value = idle.popLast()
        lock.unlock()
        if value == nil { value = make() }
        defer {
            lock.lock()
            idle.append(value!)
            lock.unlock()
        }
        return try body(&value!)
    }
}
