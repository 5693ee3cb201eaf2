import Foundation

// The executable: parses arguments, calls one library entry point per subcommand, prints, and
// picks the exit status (0 no differences, 1 differences, 2 trouble), as diff(1) does.
Console.reserveStandardDescriptors()
Signals.install()
Memory.mapLargeBuffers()
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
