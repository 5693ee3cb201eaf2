import Foundation
import Testing

@testable import DoppelCluster
@testable import DoppelIO
@testable import DoppelText

/// Signatures are stored (indexes) and compared across runs and machines, so they must depend on
/// the text alone: not on the process (no `Hasher`), not on the bytes the text was read from.
@Suite struct SignatureStabilityTests {
    /// All values folded into one number with the SplitMix64 mixer.
    static func digest(_ signature: Signature) -> UInt64 {
        signature.values.reduce(0) { SplitMix64.mix($0 ^ UInt64($1)) }
    }

    static func signature(_ text: NormalizedText, _ scheme: MinHashScheme) -> Signature {
        MinHasher(checkedPermutations: 128, scheme: scheme).signature(of: Shingler().shingleSet(of: text))
    }

    /// Pinned for every sample page and both schemes, through the whole chain (reading,
    /// normalising, shingling, MinHash). A process-seeded hash anywhere would change them on
    /// every run; a deliberate change of any stage changes them, and every stored index with them.
    static let pinned: [String: [MinHashScheme: UInt64]] = [
        "000_d0a0d55efd38cf19.txt": [.onePermutation: 0x4a04_8698_8dcd_aa99, .independent: 0x8d45_88f0_78e9_940a],
        "001_bf998fbe8d636d66.txt": [.onePermutation: 0x3d01_475c_0cf9_04fc, .independent: 0x8c2f_5627_e7d7_bdff],
        "002_da410bb21e88722a.txt": [.onePermutation: 0xe500_a23e_2cdb_c343, .independent: 0x8411_3168_6b71_6099],
        "003_92a41e4ce2c497c1.txt": [.onePermutation: 0xf8b4_bb5b_9861_3fe4, .independent: 0x9e51_c82c_d2d3_f3af],
        "004_faff336304fe731d.txt": [.onePermutation: 0x1015_591f_e579_d97c, .independent: 0xb45c_61e4_1e25_d27b],
    ]

    @Test(arguments: Samples.all)
    func samplePageSignaturesArePinned(_ name: String) throws {
        let text = Normalizer().normalize(try InputReader.read(path: Samples.path(name)))
        for scheme in MinHashScheme.allCases {
            #expect(Self.digest(Self.signature(text, scheme)) == Self.pinned[name]?[scheme], "\(name) \(scheme)")
        }
    }

    /// The same page as UTF-8 with a byte order mark, UTF-16 in both byte orders, with Windows
    /// and old Mac line ends: one signature.
    @Test(arguments: [Samples.web, Samples.print])
    func theSignatureDependsOnTheTextNotOnTheBytes(_ name: String) throws {
        let page = try String(contentsOfFile: Samples.path(name), encoding: .utf8)
        let variants: [[UInt8]] = [
            Array(page.utf8),
            [0xEF, 0xBB, 0xBF] + Array(page.utf8),
            [0xFF, 0xFE] + page.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            [0xFE, 0xFF] + page.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
            Array(page.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            Array(page.replacingOccurrences(of: "\n", with: "\r").utf8),
        ]
        let signatures = try variants.map { bytes in
            Self.signature(Normalizer().normalize(try InputReader.read(bytes: bytes, path: name)), .onePermutation)
        }
        #expect(Set(signatures).count == 1)
        #expect(!signatures[0].isEmpty)
    }

    @Test func theSignatureDoesNotDependOnKeepingTheMap() throws {
        let scalars = try InputReader.read(path: Samples.path(Samples.print)).scalars
        let mapped = Normalizer().normalize(scalars)
        let lean = Normalizer(options: NormalizationOptions(keepMap: false)).normalize(scalars)
        for scheme in MinHashScheme.allCases {
            #expect(Self.signature(lean, scheme) == Self.signature(mapped, scheme))
        }
    }
}
