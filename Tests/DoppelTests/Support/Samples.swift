import Foundation

@testable import DoppelText

/// The real sample pages under `samples/`, read relative to this file.
enum Samples {
    static let web = "000_d0a0d55efd38cf19.txt"
    static let print = "001_bf998fbe8d636d66.txt"
    static let all = [web, print, "002_da410bb21e88722a.txt", "003_92a41e4ce2c497c1.txt", "004_faff336304fe731d.txt"]

    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples").path
    }

    static func path(_ name: String) -> String { folder + "/" + name }

    static func source(_ name: String) -> SourceText {
        let text = try! String(contentsOfFile: path(name), encoding: .utf8)
        return SourceText(path: name, text: text)
    }
}

/// Normalises a string with default options and returns the units as a string.
func normalized(_ s: String, _ options: NormalizationOptions = NormalizationOptions()) -> String {
    let text = Normalizer(options: options).normalize(SourceText(path: "t", text: s))
    return text.string(0..<text.count)
}

/// The paragraphs of a normalised string.
func paragraphs(_ s: String, _ options: NormalizationOptions = NormalizationOptions()) -> [String] {
    let text = Normalizer(options: options).normalize(SourceText(path: "t", text: s))
    return text.paragraphRanges.map { text.string($0) }
}
