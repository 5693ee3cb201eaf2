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
