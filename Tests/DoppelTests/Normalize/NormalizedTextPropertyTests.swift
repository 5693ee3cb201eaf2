import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelReport
@testable import DoppelText

/// Properties of the normaliser's map over the real sample pages.
@Suite struct NormalizedTextPropertyTests {
    @Test(arguments: Samples.all)
    func mapIsMonotonicAndInsideTheOriginal(_ name: String) {
        let source = Samples.source(name)
        let text = Normalizer().normalize(source)
        let (originStarts, originEnds) = (text.originStarts, text.originEnds)
        #expect(originStarts.count == text.count)
        var previousEnd: Int32 = 0
        for i in 0..<text.count {
            #expect(originStarts[i] < originEnds[i])
            #expect(originStarts[i] >= (i > 0 ? originStarts[i - 1] : 0))
            #expect(originEnds[i] >= previousEnd)
            previousEnd = originEnds[i]
        }
        #expect(Int(previousEnd) <= source.scalars.count)
    }

    @Test(arguments: Samples.all)
    func paragraphRangesInARangeTileItOneParagraphEach(_ name: String) {
        let text = Normalizer().normalize(Samples.source(name))
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let x = Int.random(in: 0...text.count, using: &rng)
            let y = Int.random(in: 0...text.count, using: &rng)
            let range = min(x, y)..<max(x, y)
            let pieces = text.paragraphRanges(in: range)
            #expect(pieces.first?.lowerBound ?? range.lowerBound == range.lowerBound)
            #expect(pieces.last?.upperBound ?? range.upperBound == range.upperBound)
            #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(
                pieces.allSatisfy {
                    !$0.isEmpty && text.paragraphIndex(of: $0.lowerBound) == text.paragraphIndex(of: $0.upperBound - 1)
                })
        }
    }

    @Test(arguments: Samples.all)
    func everyUnitsOriginNormalisesBackToIt(_ name: String) {
        let source = Samples.source(name)
        let normalizer = Normalizer()
        let text = normalizer.normalize(source)
        let (originStarts, originEnds) = (text.originStarts, text.originEnds)
        var i = 0
        while i < text.count {
            // Units that share one origin (a compatibility form folding to several) go together.
            var j = i + 1
            while j < text.count && originStarts[j] == originStarts[i] { j += 1 }
            if text.units[i] != 0x20 {
                let slice = Array(source.scalars[Int(originStarts[i])..<Int(originEnds[j - 1])])
                let again = normalizer.normalize(slice)
                #expect(again.units == Array(text.units[i..<j]), "unit \(i) of \(name)")
            }
            i = j
        }
    }

    @Test(arguments: Samples.all)
    func everyParagraphsOriginNormalisesBackToIt(_ name: String) {
        let source = Samples.source(name)
        let normalizer = Normalizer()
        let text = normalizer.normalize(source)
        for range in text.paragraphRanges {
            let origin = text.originRange(of: range)
            let again = normalizer.normalize(Array(source.scalars[origin]))
            #expect(again.units == Array(text.units[range]))
        }
    }

    @Test(arguments: Samples.all)
    func normalisingNormalisedTextChangesNothing(_ name: String) {
        let text = Normalizer().normalize(Samples.source(name))
        let again = Normalizer().normalize(SourceText(path: name, text: NormalizationReport.plain(text)))
        #expect(again.units == text.units)
        #expect(again.paragraphStarts == text.paragraphStarts)
    }
}
