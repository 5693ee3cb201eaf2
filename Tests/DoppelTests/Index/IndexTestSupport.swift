import Foundation

@testable import DoppelCluster
@testable import DoppelIO

/// A folder of its own for one test, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("doppel-index-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names in the folder, sorted (hidden temporary files included).
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// Documents for index tests: the sample articles as an archive, and queries planted in it.
enum IndexFixture {
    /// The articles of the sample pages as documents `a0`, `a1`, …
    static let articles = TestCorpus.articles()

    static func archiveDocuments(count: Int? = nil) -> [ClusterDocument] {
        articles.prefix(count ?? articles.count).enumerated().map {
            TestCorpus.document("a\($0.offset)", $0.element)
        }
    }

    /// Builds an index of `documents` at `path`.
    @discardableResult
    static func build(
        _ documents: [ClusterDocument], at path: String,
        verification: ClusterOptions.Verification = .exact
    ) throws -> IndexSummary {
        let options = try ClusterOptions(verification: verification)
        return try IndexBuilder(parameters: IndexParameters(cluster: options))
            .build(InMemoryDocumentCollection(documents), to: path)
    }

    /// The bytes of the file at `path`.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes `bytes` to `path`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// A collection whose document `failing` cannot be read, as a file vanishing mid-run.
struct VanishingDocuments: DocumentCollection {
    var documents: [ClusterDocument]
    var failing: Int

    var count: Int { documents.count }

    func document(at index: Int) throws -> ClusterDocument {
        if index == failing {
            throw DoppelError.unreadable(path: documents[index].path, reason: "gone")
        }
        return documents[index]
    }
}
