/// How far clustering has come, for a progress display.
public struct ClusterProgress: Sendable, Equatable {
    /// The two passes over the documents.
    public enum Phase: String, Sendable {
        /// Pass 1: every document is read, shingled and signed.
        case signatures
        /// Verification: candidate pairs are checked on what pass 1 stored.
        case verification
    }

    /// The pass under way.
    public var phase: Phase
    /// Documents (pass 1) or candidate pairs (verification) finished.
    public var done: Int
    /// Documents (pass 1) or candidate pairs (verification) in all.
    public var total: Int

    /// A progress report.
    ///
    /// - Complexity: O(1).
    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}

extension ClusterProgress {
    /// `progress` fed by a count of items done in `phase`, as `ParallelChunks` reports it; `nil`
    /// when there is no display.
    ///
    /// - Complexity: O(1); each report is O(1).
    static func reporting(_ phase: Phase, to progress: (@Sendable (ClusterProgress) -> Void)?)
        -> (@Sendable (_ done: Int, _ total: Int) -> Void)?
    {
        guard let progress else { return nil }
        return { @Sendable done, total in progress(ClusterProgress(phase: phase, done: done, total: total)) }
    }
}
