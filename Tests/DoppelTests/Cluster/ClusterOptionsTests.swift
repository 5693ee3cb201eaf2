import Testing

@testable import DoppelCluster
@testable import DoppelIO

@Test func defaultOptionsAreDocumented() throws {
    let options = ClusterOptions.standard
    #expect(options.threshold == 0.8)
    #expect(options.containmentThreshold == 0.8)
    #expect(options.minimumContainedShingles == 50)
    #expect(options.candidateThreshold == 0.5)
    #expect(options.permutations == 128)
    #expect(options.scheme == .onePermutation)
    #expect(options.shingle == .standard)
    #expect(options.verification == .exact)
    #expect(options.bucketLimit == 32)
    #expect(try options.lsh == LSHParameters(bands: 25, rows: 5))
}

@Test func candidateThresholdFollowsTheLowerThreshold() throws {
    #expect(try ClusterOptions(threshold: 0.4).candidateThreshold == 0.4)
    #expect(try ClusterOptions(containmentThreshold: 0.3).candidateThreshold == 0.3)
    #expect(try ClusterOptions(threshold: 0.9, containmentThreshold: nil).candidateThreshold == 0.5)
    let aimed = try ClusterOptions(candidateThreshold: 0.8)
    #expect(aimed.lsh == LSHParameters.optimal(threshold: 0.8, permutations: 128))
}

@Test func invalidOptionsAreRejectedByName() {
    func rejected(_ name: String, _ make: () throws -> ClusterOptions) -> Bool {
        do {
            _ = try make()
            return false
        } catch let DoppelError.invalidOption(rejectedName, _) {
            return rejectedName == name
        } catch {
            return false
        }
    }
    #expect(rejected("threshold") { try ClusterOptions(threshold: 0) })
    #expect(rejected("threshold") { try ClusterOptions(threshold: 1.5) })
    #expect(rejected("containmentThreshold") { try ClusterOptions(containmentThreshold: -1) })
    #expect(rejected("minimumContainedShingles") { try ClusterOptions(minimumContainedShingles: 0) })
    #expect(rejected("candidateThreshold") { try ClusterOptions(candidateThreshold: 0) })
    #expect(rejected("permutations") { try ClusterOptions(permutations: 4) })
    #expect(rejected("bucketLimit") { try ClusterOptions(bucketLimit: 1) })
}

@Test func pairsPassByJaccardOrByContainmentOfANonTrivialSet() throws {
    let options = ClusterOptions.standard
    #expect(options.accepts(jaccard: 0.8, containment: 0.8, smallerCount: 1))
    #expect(!options.accepts(jaccard: 0.79, containment: 0.79, smallerCount: 500))
    #expect(options.accepts(jaccard: 0.6, containment: 1, smallerCount: 50))
    #expect(!options.accepts(jaccard: 0.6, containment: 1, smallerCount: 49))
    #expect(!options.accepts(jaccard: 0, containment: 0, smallerCount: 0))
    let jaccardOnly = try ClusterOptions(containmentThreshold: nil)
    #expect(!jaccardOnly.accepts(jaccard: 0.6, containment: 1, smallerCount: 500))
}

@Test(arguments: [
    try! ClusterOptions(), try! ClusterOptions(containmentThreshold: nil),
    try! ClusterOptions(
        threshold: 0.5, containmentThreshold: 0.9,
        minimumContainedShingles: 5),
])
func fewestAcceptedCommonNeverExceedsAnAcceptedOverlap(options: ClusterOptions) {
    for a in 0...60 {
        for b in 0...60 {
            let fewest = options.fewestAcceptedCommon(a, b)
            for common in 0...min(a, b) {
                let overlap = SetOverlap(intersection: common, firstCount: a, secondCount: b)
                if options.accepts(
                    jaccard: overlap.jaccard, containment: overlap.containment,
                    smallerCount: min(a, b))
                {
                    #expect(common >= fewest, "\(a) \(b) \(common)")
                }
            }
        }
    }
}

@Test func shortPairsAlignedEnoughAreVersionsAndChangedFactsAreNot() throws {
    let options = ClusterOptions.standard
    let aligned = AlignedShare(first: 0.93, second: 0.9, factsDiffer: false)
    #expect(options.relation(jaccard: 0.85, containment: 0.9, smallerCount: 100) == .version)
    #expect(options.relation(jaccard: 0.6, containment: 0.7, smallerCount: 100, aligned: aligned) == .version)
    var twin = aligned
    twin.factsDiffer = true
    #expect(options.relation(jaccard: 0.6, containment: 0.7, smallerCount: 100, aligned: twin) == nil)
    #expect(options.relation(jaccard: 0.6, containment: 0.85, smallerCount: 100, aligned: twin) == .excerpt)
    #expect(options.relation(jaccard: 0.3, containment: 0.95, smallerCount: 49) == nil)
    #expect(options.measuresAlignedShare(jaccard: 0.6, 120, 130))
    #expect(!options.measuresAlignedShare(jaccard: 0.6, 120, options.shortItemShingles + 1))
    #expect(!options.measuresAlignedShare(jaccard: ClusterOptions.greyZoneFloor - 0.01, 120, 130))
    let off = try ClusterOptions(alignedShare: nil)
    #expect(!off.measuresAlignedShare(jaccard: 0.6, 120, 130))
    #expect(try ClusterOptions(verification: .signature).alignedShare == nil)
    #expect(throws: DoppelError.self) { try ClusterOptions(alignedShare: 1.5) }
}

@Test func theContainmentBandingFindsCutCopiesThatTheMainBandingMisses() throws {
    let options = ClusterOptions.standard
    let banding = try #require(options.containmentLSH)
    #expect(banding.bands == 32 && banding.rows == 4)
    // A copy cut to 60 %, lightly edited (containment 0.9): Jaccard 0.54 / 1.06.
    let cut = 0.9 * 0.6 / (1 + 0.6 - 0.9 * 0.6)
    #expect(options.lsh.candidateProbability(similarity: cut) < 0.7)
    #expect(banding.candidateProbability(similarity: cut) >= 0.88)
    #expect(banding.candidateProbability(similarity: 0.6) >= 0.988)
    #expect(try ClusterOptions(containmentThreshold: nil, alignedShare: nil).containmentLSH == nil)
}
