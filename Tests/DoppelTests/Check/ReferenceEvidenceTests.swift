import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct ReferenceEvidenceTests {
    private func evidence(_ c: Comparison, _ a: String, _ b: String) throws -> EditEvidence {
        try #require(c.check!.evidence!.first { c.textA.string($0.form.a) == a && c.textB.string($0.form.b) == b })
    }

    @Test func theSamplesReferenceAttestsTianGuoquanAndZhengLi() throws {
        let c = try CheckFixtures.samples(reference: ["002_da410bb21e88722a.txt", "003_92a41e4ce2c497c1.txt"])
        let reference = c.check!.reference!
        let tian = try evidence(c, "田国全", "田国垒")
        #expect(tian.verdict == .bUnattested && tian.aCount == 1 && tian.bCount == 0)
        let example = try #require(tian.examples.first)
        #expect(
            example.form == .a
                && reference.documents[example.document].source.path.hasSuffix("002_da410bb21e88722a.txt"))
        let document = reference.documents[example.document]
        #expect(document.source.location(of: document.text.originRange(of: example.range).lowerBound).line == 122)
        let zheng = try evidence(c, "郑蔚", "郑莉")
        #expect(zheng.verdict == .aUnattested && zheng.bCount >= 1)
        #expect(
            zheng.examples.contains {
                $0.form == .b && reference.documents[$0.document].source.path.hasSuffix("003_92a41e4ce2c497c1.txt")
            })
    }

    @Test func verdictsFollowTheCounts() {
        #expect(EditEvidence.Verdict(aCount: 2, bCount: 0) == .bUnattested)
        #expect(EditEvidence.Verdict(aCount: 0, bCount: 1) == .aUnattested)
        #expect(EditEvidence.Verdict(aCount: 1, bCount: 1) == .both)
        #expect(EditEvidence.Verdict(aCount: 0, bCount: 0) == .neither)
    }

    @Test func insertsAndDeletesGetNoVerdict() throws {
        let c = try CheckFixtures.samples(reference: ["002_da410bb21e88722a.txt"])
        let edits = c.pairs.flatMap(\.edits)
        #expect(c.check!.evidence!.allSatisfy { edits[$0.edit].operation == .replace })
        #expect(c.check!.evidence!.count <= 3 * edits.count)
    }

    @Test func examplesAreCappedPerForm() throws {
        let documents = (0..<5).map { n in
            let source = SourceText(path: "doc\(n).txt", text: "本报记者田国全报道,第\(n)篇。")
            return ReferenceCorpus.Document(
                source: source, text: Normalizer(options: NormalizationOptions()).normalize(source))
        }
        let reference = try ReferenceCorpus(documents: documents)
        #expect(reference.occurrences(of: Array("田国全".unicodeScalars.map(\.value))).map(\.document) == [0, 1, 2, 3, 4])
        let a = "本报讯(记者田国全通讯员魏星)日前,山东省举办职工培训活动。记者从会上获悉,通讯员参加了全部活动。"
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "田国全", with: "田国垒"), reference: reference)
        let tian = try #require(c.check!.evidence!.first)
        #expect(tian.aCount == 5 && tian.examples.count == 3 && tian.verdict == .bUnattested)
    }
}
