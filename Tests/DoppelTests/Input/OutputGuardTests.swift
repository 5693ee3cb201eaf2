import Foundation
import Testing

@testable import Doppel

@Test func anOutputIsRefusedWhenItIsAnInputUnderAnyName() throws {
    let folder = try TemporaryFolder()
    let input = folder.path("a.txt")
    try IndexFixture.write(Array("text\n".utf8), to: input)
    #expect(symlink(input, folder.path("link.txt")) == 0)
    #expect(link(input, folder.path("hard.txt")) == 0)
    for output in [input, folder.path("link.txt"), folder.path("hard.txt")] {
        #expect(throws: DoppelError.unwritable(path: output, reason: "it is an input of this run; give another -o")) {
            try OutputGuard.check(output: output, inputs: ["b.txt", input])
        }
    }
}

@Test func anOutputThatIsNotAnInputPasses() throws {
    let folder = try TemporaryFolder()
    try IndexFixture.write(Array("text\n".utf8), to: folder.path("a.txt"))
    try IndexFixture.write(Array("copy\n".utf8), to: folder.path("b.txt"))
    try OutputGuard.check(output: folder.path("b.txt"), inputs: [folder.path("a.txt")])
    try OutputGuard.check(output: folder.path("new.txt"), inputs: [folder.path("a.txt")])
    try OutputGuard.check(output: "-", inputs: [folder.path("a.txt")])
    try OutputGuard.check(output: nil, inputs: [folder.path("a.txt")])
}

@Test func aFileInAFolderInputIsAnInputOnlyWhenTheWalkListsIt() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder.path("in/deep"), withIntermediateDirectories: true)
    try IndexFixture.write(Array("text\n".utf8), to: folder.path("in/deep/a.txt"))
    try IndexFixture.write(Array("old report\n".utf8), to: folder.path("in/report.csv"))
    #expect(throws: DoppelError.self) {
        try OutputGuard.check(output: folder.path("in/deep/a.txt"), inputs: [folder.path("in")])
    }
    #expect(throws: DoppelError.self) {
        try OutputGuard.check(output: folder.path("in/report.csv"), inputs: [folder.path("in")])
    }
    try OutputGuard.check(
        output: folder.path("in/report.csv"), inputs: [folder.path("in")],
        walk: FileWalkOptions(include: [Glob("*.txt")]))
}
