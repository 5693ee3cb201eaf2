import Testing

@testable import DoppelCompare

@Suite struct FolderPairingTests {
    @Test func samePathPairsFirst() {
        let p = FolderPairing(["x.txt", "sub/y.txt"], ["sub/y.txt", "x.txt"])
        #expect(p.matches == [.init(a: 0, b: 1, method: .path), .init(a: 1, b: 0, method: .path)])
        #expect(p.unpairedA.isEmpty && p.unpairedB.isEmpty)
    }

    @Test func aUniqueNameElsewherePairsByName() {
        let p = FolderPairing(["2024/page.txt", "x.txt"], ["print/page.txt", "y.txt"])
        #expect(p.matches == [.init(a: 0, b: 0, method: .name)])
        #expect(p.unpairedA == [1] && p.unpairedB == [1])
    }

    @Test func anAmbiguousNameIsLeftForSimilarity() {
        let p = FolderPairing(["one/page.txt", "two/page.txt"], ["three/page.txt"])
        #expect(p.matches.isEmpty)
        #expect(p.unpairedA == [0, 1] && p.unpairedB == [0])
    }

    @Test func namesAlreadyPairedByPathDoNotCount() {
        let p = FolderPairing(["page.txt", "old/page.txt"], ["page.txt", "new/page.txt"])
        #expect(p.matches == [.init(a: 0, b: 0, method: .path), .init(a: 1, b: 1, method: .name)])
    }
}
