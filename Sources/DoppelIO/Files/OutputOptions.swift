/// How output files are replaced: whether a read-only file may be, and how long a writer waits
/// for another one writing the same index. One value per command; the defaults are stated once
/// here (`standard`) and the executable's help takes them from it.
public struct OutputOptions: Sendable, Equatable {
    /// Replace a file whose owner has no write permission (`chmod a-w`): without it, such a file
    /// is refused as "read-only". Default false.
    public var force: Bool
    /// Seconds a writer of an index waits for another writer of it (`WriterLock`) before giving
    /// up, naming the holder. Default 60; 0 tries once.
    public var lockTimeout: Double

    /// The defaults: read-only files refused, a minute of waiting for a lock.
    public static let standard = OutputOptions(checkedForce: false, lockTimeout: 60)

    /// Validated options.
    ///
    /// - Throws: `DoppelError.invalidOption` for `--lock-timeout` when the wait is negative,
    ///   not finite, or more than a day.
    public init(force: Bool = standard.force, lockTimeout: Double = standard.lockTimeout) throws {
        guard lockTimeout.isFinite, lockTimeout >= 0, lockTimeout <= 86_400 else {
            throw DoppelError.invalidOption(name: "--lock-timeout", reason: "a number of seconds from 0 to 86400")
        }
        self.init(checkedForce: force, lockTimeout: lockTimeout)
    }

    private init(checkedForce force: Bool, lockTimeout: Double) {
        self.force = force
        self.lockTimeout = lockTimeout
    }
}
