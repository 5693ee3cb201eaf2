/// Raw command-line parsing: turns `argv` into options, flags and positional arguments as the
/// command's `CommandSpec` declares them, with no interpretation of values. Validation into a
/// configuration value happens in each command (as ripgrep keeps low and high arguments apart).
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}

/// One option of a command: `--name VALUE` or a flag `--name`, optionally with a short form.
/// The option table is the one description of a command's options: parsing, `--help`, the man
/// page and the shell completions are all made from it.
struct OptionSpec {
    /// What the shell completes for an option's value.
    enum Completion: Equatable {
        /// Nothing in particular (a number, a name).
        case none
        /// A path.
        case file
        /// One of the option's `choices`.
        case choices
    }

    var name: String
    var short: Character?
    var valueName: String?  // nil for a flag
    var help: String
    /// The value used when the option is not given, quoted from the library's `…Options.standard`
    /// (or the CLI's own default for options the library does not see); shown as `(default: …)`.
    var defaultValue: String?
    /// The values the option accepts, when it is one of a few words (completions list them).
    var choices: [String] = []
    var completion: Completion = .none

    static func flag(_ name: String, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help)
    }

    static func value(
        _ name: String, short: Character? = nil, _ valueName: String, _ help: String,
        default defaultValue: String? = nil, choices: [String] = [],
        completion: Completion? = nil
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: valueName, help: help, defaultValue: defaultValue,
            choices: choices, completion: completion ?? (choices.isEmpty ? .none : .choices))
    }

    /// The help text with the default appended: `… (default: 0.8)`.
    var fullHelp: String { defaultValue.map { "\(help) (default: \($0))" } ?? help }

    /// `-o, --output <PATH>` as help and the man page show it.
    var label: String {
        var label = short.map { "-\($0), " } ?? ""
        label += "--\(name)"
        if let v = valueName { label += " <\(v)>" }
        return label
    }
}

/// What a command accepts, and its help text.
struct CommandSpec {
    var name: String
    var abstract: String
    var usage: String
    var discussion: String = ""
    var arguments: [(String, String)] = []
    var options: [OptionSpec]
    /// Words that may come first among the positional arguments (`index build`), for completions.
    var actions: [String] = []

    /// Options every command accepts.
    static let common: [OptionSpec] = [
        .value(
            "color", "WHEN", "Colour the output: auto (a terminal without NO_COLOR), always, never.",
            default: "auto", choices: ["auto", "always", "never"]),
        .flag("help", short: "h", "Show help information."),
    ]

    var allOptions: [OptionSpec] { options + Self.common }

    /// Parses the arguments after the subcommand name.
    func parse(_ args: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || arg == "-" || !arg.hasPrefix("-") {
                parsed.positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            var name: String
            var inline: String?
            if arg.hasPrefix("--") {
                name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inline = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
            } else {
                let letter = arg.dropFirst().first!
                guard let spec = allOptions.first(where: { $0.short == letter }) else {
                    throw UsageError("Unknown option '\(arg)'")
                }
                name = spec.name
                if arg.count > 2 { inline = String(arg.dropFirst(2)) }
            }
            guard let spec = allOptions.first(where: { $0.name == name }) else {
                throw UsageError("Unknown option '--\(name)'")
            }
            if spec.valueName == nil {
                if inline != nil { throw UsageError("Option '--\(name)' takes no value") }
                parsed.flags.insert(name)
            } else {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard i < args.count else { throw UsageError("Missing value for '--\(name) <\(spec.valueName!)>'") }
                    value = args[i]
                    i += 1
                }
                parsed.values[name, default: []].append(value)
            }
        }
        return parsed
    }

    /// The help text, in swift-argument-parser's layout.
    var help: String {
        var out = "OVERVIEW: \(abstract)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        out += "\nUSAGE: \(usage)\n"
        if !arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for (name, text) in arguments { out += Self.row("<\(name)>", text) }
        }
        out += "\nOPTIONS:\n"
        for option in allOptions {
            out += Self.row(option.label, option.fullHelp)
        }
        return out
    }

    private static func row(_ label: String, _ text: String) -> String {
        let pad = 26
        if label.count + 2 >= pad { return "  \(label)\n" + String(repeating: " ", count: pad) + "\(text)\n" }
        return "  " + label + String(repeating: " ", count: pad - 2 - label.count) + text + "\n"
    }
}

/// A mistake in how the command was called: printed as `Error: …`, the usage line and a pointer
/// to the help, exit status 2.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
