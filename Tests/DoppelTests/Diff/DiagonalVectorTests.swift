import Testing

@testable import DoppelDiff

@Test func aDiagonalVectorIndexesItsStorageFromDiagonalZero() {
    var storage = [Int32](repeating: -1, count: 7)
    storage.withUnsafeMutableBufferPointer { buffer in
        let v = DiagonalVector(buffer, zero: 4)
        #expect(v.diagonals == -4...2)
        v[-4] = 10
        v[0] = 20
        v[2] = 30
        #expect(v[-4] == 10 && v[0] == 20 && v[2] == 30 && v[-1] == -1)
    }
    #expect(storage == [10, -1, -1, -1, 20, -1, 30])
}
