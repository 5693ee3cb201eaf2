import Doppel
import Foundation

/// Where a command's output goes: standard output, or an atomically written file (`-o`), and
/// whether it may be coloured. Standard error gets progress and one-line errors only.
struct Console {
    enum ColorChoice: String { case auto, always, never }

    var outputPath: String?
    var color: Bool

    /// Decides colour once: `always`, `never`, or `auto` = standard output is a terminal, no
    /// `-o` file, and `NO_COLOR` unset or empty.
    init(parsed: ParsedArguments, environment: [String: String], outputPath: String? = nil) throws {
        self.outputPath = outputPath
        let raw = parsed.value("color") ?? "auto"
        guard let choice = ColorChoice(rawValue: raw) else {
            throw UsageError("Invalid value '\(raw)' for '--color <WHEN>': use auto, always or never")
        }
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            color = !noColor && outputPath == nil && isatty(STDOUT_FILENO) == 1
        }
    }

    /// Writes the whole output: to the `-o` file atomically, or to standard output.
    func emit(_ text: String) throws {
        if let outputPath {
            try OutputFile.write(Array(text.utf8), to: outputPath, onTemporary: Signals.track)
        } else {
            Console.writeStandardOutput(text)
        }
    }

    static func writeStandardOutput(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }

    static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress!, buffer.count) }
    }

    /// True when standard error is a terminal (progress lines are shown only then).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// SIGINT and SIGTERM handling: remove a temporary output file being written, then exit with
/// 128 + the signal number, leaving any previous output file intact.
enum Signals {
    nonisolated(unsafe) private static var temporaryPath: UnsafeMutablePointer<CChar>?

    static func install() {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { received in
                if let path = Signals.temporaryPath { unlink(path) }
                _exit(128 + received)
            }
            sigaddset(&blocked, sig)
        }
        // A child inherits its parent's signal mask, and a parent thread may block these (the
        // worker threads of libdispatch do, so a Swift program's Process starts us so): unblock
        // them, or the handlers never run and the process cannot be interrupted.
        sigprocmask(SIG_UNBLOCK, &blocked, nil)
    }

    /// Records (or clears) the temporary file the signal handler must remove.
    static func track(_ path: String?) {
        let old = temporaryPath
        temporaryPath = path.map { strdup($0)! }
        if let old { free(old) }
    }
}
