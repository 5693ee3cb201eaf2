import Testing

@testable import DoppelDiff
@testable import DoppelIO

@Test(
    arguments: [
        ("anchorLength", { @Sendable in try AlignOptions(anchorLength: 1) }),
        ("anchorLength", { @Sendable in try AlignOptions(anchorLength: AlignOptions.maximumAnchorLength + 1) }),
        ("maxGap", { @Sendable in try AlignOptions(maxGap: -1) }),
        ("oneSidedGap", { @Sendable in try AlignOptions(oneSidedGap: 0) }),
        ("edgeSlack", { @Sendable in try AlignOptions(edgeSlack: -1) }),
        ("samplingAbove", { @Sendable in try AlignOptions(samplingAbove: -1) }),
        ("sampling", { @Sendable in try AlignOptions(sampling: 0) }),
    ] as [(String, @Sendable () throws -> AlignOptions)])
func alignOptionsRejectASettingOutOfRangeByName(name: String, make: @Sendable () throws -> AlignOptions) {
    #expect {
        try make()
    } throws: { error in
        guard case let DoppelError.invalidOption(rejected, _) = error else { return false }
        return rejected == name
    }
}

@Test func alignOptionsKeepTheGivenSettingsAndTheDefaultsOfTheOthers() throws {
    let options = try AlignOptions(anchorLength: 10, maxGap: 0)
    #expect(options.anchorLength == 10 && options.maxGap == 0)
    #expect(options.oneSidedGap == AlignOptions.standard.oneSidedGap)
}
