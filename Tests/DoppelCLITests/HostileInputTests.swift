import Doppel
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every bad input a user or a CI job may hand `doppel`, met as they meet it: the exit status,
/// one line on standard error naming the file (and the line, for JSON Lines), nothing on
/// standard output, no `-o` file; or, for a batch under `--on-error skip`, a report that names
/// what was skipped.
@Suite struct HostileInputTests {
    // MARK: - Empty and blank

    @Test func anEmptyFileIsEmptyText() throws {
        let scratch = try Scratch("empty")
        let empty = try scratch.write("empty.txt", [])
        let normalized = try DoppelProcess.run(["normalize", empty])
        #expect(normalized.status == 0 && normalized.stdout.isEmpty && normalized.stderr.isEmpty)
        #expect(try DoppelProcess.run(["diff", empty, empty]).status == 0)
        let against = try DoppelProcess.run(["diff", "-f", "json", empty, web])
        #expect(against.status == 1 && against.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(against.stdout.utf8)) as! [String: Any]
        #expect((json["pairs"] as! [Any]).isEmpty)
        #expect((json["only_in_a"] as! [Any]).isEmpty)
        #expect(!(json["only_in_b"] as! [Any]).isEmpty)
    }

    @Test func aFileOfWhiteSpaceIsEmptyText() throws {
        let scratch = try Scratch("blank")
        let blank = try scratch.write("blank.txt", text: " \n\t\n\r\n\u{3000}\u{0C}  ")
        let empty = try scratch.write("empty.txt", [])
        let normalized = try DoppelProcess.run(["normalize", blank])
        #expect(normalized.status == 0 && normalized.stdout.isEmpty && normalized.stderr.isEmpty)
        #expect(try DoppelProcess.run(["diff", blank, empty]).status == 0)
    }

    // MARK: - Not text

    @Test func nulBytesAreBinaryData() throws {
        let scratch = try Scratch("nul")
        let file = try scratch.write("data.txt", Array("abc".utf8) + [0] + Array("def".utf8))
        try expectRejected(
            ["normalize", file], message: "\(file): not text (binary data: NUL byte at offset 3)",
            in: scratch)
        try expectRejected(
            ["diff", web, file], message: "\(file): not text (binary data: NUL byte at offset 3)",
            in: scratch)
    }

    @Test func aPNGImageIsNamedByItsSignature() throws {
        let scratch = try Scratch("png")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        let file = try scratch.write("picture.txt", png)
        try expectRejected(["diff", file, web], message: "\(file): not text (binary data: PNG image)", in: scratch)
    }

    @Test func invalidUTF8InTheMiddleNamesItsOffset() throws {
        let scratch = try Scratch("utf8")
        let valid = Array(String(repeating: "中文测试内容，这是一个有效的文件。", count: 20).utf8)
        let file = try scratch.write("damaged.txt", valid + [0xFF, 0xFE, 0x80] + valid)
        try expectRejected(
            ["normalize", file],
            message: "\(file): not text (invalid UTF-8 at offset \(valid.count) and not GB18030 or Big5)",
            in: scratch)
    }

    // MARK: - Encodings

    @Test(arguments: [false, true])
    func utf16WithoutAByteOrderMarkIsDecoded(bigEndian: Bool) throws {
        let scratch = try Scratch("utf16")
        let text = String(repeating: "这是没有字节顺序标记的文本。Hello world.\n", count: 10)
        let units: [UInt8] = text.utf16.flatMap { (u: UInt16) -> [UInt8] in
            bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        let file = try scratch.write("utf16.txt", units)
        let r = try DoppelProcess.run(["normalize", file])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.contains("没有字节顺序标记的文本。Hello world."))
        let map = try DoppelProcess.run(["normalize", "--map", file])
        let json = try JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as! [String: Any]
        #expect(json["encoding"] as? String == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
    }

    /// 北京市人民政府今天发布了新的通知，要求各部门加强管理。 in GB18030, and
    /// 臺灣的經濟發展與國際貿易關係密切，政府將繼續推動改革。 in Big5.
    static let chineseEncodings: [(name: String, line: String, word: String)] = [
        (
            "GB18030",
            """
            b1 b1 be a9 ca d0 c8 cb c3 f1 d5 fe b8 ae bd f1 cc ec b7 a2 b2 bc c1 cb d0 c2 b5 c4 cd a8 d6 aa a3 ac
            d2 aa c7 f3 b8 f7 b2 bf c3 c5 bc d3 c7 bf b9 dc c0 ed a1 a3
            """, "北京市人民政府今天发布了新的通知,要求各部门加强管理。"
        ),
        (
            "Big5",
            """
            bb 4f c6 57 aa ba b8 67 c0 d9 b5 6f ae 69 bb 50 b0 ea bb da b6 54 a9 f6 c3 f6 ab 59 b1 4b a4 c1 a1 41
            ac 46 a9 b2 b1 4e c4 7e c4 f2 b1 c0 b0 ca a7 ef ad b2 a1 43
            """, "臺灣的經濟發展與國際貿易關係密切,政府將繼續推動改革。"
        ),
    ]

    @Test(arguments: chineseEncodings.indices)
    func chineseLegacyEncodingsAreDetectedAndDecoded(_ index: Int) throws {
        let (name, hex, line) = Self.chineseEncodings[index]
        let scratch = try Scratch("legacy")
        let bytes: [UInt8] = (0..<5).flatMap { _ in hexBytes(hex) + [0x0A] }
        let file = try scratch.write("\(name).txt", bytes)
        let r = try DoppelProcess.run(["normalize", file])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == String(repeating: line + "\n", count: 5))
        let map = try DoppelProcess.run(["normalize", "--map", file])
        let json = try JSONSerialization.jsonObject(with: Data(map.stdout.utf8)) as! [String: Any]
        #expect(json["encoding"] as? String == name)
    }

    // MARK: - Line ends

    static let paragraphs = [
        "第一段文字，讲述了一个发生在小城里的故事。",
        "第二段内容在这里，比较长一些，包括更多的字，也提到了2023年的变化。",
        "Third paragraph in English, with words.",
        "第四段。",
    ]

    @Test(arguments: ["\r\n", "\r", "\u{0C}"])
    func otherLineEndsNormaliseLikeLineFeeds(_ end: String) throws {
        let scratch = try Scratch("ends")
        let lf = try scratch.write("lf.txt", text: Self.paragraphs.joined(separator: "\n") + "\n")
        let other = try scratch.write("other.txt", text: Self.paragraphs.joined(separator: end) + end)
        let expected = try DoppelProcess.run(["normalize", lf])
        let r = try DoppelProcess.run(["normalize", other])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout == expected.stdout)
        #expect(r.stdout.split(separator: "\n").count == Self.paragraphs.count)
        let map =
            try JSONSerialization.jsonObject(
                with: Data(try DoppelProcess.run(["normalize", "--map", other]).stdout.utf8))
            as! [String: Any]
        let lines = (map["paragraphs"] as! [[String: Any]]).map { ($0["original"] as! [String: Int])["line"] }
        #expect(lines == [1, 2, 3, 4])
        #expect(try DoppelProcess.run(["diff", lf, other]).status == 0)
    }

    // MARK: - Size

    /// One line of `DOPPEL_HUGE_LINE_MB` megabytes (default 8). 100 MB was measured at 2 min 48 s
    /// and 1.2 GB resident on the debug build (2 shared cores), too slow for every `make test`;
    /// the work is linear, so 8 MB checks the same code paths. Set `DOPPEL_HUGE_LINE_MB=100` for
    /// the full size.
    @Test func oneHugeLineIsNormalised() throws {
        let megabytes = Int(ProcessInfo.processInfo.environment["DOPPEL_HUGE_LINE_MB"] ?? "") ?? 8
        let scratch = try Scratch("huge")
        let phrase = Array("alpha beta 中文测试 gamma delta 内容 ".utf8)
        let size = megabytes << 20
        var bytes = [UInt8]()
        bytes.reserveCapacity(size + phrase.count)
        while bytes.count < size { bytes += phrase }
        let file = try scratch.write("huge.txt", bytes)
        let out = scratch.file("huge.out")
        let r = try DoppelProcess.run(["normalize", "-o", out, file])
        #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.isEmpty)
        let written = try FileManager.default.attributesOfItem(atPath: out)[.size] as! Int
        #expect(written > size / 2)
    }

    /// 100,000 small files, built once per test run: 99,990 different texts and 10 copies.
    static let manyFiles: Result<Scratch, any Error> = Result {
        let scratch = try Scratch("many")
        try scratch.folder("files")
        var random = SplitMix64(seed: 100_000)
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu", "an", "el"]
        var texts: [[UInt8]] = []
        for i in 0..<100_000 {
            let text: [UInt8]
            if i >= 99_990 {
                text = texts[i - 99_990]
            } else {
                let words = (0..<8).map { _ in (0..<3).map { _ in syllables[random.below(syllables.count)] }.joined() }
                text = Array("\(words.joined(separator: " ")) \(i)\n".utf8)
                if i < 10 { texts.append(text) }
            }
            try scratch.write(Array("files/\(String(i / 1000))-\(i % 1000).txt".utf8), text)
        }
        return scratch
    }

    @Test func aFolderOfOneHundredThousandTinyFilesIsClustered() throws {
        let scratch = try Self.manyFiles.get()
        let r = try DoppelProcess.run(["cluster", "-f", "json", scratch.file("files")])
        #expect(r.status == 1 && r.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((json["documents"] as! [Any]).count == 100_000)
        let clusters = json["clusters"] as! [[String: Any]]
        #expect(clusters.count == 10)
        #expect(clusters.allSatisfy { ($0["members"] as! [String]).count == 2 })
    }

    // MARK: - Unreadable

    /// Runs `doppel` without the capabilities that let root read any file, or nil when it
    /// cannot (not root: permissions deny by themselves; root without setpriv(1) or the right to
    /// drop capabilities: they never deny, and the test is skipped).
    static func runWithoutPermissionOverride(_ arguments: [String]) throws -> Run? {
        if geteuid() != 0 { return try DoppelProcess.run(arguments) }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        let drop = ["--bounding-set=-dac_override,-dac_read_search", "--"]
        guard try runProcess(setpriv, drop + ["/bin/true"]).status == 0 else { return nil }
        return try runProcess(setpriv, drop + [DoppelProcess.executable.path] + arguments)
    }

    @Test func anUnreadableFileIsOneLineAndSkippedInABatch() throws {
        let scratch = try Scratch("denied")
        try scratch.folder("batch")
        let secret = try scratch.write("batch/secret.txt", text: "秘密文件的内容，没有人可以读取。")
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("batch/web.txt"))
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("batch/web copy.txt"))
        #expect(chmod(secret, 0) == 0)
        guard let single = try Self.runWithoutPermissionOverride(["normalize", secret]) else {
            try Test.cancel(
                "running as root, where file permissions do not deny reading, and capabilities cannot be dropped with setpriv(1)"
            )
        }
        #expect(single.status == 2 && single.stdout.isEmpty)
        #expect(single.stderr == "doppel: \(secret): cannot read (permission denied)\n")
        let stop = try Self.runWithoutPermissionOverride(["cluster", scratch.file("batch")])!
        #expect(stop.status == 2 && stop.stdout.isEmpty && stop.stderr == single.stderr)
        let skip = try Self.runWithoutPermissionOverride(["cluster", "--on-error", "skip", scratch.file("batch")])!
        #expect(skip.status == 1 && skip.stderr.isEmpty)
        #expect(skip.stdout.contains("skipped: \(secret): cannot read (permission denied)\n"))
        #expect(skip.stdout.contains("1 cluster of 2 documents"))
    }

    @Test func aFolderOrAMissingFileGivenAsAFileCannotBeRead() throws {
        let scratch = try Scratch("notfile")
        let folder = try scratch.folder("folder")
        try expectRejected(["normalize", folder], message: "\(folder): cannot read (is a directory)", in: scratch)
        let missing = scratch.file("missing.txt")
        try expectRejected(["diff", web, missing], message: "\(missing): cannot read (no such file)", in: scratch)
    }

    /// Each run reads 1 GiB of zeros before it stops, so each is run once (not again with `-o`).
    @Test func endlessInputsAreRefusedAtTheInputLimitNotReadToTheEndOfMemory() throws {
        let expected = [
            (
                ["diff", "/dev/zero", web],
                "/dev/zero: cannot read (larger than 1 GiB, the most doppel reads from one input)"
            ),
            (
                ["cluster", "--jsonl", "/dev/zero"],
                "/dev/zero: cannot read (line 1 is longer than 1 GiB, the most one record may hold)"
            ),
        ]
        for (arguments, message) in expected {
            let run = try DoppelProcess.run(arguments)
            #expect(run.status == 2 && run.stdout.isEmpty)
            #expect(run.stderr == "doppel: \(message)\n")
        }
    }

    @Test func aFullOrClosedStandardOutputIsOneLineAndStatusTwo() throws {
        // `exec … >/dev/full` and `>&-`: the shell hands doppel a full device or no descriptor.
        for (redirect, reason) in [(">/dev/full", "no space left on device"), (">&-", "bad file descriptor")] {
            for arguments in [["diff", web, print], ["normalize", web], ["--version"]] {
                let run = try runProcess(
                    "/bin/sh", ["-c", "exec \"$0\" \"$@\" \(redirect)", DoppelProcess.executable.path] + arguments)
                #expect(run.status == 2, "\(arguments) \(redirect)")
                #expect(run.stderr == "doppel: standard output: cannot write (\(reason))\n", "\(arguments) \(redirect)")
            }
        }
    }

    @Test func anOutputFileThatIsADeviceIsWrittenThroughAndItsErrorsReported() throws {
        let run = try DoppelProcess.run(["diff", web, print, "-o", "/dev/full"])
        #expect(run.status == 2 && run.stdout.isEmpty)
        #expect(run.stderr == "doppel: /dev/full: cannot write (no space left on device)\n")
        #expect(try DoppelProcess.run(["diff", web, print, "-o", "/dev/null"]).status == 1)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        let dash = try DoppelProcess.run(["diff", web, print, "-o", "-"])
        #expect(dash.status == 1 && dash.stdout.contains("马"))
        #expect(!FileManager.default.fileExists(atPath: "-"), "`-o -` is standard output, not a file named -")
    }

    @Test func inputsGivenTwiceAreReadOnceOrRefused() throws {
        let twice = try DoppelProcess.run(["cluster", "-f", "json", web, web])
        #expect(twice.status == 0, "one file named twice is one document, not a cluster of two")
        let json = try JSONSerialization.jsonObject(with: Data(twice.stdout.utf8)) as! [String: Any]
        #expect((json["documents"] as! [Any]).count == 1)
        let stdin = try DoppelProcess.run(["diff", "-", "-"])
        #expect(stdin.status == 2 && stdin.stderr.hasPrefix("Error: Standard input can be read once"))
        let jsonl = try DoppelProcess.run(["cluster", "--jsonl", web, "--jsonl", print])
        #expect(jsonl.status == 2 && jsonl.stderr.hasPrefix("Error: '--jsonl' takes one file, given 2 times"))
    }

    @Test func folderOptionsAreCheckedWhenTheTwoPathsAreFiles() throws {
        for (option, value) in [("--match-similarity", "nan"), ("--match-similarity", "-1"), ("--on-error", "bogus")] {
            let run = try DoppelProcess.run(["diff", option, value, web, print])
            #expect(run.status == 2 && run.stdout.isEmpty, "\(option) \(value)")
            #expect(run.stderr.hasPrefix("Error: Invalid value '\(value)' for '\(option)"), "\(run.stderr)")
        }
    }

    @Test func aFileNameWithControlCharactersStaysOnOneLineInTheDiffHeader() throws {
        let scratch = try Scratch("header")
        let odd = try scratch.write("a\nb\u{1B}[31mX.txt", text: "王女士")
        let run = try DoppelProcess.run(["diff", odd, web])
        #expect(run.stdout.hasPrefix("--- A \(scratch.path)/a\\nb\\x1B[31mX.txt\n+++ B "), "\(run.stdout.prefix(200))")
    }

    // MARK: - Folders and names

    @Test func aSymbolicLinkLoopIsWalkedOnceOrReported() throws {
        let scratch = try Scratch("loop")
        let root = try scratch.folder("root/sub")
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("root/a.txt"))
        try FileManager.default.copyItem(atPath: web, toPath: "\(root)/b.txt")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/up", withDestinationPath: "..")
        let walked = try DoppelProcess.run(["cluster", scratch.file("root")])
        #expect(walked.status == 1 && walked.stderr.isEmpty)
        #expect(walked.stdout.contains("2 documents; 1 cluster of 2 documents"))

        try FileManager.default.createSymbolicLink(atPath: scratch.file("root/self"), withDestinationPath: "self")
        let loop = scratch.file("root/self")
        try expectRejected(
            ["cluster", scratch.file("root")],
            message: "\(loop): cannot read (too many levels of symbolic links)", in: scratch)
        let skipped = try DoppelProcess.run(["cluster", "--on-error", "skip", scratch.file("root")])
        #expect(skipped.status == 1 && skipped.stderr.isEmpty)
        #expect(skipped.stdout.contains("skipped: \(loop): cannot read (too many levels of symbolic links)\n"))
    }

    @Test func strangeFileNamesAreClusteredAndNamedOnOneLine() throws {
        let scratch = try Scratch("names")
        try scratch.folder("names")
        let text = Array(try Data(contentsOf: URL(fileURLWithPath: web)))
        let names: [[UInt8]] = [
            Array("with space.txt".utf8), Array("new\nline.txt".utf8),
            Array("bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8),
            Array("bad".utf8) + [0xFE, 0xFF] + Array(".txt".utf8),
        ]
        for name in names { try scratch.write(Array("names/".utf8) + name, text) }
        let folder = scratch.file("names")
        let r = try DoppelProcess.run(["cluster", folder])
        #expect(r.status == 1 && r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        for shown in ["bad\\xFE\\xFF.txt", "bad\\xFF\\xFE.txt", "new\\nline.txt", "with space.txt"] {
            #expect(lines.contains { $0.hasSuffix("\(folder)/\(shown)  5556 chars") }, "\(shown)")
        }
        #expect(r.stdout.contains("4 documents; 1 cluster of 4 documents"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(try DoppelProcess.run(["cluster", "-f", "json", folder]).stdout.utf8))
            as! [String: Any]
        let ids = (json["documents"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(
            ids
                == ["bad\\xFE\\xFF.txt", "bad\\xFF\\xFE.txt", "new\nline.txt", "with space.txt"].map {
                    "\(folder)/\($0)"
                })

        try scratch.write(Array("names/pic\nture.txt".utf8), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        try expectRejected(
            ["cluster", folder], message: "\(folder)/pic\\nture.txt: not text (binary data: PNG image)",
            in: scratch)
    }

    @Test func clusterDiffComparesAFileWithAStrangeNameAndStandardInput() throws {
        let scratch = try Scratch("diffnames")
        try scratch.folder("names")
        let text = try String(contentsOfFile: web, encoding: .utf8)
        try scratch.write(Array("names/bad".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), Array(text.utf8))
        let edited = text.replacingOccurrences(of: "王女士", with: "马女士")
        // Neither can be read again by its display name: standard input is gone, the name is not UTF-8.
        let r = try DoppelProcess.run(["cluster", "--diff", scratch.file("names"), "-"], stdin: Data(edited.utf8))
        #expect(r.status == 1 && r.stderr.isEmpty, "\(r.stderr)")
        // The representative is either one (equal lengths): the edit reads one way or the other.
        let edits = ["[-王-]{+马+}", "[-马-]{+王+}"].map { r.stdout.components(separatedBy: $0).count - 1 }
        #expect(edits.max() == 3 && edits.min() == 0)
    }

    // MARK: - JSON Lines

    static let badRecords: [(line: String, reason: String)] = [
        (#"{"id": "b", "text": "#, #"bad record ("text" is not a string (end of line) at column 21)"#),
        (#"{"id": "b", "body": "second"}"#, #"bad record (missing "text" field)"#),
        (#"{"id": ["b"], "text": "second"}"#, #"bad record ("id" is not a string or an integer at column 8)"#),
        (#"{"id": "a", "text": "second"}"#, #"bad record (duplicate id "a" (first on line 1))"#),
    ]

    @Test(arguments: badRecords.indices)
    func aBadJSONLinesRecordNamesTheFileAndLine(_ index: Int) throws {
        let (line, reason) = Self.badRecords[index]
        let scratch = try Scratch("jsonl")
        let file = try scratch.write(
            "records.jsonl",
            text: """
                {"id": "a", "text": "第一条记录的文字内容。"}
                \(line)
                {"id": "c", "text": "第三条记录的文字内容。"}

                """)
        try expectRejected(["cluster", "--jsonl", file], message: "\(file):2: \(reason)", in: scratch)
    }

    @Test func badJSONLinesRecordsAreSkippedAndListedOnRequest() throws {
        let scratch = try Scratch("jsonl-skip")
        let article = try String(contentsOfFile: web, encoding: .utf8).split(separator: "\n").prefix(12)
            .joined(separator: "\\n").replacingOccurrences(of: "\"", with: "\\\"")
        let lines =
            [#"{"id": "a", "text": "\#(article)"}"#] + Self.badRecords.map(\.line)
            + [#"{"id": 7, "text": "\#(article)"}"#]
        let file = try scratch.write("records.jsonl", text: lines.joined(separator: "\n") + "\n")
        let r = try DoppelProcess.run(["cluster", "--on-error", "skip", "-f", "json", "--jsonl", file])
        #expect(r.status == 1 && r.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(
            json["skipped"] as? [String]
                == Self.badRecords.enumerated().map { "\(file):\($0.offset + 2): \($0.element.reason)" })
        #expect((json["documents"] as! [[String: Any]]).map { $0["id"] as! String } == ["a", "7"])
        #expect((json["clusters"] as! [Any]).count == 1)
    }

    // MARK: - Batches

    @Test func aBatchStopsAtTheFirstBadInputOrSkipsAndListsEach() throws {
        let scratch = try Scratch("batch")
        try scratch.folder("batch")
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("batch/a.txt"))
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("batch/b.txt"))
        let png = try scratch.write("batch/c.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let damaged = try scratch.write("batch/d.txt", Array("有效的开头".utf8) + [0xC3, 0x28] + Array("有效的结尾".utf8))
        let pngReason = "\(png): not text (binary data: PNG image)"
        let damagedReason = "\(damaged): not text (invalid UTF-8 at offset 15 and not GB18030 or Big5)"
        try expectRejected(["cluster", scratch.file("batch")], message: pngReason, in: scratch)

        let text = try DoppelProcess.run(["cluster", "--on-error", "skip", scratch.file("batch")])
        #expect(text.status == 1 && text.stderr.isEmpty)
        #expect(text.stdout.contains("skipped: \(pngReason)\nskipped: \(damagedReason)\n"))
        #expect(text.stdout.contains("2 documents; 1 cluster of 2 documents"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(
                    try DoppelProcess.run(["cluster", "--on-error", "skip", "-f", "json", scratch.file("batch")]).stdout
                        .utf8))
            as! [String: Any]
        #expect(json["skipped"] as? [String] == [pngReason, damagedReason])
        let csv = try DoppelProcess.run(["cluster", "--on-error", "skip", "-f", "csv", scratch.file("batch")])
        #expect(csv.status == 1 && csv.stdout.split(separator: "\n").count == 3)
        #expect(csv.stderr == "doppel: skipped: \(pngReason)\ndoppel: skipped: \(damagedReason)\n")
    }

    // MARK: - Documents too short to compare

    @Test func emptyPunctuationOnlyAndShortDocumentsNeverCluster() throws {
        let scratch = try Scratch("short")
        try scratch.folder("docs")
        let texts = [
            "empty1": "", "empty2": "", "blank": " \n\u{3000}\n", "punct1": "。，！？……——",
            "punct2": "。，！？……——", "han1": "好的", "han2": "好的", "han3": "一二三四", "han4": "一二三四",
            "latin1": "ok go", "latin2": "ok go",
        ]
        for (name, text) in texts { try scratch.write("docs/\(name).txt", text: text) }
        let r = try DoppelProcess.run(["cluster", "-f", "json", scratch.file("docs")])
        #expect(r.status == 0 && r.stderr.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect((json["documents"] as! [Any]).count == texts.count)
        #expect((json["clusters"] as! [Any]).isEmpty)
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("docs/web1.txt"))
        try FileManager.default.copyItem(atPath: web, toPath: scratch.file("docs/web2.txt"))
        let withPair = try DoppelProcess.run(["cluster", scratch.file("docs")])
        #expect(withPair.status == 1)
        #expect(withPair.stdout.contains("13 documents; 1 cluster of 2 documents; 11 alone"))
    }
}

/// Runs any executable with no input; standard output and error collected.
func runProcess(_ executable: String, _ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
        status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
        stderr: String(decoding: e, as: UTF8.self))
}
