import Testing

@testable import DoppelCluster

@Test func parametersReportTheOptions() throws {
    let options = try ClusterOptions(
        threshold: 0.9, containmentThreshold: nil,
        scheme: .independent, verification: .signature)
    let parameters = ClusterResult.Parameters(options)
    #expect(parameters.shingle == "char5+word3")
    #expect(parameters.permutations == 128)
    #expect(parameters.scheme == "kperm")
    #expect(parameters.bands == options.lsh.bands)
    #expect(parameters.rows == options.lsh.rows)
    #expect(parameters.threshold == 0.9)
    #expect(parameters.containmentThreshold == nil)
    #expect(parameters.candidateThreshold == 0.5)
    #expect(parameters.verification == "signature")
}
