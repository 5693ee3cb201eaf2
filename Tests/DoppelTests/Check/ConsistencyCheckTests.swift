import Testing

@testable import DoppelCluster
@testable import DoppelCompare
@testable import DoppelDiff
@testable import DoppelIO
@testable import DoppelText

@Suite struct ConsistencyCheckTests {
    @Test func theSamplesChangeWangToMaAtThreePlacesConsistently() throws {
        let c = try CheckFixtures.samples()
        let finding = try #require(c.check!.consistency.first { c.textA.string($0.made[0].a) == "王女士" })
        #expect(c.textB.string(finding.made[0].b) == "马女士")
        #expect(finding.made.count == 3)
        #expect(finding.consistent)
        #expect(c.check!.isConsistent)
    }

    @Test func anOldFormLeftInPrintIsKeptWithItsPlaceInBothTexts() throws {
        let c = try CheckFixtures.samples(print: CheckFixtures.keepOneOldForm)
        let finding = try #require(c.check!.consistency.first { c.textA.string($0.made[0].a) == "王女士" })
        #expect(finding.made.count == 2)
        #expect(!finding.consistent)
        let kept = try #require(finding.kept.first)
        #expect(finding.kept.count == 1 && kept.side == .b)
        #expect(c.textB.string(kept.range) == "王女士" && c.textA.string(kept.counterpart) == "王女士")
        #expect(c.sourceB.location(of: c.textB.originRange(of: kept.range).lowerBound).line == 22)
        #expect(c.sourceA.location(of: c.textA.originRange(of: kept.counterpart).lowerBound).line == 99)
        #expect(!c.check!.isConsistent)
    }

    @Test func englishRenameMadeTwiceOfThreeKeepsTheThird() throws {
        let a =
            "Mr Smith said the plan was ready. The council thanked Mr Smith for the report. Later Mr Smith left the room early."
        let b = a.replacingOccurrences(of: "Mr Smith said", with: "Mr Jones said")
            .replacingOccurrences(of: "thanked Mr Smith", with: "thanked Mr Jones")
        let c = CheckFixtures.checked(a, b)
        let finding = try #require(c.check!.consistency.first)
        #expect(finding.made.count == 2 && finding.kept.count == 1)
        #expect(c.textB.string(finding.kept[0].range) == "Smith")
        #expect(c.textB.string(c.textB.paragraphRanges[0]).hasSuffix("Later Mr Smith left the room early."))
    }

    @Test func aChangeToAFormTheTextAlreadyUsesIsARewording() {
        let a = "相关部门的合作很好。各部门的干部和单位的职工一起参加。部门的负责人讲话。"
        let c = CheckFixtures.checked(a, a.replacingOccurrences(of: "相关部门的合作", with: "相关单位的合作"))
        #expect(c.editCount == 1)
        #expect(c.check!.forms[0]!.repeated)
        #expect(c.check!.consistency.isEmpty)
    }

    @Test func offTurnsConsistencyOffButKeepsTheForms() throws {
        var c = Comparer.compare(Samples.source(Samples.web), Samples.source(Samples.print))
        c.check = Checker.check(c, options: try CheckOptions(consistency: false))
        #expect(c.check!.consistency.isEmpty && !c.check!.consistencyChecked)
        #expect(c.check!.forms.count == c.editCount)
    }
}
