import DoppelIO

/// The rule that an output never replaces an input of the same run: `doppel diff a.txt b.txt
/// -o a.txt`, `doppel index stats a.doppel -o a.doppel`, or an `-o` that is a symbolic link or a
/// second hard link to an input would destroy the input (the report is written atomically over
/// it). The executable asks once per command, before anything is read.
///
/// Files are compared by identity (`FileIdentity`: device and inode), so every way of naming
/// the same file is caught; the files of folder inputs are those the walk lists (the same
/// `--include` patterns), so a report written into a folder being compared is refused only
/// when the walk would read it.
public enum OutputGuard {
    /// Throws when `output` names an existing file that is one of `inputs`: files, `-` for
    /// standard input (a regular file redirected to it), or folders walked with `walk`. Nothing
    /// is read; an output that does not exist yet, `-` (standard output), or no output passes.
    ///
    /// ```swift
    /// try OutputGuard.check(output: "a.txt", inputs: ["a.txt", "b.txt"])
    /// // throws: a.txt: cannot write (it is an input of this run; give another -o)
    /// ```
    ///
    /// - Throws: `DoppelError.unwritable` naming `output`.
    /// - Complexity: O(1) per file input, and a walk of the folder inputs (names only, no file
    ///   read), when the output exists.
    public static func check(
        output: String?, inputs: [String],
        walk: FileWalkOptions = FileWalkOptions()
    ) throws {
        guard let output, output != "-", let target = FileIdentity.of(output) else { return }
        if inputs.contains("-") && FileIdentity.of("-") == target { throw refusal(output) }
        if FileWalker.lists(target, walking: inputs.filter { $0 != "-" }, options: walk) { throw refusal(output) }
    }

    private static func refusal(_ output: String) -> DoppelError {
        .unwritable(path: output, reason: "it is an input of this run; give another -o")
    }
}
