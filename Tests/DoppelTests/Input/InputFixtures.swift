import Foundation
import Testing

/// Paths and scratch folders shared by the Input tests.
enum InputFixtures {
    /// The repository's `samples/` folder, found from this file's path.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// The text of the sample whose name starts with `prefix` (e.g. `000`).
    static func sampleText(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: samples.path)
        let name = try #require(names.first { $0.hasPrefix(prefix + "_") })
        return try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
    }

    /// A new empty folder under the temporary directory; the caller removes it.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("doppel-input-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The code points of a string.
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    /// A traditional-Chinese paragraph, Big5-encodable.
    static let traditional = """
        臺灣報紙的網路版與印刷版常有差異：標題改寫、段落重排、錯字更正。編輯部表示，\
        這些修改都會記錄在案，讀者可以比對兩個版本，了解新聞內容是如何逐步完成的。
        """
}
