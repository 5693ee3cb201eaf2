@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

/// Small comparisons for the Check stage's tests.
enum CheckFixtures {
    /// The comparison of two strings, checked with the default options.
    static func checked(_ a: String, _ b: String, reference: ReferenceCorpus? = nil) -> Comparison {
        var c = Comparer.compare(SourceText(path: "a.txt", text: a), SourceText(path: "b.txt", text: b))
        c.check = Checker.check(c, reference: reference)
        return c
    }

    /// Each edit's forms as `A form/B form`, `-` for an edit without a form.
    static func forms(_ c: Comparison) -> [String] {
        c.check!.forms.map { form in form.map { "\(c.textA.string($0.a))/\(c.textB.string($0.b))" } ?? "-" }
    }

    /// The web page of the samples, with the print page as it is or changed by `edit`.
    static func samples(print edit: (String) -> String = { $0 }, reference names: [String] = []) throws -> Comparison {
        let web = Samples.source(Samples.web)
        let print = Samples.source(Samples.print)
        let changed = SourceText(path: print.path, text: edit(String(String.UnicodeScalarView(print.scalars))))
        let reference =
            names.isEmpty
            ? nil
            : try ReferenceCorpus.load(paths: names.map(Samples.path), normalization: NormalizationOptions())
        var c = Comparer.compare(web, changed)
        c.check = Checker.check(c, reference: reference)
        return c
    }

    /// The print page with its last `马女士` (line 22) back to `王女士`.
    static func keepOneOldForm(_ text: String) -> String {
        let range = text.range(of: "马女士", options: .backwards)!
        return text.replacingCharacters(in: range, with: "王女士")
    }
}
