/// Counts in reports read as English does: `1 cluster`, `2 clusters`, `0 edits`.
public enum Plural {
    /// `n` and the noun, plural unless `n` is 1 (`plural` when the noun does not just take an s).
    ///
    /// `Plural.count(1, "passage")` is `1 passage`; `Plural.count(3, "passage")`, `3 passages`.
    ///
    /// - Complexity: O(length of the noun).
    public static func count(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
