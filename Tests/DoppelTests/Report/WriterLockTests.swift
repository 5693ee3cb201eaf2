import Foundation
import Testing

@testable import Doppel

@Test func aSecondWriterWaitsThenGivesUpNamingTheHolder() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("a.doppel")
    let first = try WriterLock(for: path, timeout: 0)
    #expect(first.lockPath == folder.path(".a.doppel.lock"))
    // flock(2) locks belong to an open file, so a second lock in the same process conflicts.
    #expect(
        throws: DoppelError.unwritable(
            path: path, reason: "another doppel (PID \(getpid())) is writing it; gave up after 0 s (--lock-timeout)")
    ) {
        try WriterLock(for: path, timeout: 0)
    }
    first.release()
    let second = try WriterLock(for: path, timeout: 0)
    second.release()
}

@Test func everyNameOfATargetSharesOneLock() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("a.doppel")
    #expect(symlink("a.doppel", folder.path("link.doppel")) == 0)
    let held = try WriterLock(for: folder.path("link.doppel"), timeout: 0)
    #expect(held.lockPath == folder.path(".a.doppel.lock"))
    #expect(throws: DoppelError.self) { try WriterLock(for: path, timeout: 0) }
}

@Test func aLinkPlantedAsTheLockFileIsNeverFollowed() throws {
    let folder = try TemporaryFolder()
    try IndexFixture.write(Array("precious\n".utf8), to: folder.path("precious"))
    #expect(symlink(folder.path("precious"), folder.path(".a.doppel.lock")) == 0)
    #expect(throws: DoppelError.self) { try WriterLock(for: folder.path("a.doppel"), timeout: 0) }
    #expect(try IndexFixture.bytes(folder.path("precious")) == Array("precious\n".utf8))
}

@Test func devicesTakeNoLock() throws {
    let lock = try WriterLock(for: "/dev/null", timeout: 0)
    #expect(lock.lockPath == nil)
}

@Test func lockTimeoutsAreValidated() throws {
    #expect(OutputOptions.standard.lockTimeout == 60 && !OutputOptions.standard.force)
    #expect(throws: DoppelError.self) { try OutputOptions(lockTimeout: -1) }
    #expect(throws: DoppelError.self) { try OutputOptions(lockTimeout: .infinity) }
}
