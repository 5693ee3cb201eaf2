import Testing

@testable import DoppelCluster
@testable import DoppelText

@Test func documentCharsDefaultToNormalisedUnits() {
    let document = ClusterDocument(id: "a", path: "a.txt", text: NormalizedText(identity: "一二三"))
    #expect(document.chars == 3)
    #expect(document.title == nil)
}

@Test func inMemoryCollectionServesDocumentsByPosition() {
    let collection = InMemoryDocumentCollection([
        TestCorpus.document("a", "甲"),
        TestCorpus.document("b", "乙"),
    ])
    #expect(collection.count == 2)
    #expect(collection.document(at: 1).id == "b")
}

@Test func chunksOfACollectionAreTheDocumentsByPosition() throws {
    let collection = InMemoryDocumentCollection((0..<5).map { TestCorpus.document("d\($0)", "甲乙\($0)") })
    var seen: [(Int, String)] = []
    try collection.forEachDocument(in: 1..<4) { seen.append(($0, $1.id)) }
    #expect(seen.map(\.0) == [1, 2, 3])
    #expect(seen.map(\.1) == ["d1", "d2", "d3"])
}
