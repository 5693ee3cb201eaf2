import Foundation

/// The man page `doppel.1` in roff (man(7) macros), made from the same option tables as
/// `--help` and the completions: `doppel man > doppel.1` (what `make man` and `make dist` run).
enum ManPage {
    /// The whole page.
    ///
    /// - Complexity: O(options of all commands).
    static func page(commands: [CommandSpec], version: String) -> String {
        var out = ".TH DOPPEL 1 \"\" \"doppel \(version)\" \"User Commands\"\n"
        out += ".SH NAME\ndoppel \\- find the versions of the same text and say exactly what changed\n"
        out += ".SH SYNOPSIS\n"
        for spec in commands {
            for usage in spec.usage.split(separator: "\n") {
                out += ".B \(escape(usage.trimmingCharacters(in: .whitespaces)))\n.br\n"
            }
        }
        out += ".B doppel completions\n.RI bash | zsh | fish\n.br\n.B doppel version\n"
        out += ".SH DESCRIPTION\n"
        out += paragraph(
            """
            doppel reads texts (plain text in UTF-8, UTF-16, GB18030 or Big5, HTML, and PDF through \
            pdftotext), sets layout aside (line wrapping, full- and half-width forms, spacing), and \
            either aligns two versions and reports each real edit at its place in both originals, \
            or groups the versions of each text among many files or records.
            """)
        for spec in commands {
            out += ".SH \"\(escape("doppel " + spec.name).uppercased())\"\n"
            out += paragraph(spec.abstract)
            if !spec.discussion.isEmpty { out += ".PP\n.nf\n\(escapeLines(spec.discussion))\n.fi\n" }
            if !spec.arguments.isEmpty {
                out += ".SS Arguments\n"
                for (name, text) in spec.arguments { out += ".TP\n.I \(escape(name))\n\(escape(text))\n" }
            }
            out += ".SS Options\n"
            for option in spec.allOptions {
                out += ".TP\n\(label(option))\n\(escape(option.fullHelp))\n"
            }
        }
        out += ".SH \"SHELL COMPLETION\"\n"
        out += paragraph(
            "doppel completions bash|zsh|fish prints a completion script: for example "
                + "doppel completions bash > /etc/bash_completion.d/doppel, or doppel completions zsh > "
                + "\"${fpath[1]}/_doppel\", or doppel completions fish > ~/.config/fish/completions/doppel.fish.")
        out += ".SH \"EXIT STATUS\"\n"
        out += paragraph(
            "0: no differences (diff), no near-duplicates (cluster, index query), or success. "
                + "1: differences or near-duplicates found. 2: trouble (a usage error, an unreadable file, a bad index)."
        )
        out += ".SH ENVIRONMENT\n"
        out += ".TP\n.B NO_COLOR\nWhen set and not empty, output is not coloured under --color auto.\n"
        out += ".TP\n.B PATH\nWhere pdftotext (poppler-utils) is looked for, to read PDF files.\n"
        out += ".TP\n.B TMPDIR\nWhere doppel cluster keeps scratch files of large runs (default /tmp).\n"
        out += ".SH \"SEE ALSO\"\n.BR diff (1),\n.BR pdftotext (1)\n"
        return out
    }

    /// `.BR \-o ", " \-\-output " " \fIPATH\fR` for `-o, --output <PATH>`.
    private static func label(_ option: OptionSpec) -> String {
        var out = "\\fB"
        if let short = option.short { out += "\\-\(short)\\fR, \\fB" }
        out += escape("--" + option.name) + "\\fR"
        if let valueName = option.valueName { out += " \\fI\(escape(valueName))\\fR" }
        return out
    }

    private static func paragraph(_ text: String) -> String { ".PP\n\(escape(text))\n" }

    /// Text for roff: backslashes as `\e`, hyphens as `\-`, a line never starting with a control
    /// character (`.` or `'`).
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            default: out.append(c)
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    private static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
    }
}
