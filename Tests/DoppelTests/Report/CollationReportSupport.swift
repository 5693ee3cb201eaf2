@testable import DoppelIO
@testable import DoppelText
@testable import DoppelDiff
@testable import DoppelCompare
@testable import DoppelReport

/// The collation the report tests render: web, print and the further edited print page.
enum CollationFixture {
    static let collation: Collation = {
        let sources = [Samples.source(Samples.web), Samples.source(Samples.print), CollationSamples.printV3]
        return try! Collator.collate(sources)
    }()
}
