import Testing

@testable import DoppelCluster

@Test func unionFindJoinsSetsOnce() {
    var sets = UnionFind(count: 6)
    let joins = [sets.union(0, 1), sets.union(2, 3), sets.union(1, 3), sets.union(0, 2)]
    #expect(joins == [true, true, true, false])
    let roots = (0..<6).map { sets.find($0) }
    #expect(Set(roots[0..<4]).count == 1)
    #expect(roots[4] == 4 && roots[5] == 5)
}

@Test func unionFindHandlesLongChains() {
    var sets = UnionFind(count: 10_000)
    for i in 1..<10_000 { sets.union(i - 1, i) }
    let roots = Set((0..<10_000).map { sets.find($0) })
    #expect(roots.count == 1)
}
