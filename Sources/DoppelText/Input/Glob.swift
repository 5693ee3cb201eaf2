/// A shell-style file-name pattern, as given to `--include`.
///
/// `*` matches any run of characters (also none), `?` any one character, `[abc]`, `[a-z]` one
/// of a set or range, `[!abc]` or `[^abc]` one character not in it (a `]` right after `[` or
/// `[!` is literal), and `\` makes the next character literal. Everything else matches itself,
/// case-sensitively. A `[` without a closing `]` is literal. Patterns match whole names, by
/// Unicode code point.
public struct Glob: Sendable, Equatable {
    private enum Element: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case any
        case star
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    }

    private let elements: [Element]
    /// The pattern as written.
    public let pattern: String

    /// Compiles a pattern.
    ///
    /// - Complexity: O(length of the pattern).
    public init(_ pattern: String) {
        self.pattern = pattern
        let p = Array(pattern.unicodeScalars)
        var elements: [Element] = []
        var i = 0
        while i < p.count {
            switch p[i] {
            case "*":
                if elements.last != .star { elements.append(.star) }
                i += 1
            case "?":
                elements.append(.any)
                i += 1
            case "\\" where i + 1 < p.count:
                elements.append(.literal(p[i + 1]))
                i += 2
            case "[":
                if let (set, next) = Self.parseSet(p, from: i + 1) {
                    elements.append(set)
                    i = next
                } else {
                    elements.append(.literal("["))
                    i += 1
                }
            default:
                elements.append(.literal(p[i]))
                i += 1
            }
        }
        self.elements = elements
    }

    /// Parses a bracket expression whose content starts at `start`; `nil` without a closing `]`.
    private static func parseSet(_ p: [Unicode.Scalar], from start: Int) -> (Element, Int)? {
        var i = start
        let negated = i < p.count && (p[i] == "!" || p[i] == "^")
        if negated { i += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while i < p.count {
            if p[i] == "]" && !first { return (.set(ranges: ranges, negated: negated), i + 1) }
            first = false
            var low = p[i]
            if low == "\\", i + 1 < p.count {
                i += 1
                low = p[i]
            }
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                let high = p[i + 2]
                if low.value <= high.value { ranges.append(low.value...high.value) }
                i += 3
            } else {
                ranges.append(low.value...low.value)
                i += 1
            }
        }
        return nil
    }

    /// Whether `name` matches the whole pattern.
    ///
    /// - Complexity: O(n * m) in the worst case for a name of n and a pattern of m code points
    ///   (the classic single-backtrack algorithm: only the last `*` is ever retried).
    public func matches(_ name: String) -> Bool {
        let s = Array(name.unicodeScalars)
        var i = 0
        var k = 0
        var starK = -1
        var starI = 0
        while i < s.count {
            if k < elements.count, elements[k] != .star, Self.matchesOne(elements[k], s[i]) {
                i += 1
                k += 1
            } else if k < elements.count, elements[k] == .star {
                starK = k
                starI = i
                k += 1
            } else if starK >= 0 {
                starI += 1
                i = starI
                k = starK + 1
            } else {
                return false
            }
        }
        while k < elements.count, elements[k] == .star { k += 1 }
        return k == elements.count
    }

    private static func matchesOne(_ element: Element, _ c: Unicode.Scalar) -> Bool {
        switch element {
        case let .literal(l): return l == c
        case .any: return true
        case .star: return false
        case let .set(ranges, negated): return ranges.contains { $0.contains(c.value) } != negated
        }
    }
}
