@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

/// The collation the report tests render: web, print and the further edited print page.
enum CollationFixture {
    static let collation: Collation = {
        let sources = [Samples.source(Samples.web), Samples.source(Samples.print), CollationSamples.printV3]
        return try! Collator.collate(sources)
    }()
}
