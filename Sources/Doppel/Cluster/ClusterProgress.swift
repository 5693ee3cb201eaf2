/// How far clustering has come, for a progress display.
public struct ClusterProgress: Sendable, Equatable {
    /// The two passes over the documents.
    public enum Phase: String, Sendable {
        /// Pass 1: every document is read, shingled and signed.
        case signatures
        /// Pass 2: documents of candidate pairs are read again and verified.
        case verification
    }

    /// The pass under way.
    public var phase: Phase
    /// Documents finished in this pass.
    public var done: Int
    /// Documents this pass reads.
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
