import Doppel
import Foundation

/// A progress line on standard error (`phase: done/total`, redrawn in place at most five times a
/// second), only when standard error is a terminal; never on standard output.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var last = Date.distantPast
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    /// Shows `phase: done/total`, unless one was shown less than 0.2 s ago (the last step always shows).
    func update(_ phase: String, done: Int, total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.2 || done == total else { return }
        last = now
        shown = true
        Console.writeStandardError("\r\(phase): \(done)/\(total)\u{1B}[K")
    }

    /// The callback clustering reports through; `nil` when progress is not shown.
    var report: (@Sendable (ClusterProgress) -> Void)? {
        guard enabled else { return nil }
        return { [self] p in update(p.phase.rawValue, done: p.done, total: p.total) }
    }

    /// Clears the line, if one is shown (before other output reaches the terminal, and at the end).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Console.writeStandardError("\r\u{1B}[K") }
        shown = false
    }
}
