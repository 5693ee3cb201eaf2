import DoppelIO

/// Which findings make a comparison fail, so a pipeline can turn a report into a verdict
/// (`--fail-on` and `--max-edits`). The library only judges; the executable picks exit statuses.
public struct FailurePolicy: Sendable, Equatable {
    /// The findings that count.
    public enum Findings: String, Sendable, CaseIterable {
        /// Edits and text on one side only (and, between folders, a file with no counterpart).
        case any
        /// Edits only; text on one side only is accepted.
        case edits
        /// Text on one side only (and files with no counterpart); edits are accepted.
        case only
        /// A change not made everywhere: an old form kept in aligned text (`Checker`); edits and
        /// one-sided text are accepted.
        case inconsistent
    }

    public var findings: Findings
    /// Edits accepted per comparison: edits count only when a comparison has more than this.
    public var maxEdits: Int

    /// The defaults: fail on anything that differs (`any`, no edits accepted), as diff(1) does.
    public static let standard = try! FailurePolicy()

    /// The default fails on anything that differs, as diff(1) does.
    ///
    /// - Throws: `DoppelError.invalidOption` when `maxEdits` is negative.
    public init(findings: Findings = .any, maxEdits: Int = 0) throws {
        guard maxEdits >= 0 else {
            throw DoppelError.invalidOption(name: "maxEdits", reason: "\(maxEdits) is negative")
        }
        self.findings = findings
        self.maxEdits = maxEdits
    }

    /// Why `c` fails under this policy, one phrase per reason (`12 edits (more than 3)`,
    /// `2 passages only in B`); empty when it passes.
    ///
    /// - Complexity: O(pairs).
    public func failures(_ c: Comparison) -> [String] {
        var reasons: [String] = []
        if findings == .inconsistent {
            for finding in c.check?.consistency ?? [] where !finding.consistent {
                let change = "\(c.textA.string(finding.made[0].a)) → \(c.textB.string(finding.made[0].b))"
                reasons.append("\(change) kept at \(finding.kept.count) place\(finding.kept.count == 1 ? "" : "s")")
            }
            return reasons
        }
        if findings != .only && c.editCount > maxEdits {
            let edits = c.editCount == 1 ? "1 edit" : "\(c.editCount) edits"
            reasons.append(maxEdits > 0 ? "\(edits) (more than \(maxEdits))" : edits)
        }
        if findings != .edits {
            for (count, side) in [(c.onlyInA.count, "A"), (c.onlyInB.count, "B")] where count > 0 {
                reasons.append("\(count) passage\(count == 1 ? "" : "s") only in \(side)")
            }
        }
        return reasons
    }

    /// True when `c` fails under this policy.
    public func fails(_ c: Comparison) -> Bool { !failures(c).isEmpty }

    /// True when a file with no counterpart in the other folder fails under this policy.
    public var failsUnmatched: Bool { findings == .any || findings == .only }
}
