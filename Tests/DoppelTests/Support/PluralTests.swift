import Testing

@testable import Doppel

@Test func countsOfOneTakeTheSingular() {
    #expect(Plural.count(1, "cluster") == "1 cluster")
    #expect(Plural.count(0, "cluster") == "0 clusters")
    #expect(Plural.count(2, "cluster") == "2 clusters")
    #expect(Plural.count(3, "analysis", "analyses") == "3 analyses")
}
