import Testing

@testable import DoppelCompare
@testable import DoppelIO

@Test(
    arguments: [
        ("matchSimilarity", { @Sendable in try FolderDiffOptions(matchSimilarity: -1) }),
        ("matchSimilarity", { @Sendable in try FolderDiffOptions(matchSimilarity: .nan) }),
        ("candidateOverlap", { @Sendable in try FolderDiffOptions(candidateOverlap: 2) }),
    ] as [(String, @Sendable () throws -> FolderDiffOptions)])
func folderDiffOptionsRejectAThresholdOutsideZeroToOneByName(
    name: String, make: @Sendable () throws -> FolderDiffOptions
) {
    #expect {
        try make()
    } throws: { error in
        guard case let DoppelError.invalidOption(rejected, _) = error else { return false }
        return rejected == name
    }
}
