import DoppelCluster
import DoppelIO
import DoppelText

/// One result of a folder comparison.
public enum FolderDiffEntry: Sendable {
    /// Two files paired and compared.
    case compared(Comparison, pairedBy: FolderPairing.Method)
    /// A file of one folder that no file of the other pairs with (`side` is "a" or "b").
    case unmatched(path: String, side: String)
    /// A file or folder that could not be read, under `--on-error skip`.
    case skipped(DoppelError)
}

/// Compares two folders: files paired by relative path, then by unique file name, then the rest
/// by similarity; one `FolderDiffEntry` per pair, per file left without a pair, and per
/// unreadable input.
///
/// Entries come in this order: pairs by path and by name in the walk order of folder A
/// (`FileWalker`: sorted by path), unreadable inputs where they are met, then pairs by similarity
/// in the order of A, then files only in A, then files only in B. Files paired by name are read
/// one pair at a time; the files left for pairing by similarity are held in memory together.
public enum FolderDiff {
    /// Walks, pairs and compares; calls `each` with every entry as soon as it is known, and
    /// `progress` with (files read, files in both folders).
    ///
    /// Similarity pairing: every unpaired file of A is shingled and set against the unpaired
    /// files of B it shares shingles with (`similarityCandidates`); pairs whose shingle Jaccard
    /// similarity or containment reaches `candidateOverlap` are compared, best Jaccard first, and
    /// a pair of still unpaired files is accepted when its `Comparison.similarity` reaches
    /// `matchSimilarity`.
    ///
    /// - Throws: under `.stop`, the first unreadable file or folder (`DoppelError.unreadable`,
    ///   `.notText`, …); whatever `each` throws.
    /// - Complexity: one comparison per pair by name; for u and v files left unpaired with sets
    ///   of s shingles, O((u + v)·s) to index and O(u·s·c) to count shared shingles, where c ≤
    ///   `commonShingleFiles` (1,000) bounds how many files of B one shingle is looked up in,
    ///   plus one comparison per candidate tried.
    public static func run(
        _ folderA: String, _ folderB: String, options: FolderDiffOptions,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
        each: (FolderDiffEntry) throws -> Void
    ) throws {
        let walkA = FileWalker.walk([folderA], options: options.walk)
        let walkB = FileWalker.walk([folderB], options: options.walk)
        for error in walkA.errors + walkB.errors {
            if options.onError == .stop { throw error }
            try each(.skipped(error))
        }
        let pathsA = walkA.files.map { relative($0.path, to: folderA) }
        let pathsB = walkB.files.map { relative($0.path, to: folderB) }
        let pairing = FolderPairing(pathsA, pathsB)
        let total = pathsA.count + pathsB.count
        var done = 0
        func read(_ file: WalkedFile) throws -> SourceText? {
            defer {
                done += 1
                progress?(done, total)
            }
            do {
                return try InputReader.read(file: file, options: options.input)
            } catch let error as DoppelError {
                if options.onError == .stop { throw error }
                try each(.skipped(error))
                return nil
            }
        }

        for match in pairing.matches {
            let a = try read(walkA.files[match.a])
            let b = try read(walkB.files[match.b])
            guard let a, let b else { continue }
            try each(.compared(Comparer.compare(a, b, options: options.comparison), pairedBy: match.method))
        }

        let normalizer = Normalizer(options: options.comparison.normalization)
        let shingler = Shingler()
        struct Loaded {
            var index: Int
            var source: SourceText
            var text: NormalizedText
            var shingles: [UInt64]
        }
        func load(_ indices: [Int], _ files: [WalkedFile]) throws -> [Loaded] {
            try indices.compactMap { k in
                guard let source = try read(files[k]) else { return nil }
                let text = normalizer.normalize(source)
                return Loaded(index: k, source: source, text: text, shingles: shingler.shingleSet(of: text))
            }
        }
        let leftA = try load(pairing.unpairedA, walkA.files)
        let leftB = try load(pairing.unpairedB, walkB.files)
        var candidates = similarityCandidates(
            leftA.map(\.shingles), leftB.map(\.shingles),
            least: options.candidateOverlap)
        candidates.sort { ($0.jaccard, -$0.a, -$0.b) > ($1.jaccard, -$1.a, -$1.b) }
        var pairedA = Set<Int>()
        var pairedB = Set<Int>()
        var accepted: [(a: Int, comparison: Comparison)] = []
        for candidate in candidates where !pairedA.contains(candidate.a) && !pairedB.contains(candidate.b) {
            let a = leftA[candidate.a]
            let b = leftB[candidate.b]
            let comparison = Comparer.compare(a.source, a.text, b.source, b.text, options: options.comparison)
            if comparison.similarity >= options.matchSimilarity {
                pairedA.insert(candidate.a)
                pairedB.insert(candidate.b)
                accepted.append((candidate.a, comparison))
            }
        }
        for (_, comparison) in accepted.sorted(by: { $0.a < $1.a }) {
            try each(.compared(comparison, pairedBy: .similarity))
        }
        for (i, a) in leftA.enumerated() where !pairedA.contains(i) {
            try each(.unmatched(path: a.source.path, side: "a"))
        }
        for (j, b) in leftB.enumerated() where !pairedB.contains(j) {
            try each(.unmatched(path: b.source.path, side: "b"))
        }
    }

    /// The pairs (index in `a`, index in `b`, Jaccard similarity) of shingle sets whose Jaccard
    /// similarity or containment reaches `least`, found through an inverted index of `b`'s
    /// shingles rather than by setting every set against every other. A shingle found in more
    /// than `commonShingleFiles` (1,000) sets of `b` (boilerplate: a byline, a standard
    /// sentence) is not counted, so a few common lines neither make two files candidates nor
    /// make the search quadratic; below that many files every shingle counts and the pairs are
    /// exactly those the all-pairs overlap would give.
    ///
    /// - Precondition: every set ascending without repeats (`Shingler.shingleSet(of:)`).
    /// - Complexity: O((u + v)·s + u·s·c) for u and v sets of s shingles, c ≤ `commonShingleFiles`.
    static func similarityCandidates(_ a: [[UInt64]], _ b: [[UInt64]], least: Double)
        -> [(a: Int, b: Int, jaccard: Double)]
    {
        var postings: [UInt64: [Int32]] = [:]
        for (j, set) in b.enumerated() {
            for shingle in set { postings[shingle, default: []].append(Int32(j)) }
        }
        let common = commonShingleFiles
        var shared = [Int32](repeating: 0, count: b.count)
        var touched: [Int] = []
        var candidates: [(a: Int, b: Int, jaccard: Double)] = []
        for (i, set) in a.enumerated() {
            for shingle in set {
                guard let files = postings[shingle], files.count <= common else { continue }
                for j in files {
                    if shared[Int(j)] == 0 { touched.append(Int(j)) }
                    shared[Int(j)] += 1
                }
            }
            for j in touched.sorted() {
                let overlap = SetOverlap(intersection: Int(shared[j]), firstCount: set.count, secondCount: b[j].count)
                if max(overlap.jaccard, overlap.containment) >= least { candidates.append((i, j, overlap.jaccard)) }
                shared[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return candidates
    }

    /// How many files of B a shingle may be in and still count for similarity pairing.
    static let commonShingleFiles = 1_000

    /// `path` relative to the walked `root` (the walker spells paths as the root, `/`, names).
    static func relative(_ path: String, to root: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
