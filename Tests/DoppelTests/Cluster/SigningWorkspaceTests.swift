import Testing

@testable import DoppelCluster
@testable import DoppelText

@Test func aReusedWorkspaceSignsEachTextAsAFreshOneAndAsTheShinglerAndHasherDo() throws {
    let shingler = Shingler(options: .standard)
    let hasher = try MinHasher(permutations: 128, scheme: .onePermutation)
    var reused = SigningWorkspace(shingler: shingler, hasher: hasher)
    let texts = IndexFixture.archiveDocuments().map(\.text) + [NormalizedText(identity: "。")]
    for text in texts {
        var shingles: [UInt32] = []
        let borrowed = reused.sign(text, appendingShinglesTo: &shingles, keepingShingles: true)
        var fresh = SigningWorkspace(shingler: shingler, hasher: hasher)
        var freshShingles: [UInt32] = []
        let freshBorrowed = fresh.sign(text, appendingShinglesTo: &freshShingles, keepingShingles: true)
        #expect(borrowed == freshBorrowed && shingles == freshShingles)
        // A header (the character shingles' count), then the distinct shingles, each once in
        // order of first occurrence, character stream first: the compact set.
        let set = Array(shingles.dropFirst())
        #expect(Int(shingles[0]) <= set.count)
        #expect(reused.distinctCount == set.count)
        #expect(set.sorted() == shingler.compactShingleSet(of: text))
        #expect(Set(set).count == set.count)
        let signature = hasher.signature(of: shingler.shingleSet(of: text))
        #expect((borrowed == nil) == signature.isEmpty)
        if borrowed != nil { #expect(reused.values == signature.values && fresh.values == signature.values) }
    }
}

@Test func aWorkspaceAppendsNoShinglesUnlessAskedButStillCountsThem() throws {
    var workspace = SigningWorkspace(shingler: Shingler(options: .standard), hasher: try MinHasher())
    let text = IndexFixture.archiveDocuments()[0].text
    var shingles: [UInt32] = [42]
    _ = workspace.sign(text, appendingShinglesTo: &shingles, keepingShingles: false)
    #expect(shingles == [42])
    #expect(workspace.distinctCount == Shingler(options: .standard).compactShingleSet(of: text).count)
}
