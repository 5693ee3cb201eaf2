import Doppel
import Foundation

/// Where a command's output goes: standard output, or an atomically written file (`-o`), and
/// whether it may be coloured. Standard error gets progress and one-line errors only.
struct Console {
    enum ColorChoice: String { case auto, always, never }

    var outputPath: String?
    var color: Bool
    /// How the `-o` file is replaced (`--force`).
    var options: OutputOptions

    /// Decides colour once: `always`, `never`, or `auto` = standard output is a terminal, no
    /// `-o` file, and `NO_COLOR` unset or empty.
    init(parsed: ParsedArguments, environment: [String: String], outputPath: String? = nil) throws {
        self.outputPath = Console.file(outputPath)
        options = try SharedOptions.outputOptions(parsed)
        let raw = parsed.value("color") ?? "auto"
        guard let choice = ColorChoice(rawValue: raw) else {
            throw UsageError("Invalid value '\(raw)' for '--color <WHEN>': use auto, always or never")
        }
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            color = !noColor && self.outputPath == nil && isatty(STDOUT_FILENO) == 1
        }
    }

    /// The file an `-o PATH` names: nil for none, and for `-`, which is standard output.
    static func file(_ outputPath: String?) -> String? { outputPath == "-" ? nil : outputPath }

    /// Writes the whole output: to the `-o` file atomically, or to standard output.
    func emit(_ bytes: [UInt8]) throws {
        if let outputPath {
            try OutputFile.write(bytes, to: outputPath, options: options, onTemporary: Signals.track)
        } else {
            try bytes.withUnsafeBytes { try Console.writeStandardOutput($0) }
        }
    }

    /// Writes `text` to `-o`'s file or standard output.
    func emit(_ text: String) throws {
        if let outputPath {
            try OutputFile.write(text, to: outputPath, options: options, onTemporary: Signals.track)
        } else {
            try Console.writeStandardOutput(text)
        }
    }

    /// Writes all of `text` to standard output, through pipes that are slow to read.
    ///
    /// - Throws: `DoppelError.unwritable` naming standard output (a full disk, a closed
    ///   descriptor). A pipe closed by its reader (`| head`) ends the process by SIGPIPE, as it
    ///   does `cat` and `diff`.
    static func writeStandardOutput(_ text: String) throws {
        var text = text
        try text.withUTF8 { try writeStandardOutput(UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes` to standard output; see `writeStandardOutput(_:)`.
    static func writeStandardOutput(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw DoppelError.unwritable(path: "standard output", reason: DoppelError.reason(errno: errno))
            }
            offset += n
        }
    }

    static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress!, buffer.count) }
    }

    /// Keeps descriptors 0, 1 and 2 taken when the parent closed them (`>&-`): each closed one
    /// gets `/dev/null` opened read-only, so a file doppel opens never becomes its standard output
    /// by accident, and a write to a closed standard output fails as "bad file descriptor".
    static func reserveStandardDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    /// True when standard error is a terminal (progress lines are shown only then).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Signal handling: every catchable signal that ends a process (SIGHUP, SIGINT, SIGQUIT,
/// SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR,
/// SIGSTKFLT) removes a temporary output file being written, then exits with 128 + the signal
/// number, leaving any previous output file intact. SIGPIPE removes it too and then ends the
/// process by the signal, quietly, as it ends any filter. SIGBUS (a memory-mapped index cut
/// short while it is read) removes it too and exits with status 2 and one line naming the file,
/// like any unreadable input. Crash signals (SIGSEGV, SIGILL, SIGTRAP…) are left to the Swift
/// runtime, which reports them; a crash, like SIGKILL, which cannot be caught, leaves the
/// temporary file to the next write to the same target, which removes it (`AtomicFile`).
enum Signals {
    /// The signals that end the run with status 128 + the signal.
    static let terminating: [Int32] = [
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
        SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT,
    ]

    nonisolated(unsafe) private static var temporaryPath: UnsafeMutablePointer<CChar>?
    /// The line SIGBUS writes: `doppel: PATH: cannot read (…)`, made before the file is mapped,
    /// since a signal handler may not allocate.
    nonisolated(unsafe) private static var busMessage: UnsafeMutablePointer<CChar>?

    static func install() {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for sig in terminating {
            signal(sig) { received in
                if let path = Signals.temporaryPath { unlink(path) }
                _exit(128 + received)
            }
            sigaddset(&blocked, sig)
        }
        signal(SIGPIPE) { received in
            if let path = Signals.temporaryPath { unlink(path) }
            signal(received, SIG_DFL)
            raise(received)
        }
        sigaddset(&blocked, SIGPIPE)
        // A child inherits its parent's signal mask, and a parent thread may block these (the
        // worker threads of libdispatch do, so a Swift program's Process starts us so): unblock
        // them, or the handlers never run and the process cannot be interrupted.
        sigprocmask(SIG_UNBLOCK, &blocked, nil)
        signal(SIGBUS) { _ in
            if let path = Signals.temporaryPath { unlink(path) }
            if let message = Signals.busMessage {
                _ = write(STDERR_FILENO, message, strlen(message))
                _exit(2)
            }
            signal(SIGBUS, SIG_DFL)  // not from a watched file: a real fault, reported as such
            raise(SIGBUS)
        }
        // A closed pipe ends the process quietly, as it does any filter, through the handler
        // above (the runtime may have ignored the signal, which would turn it into a write
        // error on every later write).
    }

    /// Names the memory-mapped file that a SIGBUS would come from.
    static func watchMappedFile(_ path: String) {
        let error = DoppelError.unreadable(path: path, reason: "the file was cut short while it was read")
        let old = busMessage
        busMessage = strdup("doppel: \(error.description)\n")
        if let old { free(old) }
    }

    /// Records (or clears) the temporary file the signal handler must remove.
    static func track(_ path: String?) {
        let old = temporaryPath
        temporaryPath = path.map { strdup($0)! }
        if let old { free(old) }
    }
}
