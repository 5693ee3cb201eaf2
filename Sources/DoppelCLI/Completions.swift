/// Shell completion scripts (`doppel completions bash|zsh|fish`), made from the same option
/// tables as `--help` and the man page, so a new option completes as soon as it exists.
enum Completions {
    enum Shell: String, CaseIterable { case bash, zsh, fish }

    /// The script for `shell`.
    ///
    /// - Complexity: O(options of all commands).
    static func script(_ shell: Shell, commands: [CommandSpec]) -> String {
        switch shell {
        case .bash: return bash(commands)
        case .zsh: return zsh(commands)
        case .fish: return fish(commands)
        }
    }

    /// The words a command's options complete to: `--name`, and `-x` for a short form.
    static func words(_ spec: CommandSpec) -> [String] {
        spec.allOptions.flatMap { option in ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? []) }
    }

    /// The first sentence of a help text, for the one-line descriptions shells show.
    static func brief(_ help: String) -> String {
        guard let stop = help.range(of: ". ") else { return help.hasSuffix(".") ? String(help.dropLast()) : help }
        return String(help[..<stop.lowerBound])
    }

    // MARK: bash

    private static func bash(_ commands: [CommandSpec]) -> String {
        let names = commands.map(\.name) + CLI.extraCommands.map(\.name)
        var out = """
            # bash completion for doppel (doppel completions bash).
            _doppel() {
                local cur prev
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W "\(names.joined(separator: " ")) -h --help -V --version" -- "$cur"))
                    return
                fi
                case "${COMP_WORDS[1]}" in

            """
        for spec in commands {
            out += "        \(spec.name))\n            case \"$prev\" in\n"
            for option in spec.allOptions where option.valueName != nil {
                let flags = (["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])).joined(separator: "|")
                switch option.completion {
                case .choices:
                    out +=
                        "                \(flags)) COMPREPLY=($(compgen -W \"\(option.choices.joined(separator: " "))\" -- \"$cur\")); return ;;\n"
                case .file: out += "                \(flags)) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
                case .none: out += "                \(flags)) return ;;\n"
                }
            }
            out += "            esac\n"
            if !spec.actions.isEmpty {
                out +=
                    "            if [ \"$COMP_CWORD\" -eq 2 ]; then COMPREPLY=($(compgen -W \"\(spec.actions.joined(separator: " "))\" -- \"$cur\")); return; fi\n"
            }
            out += "            if [[ \"$cur\" == -* ]]; then\n"
            out += "                COMPREPLY=($(compgen -W \"\(words(spec).joined(separator: " "))\" -- \"$cur\"))\n"
            out +=
                "            else\n                COMPREPLY=($(compgen -f -- \"$cur\"))\n            fi\n            ;;\n"
        }
        out +=
            "        help) COMPREPLY=($(compgen -W \"\(commands.map(\.name).joined(separator: " "))\" -- \"$cur\")) ;;\n"
        out +=
            "        completions) COMPREPLY=($(compgen -W \"\(Shell.allCases.map(\.rawValue).joined(separator: " "))\" -- \"$cur\")) ;;\n"
        out += "    esac\n}\ncomplete -o filenames -F _doppel doppel\n"
        return out
    }

    // MARK: zsh

    private static func zsh(_ commands: [CommandSpec]) -> String {
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        func described(_ s: String) -> String {
            var out = ""
            for c in brief(s) {
                if c == "[" || c == "]" || c == ":" || c == "\\" { out.append("\\") }
                out.append(c)
            }
            return out
        }
        var out = "#compdef doppel\n# zsh completion for doppel (doppel completions zsh).\n\n_doppel() {\n"
        out += "    local -a commands\n    commands=(\n"
        for spec in commands { out += "        \(quoted(spec.name + ":" + described(spec.abstract)))\n" }
        for extra in CLI.extraCommands { out += "        \(quoted(extra.name + ":" + described(extra.abstract)))\n" }
        out += "    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n        return\n    fi\n"
        out += "    local command=$words[2]\n    shift words\n    (( CURRENT-- ))\n    case $command in\n"
        for spec in commands {
            out += "    \(spec.name))\n        _arguments -s \\\n"
            for option in spec.allOptions {
                let names = ["--\(option.name)"] + (option.short.map { ["-\($0)"] } ?? [])
                let exclusive = names.count > 1 ? "(\(names.joined(separator: " ")))" : ""
                var action = ""
                if let valueName = option.valueName {
                    switch option.completion {
                    case .choices: action = ":\(valueName):(\(option.choices.joined(separator: " ")))"
                    case .file: action = ":\(valueName):_files"
                    case .none: action = ":\(valueName): "
                    }
                }
                let repeatable = option.name == "include" ? "*" : ""
                for name in names {
                    out +=
                        "            \(quoted(exclusive + repeatable + name + "[" + described(option.help) + "]" + action)) \\\n"
                }
            }
            if !spec.actions.isEmpty {
                out += "            \(quoted("1:action:(" + spec.actions.joined(separator: " ") + ")")) \\\n"
            }
            out += "            '*:file:_files'\n        ;;\n"
        }
        out += "    help)\n        _values 'command' \(commands.map(\.name).joined(separator: " "))\n        ;;\n"
        out +=
            "    completions)\n        _values 'shell' \(Shell.allCases.map(\.rawValue).joined(separator: " "))\n        ;;\n"
        out += "    esac\n}\n\n_doppel \"$@\"\n"
        return out
    }

    // MARK: fish

    private static func fish(_ commands: [CommandSpec]) -> String {
        func quoted(_ s: String) -> String {
            "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        }
        let all = commands.map(\.name) + CLI.extraCommands.map(\.name)
        var out = "# fish completion for doppel (doppel completions fish).\ncomplete -c doppel -f\n"
        let first = "not __fish_seen_subcommand_from \(all.joined(separator: " "))"
        for spec in commands {
            out += "complete -c doppel -n \(quoted(first)) -a \(spec.name) -d \(quoted(brief(spec.abstract)))\n"
        }
        for extra in CLI.extraCommands {
            out += "complete -c doppel -n \(quoted(first)) -a \(extra.name) -d \(quoted(brief(extra.abstract)))\n"
        }
        out += "complete -c doppel -n \(quoted(first)) -s V -l version -d 'Show the version'\n"
        for spec in commands {
            let condition = quoted("__fish_seen_subcommand_from \(spec.name)")
            if !spec.actions.isEmpty {
                out += "complete -c doppel -n \(condition) -a \(quoted(spec.actions.joined(separator: " ")))\n"
            }
            for option in spec.allOptions {
                var line = "complete -c doppel -n \(condition)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.name)"
                if option.valueName != nil {
                    switch option.completion {
                    case .choices: line += " -x -a \(quoted(option.choices.joined(separator: " ")))"
                    case .file: line += " -r -F"
                    case .none: line += " -x"
                    }
                }
                out += line + " -d \(quoted(brief(option.help)))\n"
            }
            out += "complete -c doppel -n \(condition) -F\n"
        }
        out +=
            "complete -c doppel -n \(quoted("__fish_seen_subcommand_from help")) -a \(quoted(commands.map(\.name).joined(separator: " ")))\n"
        out +=
            "complete -c doppel -n \(quoted("__fish_seen_subcommand_from completions")) -a \(quoted(Shell.allCases.map(\.rawValue).joined(separator: " ")))\n"
        return out
    }
}
