import Doppel
import Foundation

/// `doppel sign`: the map step of clustering beyond one machine. Writes, per document, its
/// signature and band keys as JSON Lines (`SignatureLines`), streamed in input order.
enum SignCommand: Command {
    static let spec = CommandSpec(
        name: "sign",
        abstract: "Write each document's MinHash signature and band keys as JSON Lines.",
        usage: "doppel sign [options] [<path> ...] [--jsonl FILE]",
        discussion: """
            One line per document: {"id", "chars", "shingles", "signature", "bands"} (and "set",
            the compact shingle set, with --shingles), computed exactly as 'doppel cluster'
            computes them with the same options. Run it shard by shard; contrib/spark/ groups
            the lines by band key and clusters them on a Spark cluster.
            Exit status: 0 success, 2 trouble.
            """,
        arguments: [("path", "Files or folders (searched recursively); - for standard input.")],
        options: DocumentInputs.options + SharedOptions.input + SharedOptions.normalization
            + ClusterSettings.options + [
                .flag("shingles", "Also write each compact shingle set (\"set\"), for exact verification downstream."),
                .value(
                    "output", short: "o", "PATH", "Write to PATH (atomically) instead of standard output.",
                    completion: .file),
                SharedOptions.force,
            ])

    static func run(_ arguments: ParsedArguments, environment: [String: String]) throws -> Int32 {
        let normalization = try SharedOptions.normalizationOptions(arguments)
        try DocumentInputs.checkOutput(Console.file(arguments.value("output")), arguments, paths: arguments.positionals)
        let cluster = try ClusterSettings.cluster(arguments, verification: .exact)
        let signer = DocumentSigner(
            parameters: IndexParameters(cluster: cluster, normalization: normalization),
            keepsShingleSets: arguments.flag("shingles"))
        let (documents, skipped) = try DocumentInputs.load(
            arguments, paths: arguments.positionals,
            normalization: normalization)
        let output = try SharedOptions.outputOptions(arguments)
        let file = try Console.file(arguments.value("output")).map {
            try AtomicFile(path: $0, options: output, onTemporary: Signals.track)
        }
        let progress = Progress(enabled: Console.standardErrorIsTerminal)
        try signer.sign(documents, progress: progress.report) { batch, _ in
            var bytes: [UInt8] = []
            for document in batch { bytes += SignatureLines.line(document) }
            if let file {
                try file.append(bytes)
            } else {
                try bytes.withUnsafeBytes { try Console.writeStandardOutput($0) }
            }
        }
        progress.finish()
        try file?.commit()
        for error in skipped { Console.writeStandardError("doppel: skipped: \(error.description)\n") }
        return 0
    }
}
