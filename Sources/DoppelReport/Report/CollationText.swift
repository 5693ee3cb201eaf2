import DoppelDiff
import DoppelIO
import DoppelText

/// Renders a `Collation` as the text report people read: the witnesses, who agrees with whom,
/// then one block per variant location with a little context and each reading with the
/// witnesses carrying it (`职工[王 (w1) | 马 (w2, w3) | 张 (w4)]女士`), then the text some
/// witnesses lack.
public enum CollationText {
    /// Settings of the text report.
    public struct Style: Sendable {
        /// Normalised characters of context shown on each side of a variant location.
        public var context: Int
        /// ANSI colours (readings other than the first in green, headers bold).
        public var color: Bool
        public init(context: Int = 8, color: Bool = false) {
            self.context = context
            self.color = color
        }
    }

    /// The report.
    ///
    /// - Complexity: O(size of the report + w² for w witnesses).
    public static func text(_ c: Collation, style: Style = Style()) -> String {
        let bold = style.color ? "\u{1B}[1m" : ""
        let dim = style.color ? "\u{1B}[2m" : ""
        let green = style.color ? "\u{1B}[32m" : ""
        let reset = style.color ? "\u{1B}[0m" : ""
        let ids = c.witnesses.map(\.id)
        var out = "\(bold)collation of \(c.witnesses.count) witnesses (center \(ids[c.center]))\(reset)\n"
        for w in c.witnesses {
            out += "  \(w.id)  \(DisplayName.oneLine(w.source.path))  (\(w.source.scalars.count) chars)\n"
        }
        out += agreement(c, bold: bold, reset: reset)
        for (n, location) in c.variants.enumerated() {
            let places = location.witnesses.map { w -> String in
                let r = location.readings[location.reading(of: w)!]
                let p = DiffReport.place(r.range(of: w)!, c.witnesses[w].text, c.witnesses[w].source)
                return "\(ids[w]) \(p.line):\(p.column)"
            }
            out +=
                "\(bold)variant \(n + 1)  \(places.joined(separator: "  "))\(location.moved ? "  moved" : "")\(reset)\n"
            // Context from the center when it has a reading here, else from the first witness.
            let w = location.reading(of: c.center) != nil ? c.center : location.witnesses[0]
            let range = location.readings[location.reading(of: w)!].range(of: w)!
            let text = c.witnesses[w].text
            let before = text.string(max(0, range.lowerBound - style.context)..<range.lowerBound)
            let after = text.string(range.upperBound..<min(text.count, range.upperBound + style.context))
            let readings = location.readings.enumerated().map { k, reading in
                let shown = c.text(of: reading).isEmpty ? "∅" : c.text(of: reading)
                return
                    "\(k == 0 ? "" : green)\(shown)\(k == 0 ? "" : reset) (\(reading.witnesses.map { ids[$0] }.joined(separator: ", ")))"
            }
            out += "  \(dim)\(before)\(reset)[\(readings.joined(separator: " | "))]\(dim)\(after)\(reset)\n"
        }
        for only in c.onlyIn {
            let places = zip(only.witnesses, only.ranges).map { w, r in
                let p = DiffReport.place(r, c.witnesses[w].text, c.witnesses[w].source)
                return "\(ids[w]) \(p.line):\(p.column)"
            }
            let count = only.ranges[0].count
            var snippet = c.text(of: only.witnesses[0], only.ranges[0].prefix(40))
            if count > 40 { snippet += "…" }
            out +=
                "only in \(only.witnesses.map { ids[$0] }.joined(separator: ", ")): \(places.joined(separator: "  ")) (\(count) chars): \(snippet)\n"
        }
        out += "\(c.variants.count) variant locations; \(c.onlyIn.count) passages only in some witnesses\n"
        if !c.exact {
            out +=
                "note: some passages exceeded the diff cost budget; their readings are valid but may not be minimal\n"
        }
        return out
    }

    /// The matrix of shares (and differing places), then each witness's closest one.
    private static func agreement(_ c: Collation, bold: String, reset: String) -> String {
        let ids = c.witnesses.map(\.id)
        let width = max(14, (ids.map(\.count).max() ?? 2) + 2)
        func pad(_ s: String) -> String { s.padding(toLength: max(width, s.count + 1), withPad: " ", startingAt: 0) }
        var out = "\(bold)agreement\(reset) (share of text in common; places where the readings differ)\n"
        out += "  " + pad("") + ids.map(pad).joined() + "\n"
        for i in ids.indices {
            out += "  " + pad(ids[i])
            for j in ids.indices {
                out += pad(
                    i == j
                        ? "-"
                        : "\(JSONWriter.format(c.agreement.shares[i][j], digits: 3)) (\(c.agreement.differences[i][j]))"
                )
            }
            out += "\n"
        }
        for i in ids.indices {
            guard let j = c.agreement.closest(to: i) else { continue }
            let n = c.agreement.differences[i][j]
            out +=
                "  \(ids[i]) follows \(ids[j]) except at \(n) place\(n == 1 ? "" : "s") (share \(JSONWriter.format(c.agreement.shares[i][j], digits: 3)))\n"
        }
        return out
    }
}
