/// Pairs the files of two folders by name: first files at the same relative path, then files
/// whose name (last path component) occurs once among the unpaired files of each folder. What
/// remains is left to `FolderDiff`, which pairs it by similarity.
public struct FolderPairing: Sendable, Equatable {
    /// How two files were paired.
    public enum Method: String, Sendable {
        /// The same path relative to each folder.
        case path
        /// The same file name, at different places, unique among the unpaired files.
        case name
        /// Different names, but the most similar texts (see `FolderDiffOptions`).
        case similarity
    }

    /// A pair: indices into the two path lists.
    public struct Match: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var method: Method

        public init(a: Int, b: Int, method: Method) {
            self.a = a
            self.b = b
            self.method = method
        }
    }

    /// Pairs by path, in the order of `a`, then pairs by name, in the order of `a`.
    public var matches: [Match]
    /// Indices of `a` with no pair, ascending.
    public var unpairedA: [Int]
    /// Indices of `b` with no pair, ascending.
    public var unpairedB: [Int]

    /// Pairs two lists of relative paths (`/`-separated, as `FolderDiff` lists them).
    ///
    /// - Complexity: O((n + m) log(n + m)) expected, for n and m paths.
    public init(_ a: [String], _ b: [String]) {
        var matches: [Match] = []
        var firstB: [String: Int] = [:]
        for (j, path) in b.enumerated() where firstB[path] == nil { firstB[path] = j }
        var pairedA = Set<Int>()
        var pairedB = Set<Int>()
        for (i, path) in a.enumerated() {
            if let j = firstB[path], !pairedB.contains(j) {
                matches.append(Match(a: i, b: j, method: .path))
                pairedA.insert(i)
                pairedB.insert(j)
            }
        }
        func uniqueNames(_ paths: [String], _ paired: Set<Int>) -> [String: Int] {
            var seen: [String: Int?] = [:]
            for (k, path) in paths.enumerated() where !paired.contains(k) {
                let name = Self.name(path)
                seen[name] = seen[name] == nil ? .some(k) : .some(nil)
            }
            return seen.compactMapValues { $0 }
        }
        let namesA = uniqueNames(a, pairedA)
        let namesB = uniqueNames(b, pairedB)
        for i in a.indices where !pairedA.contains(i) {
            if let j = namesB[Self.name(a[i])], namesA[Self.name(a[i])] == i {
                matches.append(Match(a: i, b: j, method: .name))
                pairedA.insert(i)
                pairedB.insert(j)
            }
        }
        self.matches = matches
        self.unpairedA = a.indices.filter { !pairedA.contains($0) }
        self.unpairedB = b.indices.filter { !pairedB.contains($0) }
    }

    /// The last component of a `/`-separated path.
    static func name(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}
