import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func theNeededHitsReachTheTargetProbabilityAtTheDesignContainmentAndNoHigher() {
    let sample = ContainmentSample(threshold: 0.8)
    #expect(sample.size == 16)
    #expect(sample.neededHits[0] == 0)
    let design = 0.8 + ContainmentSample.designMargin
    for kept in 1...sample.size {
        let hits = sample.neededHits[kept]
        let reached = ContainmentSample.candidateProbability(
            kept: kept, hits: hits, containment: design)
        // A sample of one or two values cannot reach the target; it needs one hit.
        #expect(reached >= ContainmentSample.targetProbability || hits == 1, "kept \(kept)")
        if hits < kept {
            #expect(
                ContainmentSample.candidateProbability(
                    kept: kept, hits: hits + 1, containment: design)
                    < ContainmentSample.targetProbability)
        }
    }
    // The default: 11 of 16, a candidate with probability 0.9967 at containment 0.9 and 0.92 at
    // 0.8; a smaller set sharing half its shingles is one with probability 0.105.
    #expect(sample.neededHits[16] == 11)
    let at = { ContainmentSample.candidateProbability(kept: 16, hits: 11, containment: $0) }
    #expect(abs(at(0.9) - 0.9967) < 0.0001)
    #expect(abs(at(0.8) - 0.9183) < 0.0001)
    #expect(abs(at(0.5) - 0.1051) < 0.0001)
}

@Test func theCandidateProbabilityIsTheBinomialTail() {
    #expect(abs(ContainmentSample.candidateProbability(kept: 4, hits: 0, containment: 0.3) - 1) < 1e-12)
    #expect(abs(ContainmentSample.candidateProbability(kept: 2, hits: 1, containment: 0.5) - 0.75) < 1e-12)
    #expect(abs(ContainmentSample.candidateProbability(kept: 3, hits: 3, containment: 0.9) - 0.729) < 1e-12)
    #expect(ContainmentSample.candidateProbability(kept: 3, hits: 4, containment: 0.9) == 0)
}

@Test func aCandidateNeedsTheHitsOfTheSamplesItsSmallerSideKept() {
    let sample = ContainmentSample(threshold: 0.8)
    #expect(!sample.isCandidate(hits: 5, kept: 0))
    #expect(sample.isCandidate(hits: 11, kept: 16))
    #expect(!sample.isCandidate(hits: 10, kept: 16))
    #expect(sample.isCandidate(hits: sample.neededHits[8], kept: 8))
    #expect(!sample.isCandidate(hits: sample.neededHits[8] - 1, kept: 8))
}

@Test func theSampleIsTheSmallestValuesAscendingThePrefixOfAnAscendingSet() {
    var generator = SplitMix64(seed: 3)
    for round in 0..<100 {
        let values = Array(Set((0..<(round * 7 % 300)).map { _ in UInt32(truncatingIfNeeded: generator.next()) }))
        let sample = ContainmentSample.smallest(16, of: values)
        #expect(sample == Array(values.sorted().prefix(16)))
        #expect(ContainmentSample.smallest(16, of: values.sorted()) == sample)
    }
}

@Test func theFewestContainedShinglesAreWhatTheContainmentRuleAccepts() throws {
    for threshold in [0.8, 0.75, 0.9, 1.0, 0.33] {
        let options = try ClusterOptions(containmentThreshold: threshold, minimumContainedShingles: 1)
        let sample = try #require(options.containmentSample)
        for count in 1...400 {
            let needed = sample.fewestContained(count)
            let containment = { (common: Int) in Double(common) / Double(count) }
            #expect(options.containsSmaller(containment: containment(needed), smallerCount: count))
            if needed > 0 {
                #expect(!options.containsSmaller(containment: containment(needed - 1), smallerCount: count))
            }
        }
    }
}

@Test func theSampleIsOnlyTakenForExactVerificationWithContainmentOn() throws {
    #expect(ClusterOptions.standard.containmentSample == ContainmentSample(threshold: 0.8))
    #expect(try ClusterOptions(containmentThreshold: nil).containmentSample == nil)
    #expect(try ClusterOptions(verification: .signature).containmentSample == nil)
}
