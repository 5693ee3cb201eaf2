import Doppel
import Foundation

protocol Command: SendableMetatype {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; returns the exit status.
    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32
}

/// The subcommands and the dispatch between them.
enum CLI {
    static let version = "0.1.0"

    static let commands: [any Command.Type] = [
        DiffCommand.self, CollateCommand.self, ClusterCommand.self, NormalizeCommand.self, IndexCommand.self,
        SignCommand.self,
    ]

    /// The subcommands without options of their own, listed after the others (`doppel man`,
    /// which writes the man page, is left out of the help: `make man` runs it).
    static let extraCommands: [(name: String, abstract: String)] = [
        ("completions", "Print a completion script for bash, zsh or fish."),
        ("version", "Show the version."),
    ]

    static let topHelp = """
        OVERVIEW: Find the versions of the same text and say exactly what changed between them.

        USAGE: doppel <subcommand> [options]

        OPTIONS:
          -V, --version           Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
        \((commands.map { ($0.spec.name, $0.spec.abstract) } + extraCommands).map { "  " + $0.0.padding(toLength: 22, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n"))

          See 'doppel help <subcommand>' for detailed help.

        """

    static func run(_ argv: [String]) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard let first = argv.first else {
            Console.writeStandardError(topHelp)
            return 2
        }
        switch first {
        case "-h", "--help":
            return printHelp(topHelp)
        case "--version", "-V", "version":
            return printHelp("doppel \(version)\n")
        case "completions":
            guard argv.count == 2, let shell = Completions.Shell(rawValue: argv[1]) else {
                let given = argv.count > 1 ? "Invalid shell '\(argv[1])'" : "Missing expected argument '<shell>'"
                Console.writeStandardError(
                    "Error: \(given): use bash, zsh or fish\nUsage: doppel completions bash|zsh|fish\n")
                return 2
            }
            return printHelp(Completions.script(shell, commands: commands.map { $0.spec }))
        case "man":
            return printHelp(ManPage.page(commands: commands.map { $0.spec }, version: version))
        case "help":
            guard argv.count > 1 else {
                return printHelp(topHelp)
            }
            guard let command = commands.first(where: { $0.spec.name == argv[1] }) else {
                Console.writeStandardError("Error: Unknown subcommand '\(argv[1])'\n\(topUsage)")
                return 2
            }
            return printHelp(command.spec.help)
        default:
            break
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            Console.writeStandardError("Error: Unknown subcommand '\(first)'\n\(topUsage)")
            return 2
        }
        let spec = command.spec
        do {
            let parsed = try spec.parse(Array(argv.dropFirst()))
            if parsed.flag("help") {
                return printHelp(spec.help)
            }
            return try command.run(parsed, environment: environment)
        } catch let error as UsageError {
            Console.writeStandardError(
                "Error: \(error.message)\nUsage: \(spec.usage)\n  See 'doppel \(spec.name) --help' for more information.\n"
            )
            return 2
        } catch let error as DoppelError {
            if case let .invalidOption(name, reason) = error {
                Console.writeStandardError(
                    "Error: Invalid value for '\(optionFlag(name))': \(reason)\nUsage: \(spec.usage)\n  See 'doppel \(spec.name) --help' for more information.\n"
                )
            } else {
                Console.writeStandardError("doppel: \(error.description)\n")
            }
            return 2
        } catch {
            Console.writeStandardError("doppel: \(error)\n")
            return 2
        }
    }

    /// Prints help or the version: status 0, or 2 with one line when standard output fails.
    private static func printHelp(_ text: String) -> Int32 {
        do {
            try Console.writeStandardOutput(text)
            return 0
        } catch {
            Console.writeStandardError("doppel: \(error)\n")
            return 2
        }
    }

    static let topUsage = "Usage: doppel <subcommand> [options]\n  See 'doppel --help' for more information.\n"

}

/// The command-line flag that sets the library setting `name`, for usage errors: the library
/// names its settings (`DoppelError.invalidOption`), the executable its flags.
func optionFlag(_ name: String) -> String {
    let flags = [
        "threshold": "--threshold", "containmentThreshold": "--containment",
        "minimumContainedShingles": "--min-contained", "candidateThreshold": "--candidate-threshold",
        "permutations": "--permutations", "scheme": "--scheme", "bucketLimit": "--bucket-limit",
        "characterGram": "--char-gram", "wordGram": "--word-gram", "maxEdits": "--max-edits",
        "matchSimilarity": "--match-similarity",
    ]
    return flags[name] ?? name
}
