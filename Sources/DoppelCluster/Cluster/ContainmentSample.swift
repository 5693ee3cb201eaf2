import Foundation

/// The candidate test for containment of short documents (docs/cluster-rules.md, section 1): a
/// short document (at most `largestSampled` shingles) is sampled, and a larger one that holds enough of the sample becomes its
/// candidate container.
///
/// MinHash LSH offers a pair by its Jaccard similarity, and a short text contained in a long one
/// has a low Jaccard similarity however fully it is contained: an excerpt of a third of its
/// source, J ≈ 0.3, is offered by neither banding reliably. Containment is a property of the
/// smaller set, so the test samples the smaller set: its `size` smallest compact shingles (the
/// compact shingles are uniform hashes, so these are a uniform sample, and the same shingles
/// wherever the text reappears). A larger set with containment c holds each sampled shingle with
/// probability c; it is a candidate when it holds at least `neededHits[k]` of the k kept. The
/// hits are counted for every pair at once by one pass over the larger sets
/// (`ClusterEngine.containmentPairs`), without comparing pairs that share no sampled shingle.
///
/// `neededHits[k]` is the largest count that a set with containment `threshold` +
/// `designMargin` reaches with probability at least `targetProbability` under a binomial draw
/// of k (the draw without replacement of the test is more concentrated, so the probability is
/// higher): with k = 16 and the default threshold 0.8, 11 hits, so a pair at containment 0.9 is
/// a candidate with probability 0.9967, at 0.95 with 0.99997, at 0.8 with 0.918; a pair whose
/// smaller side shares half its shingles with the larger is one with probability 0.105.
///
/// A shingle that more than `postingLimit` documents sampled is left out of every sample: its
/// documents keep fewer values and need fewer hits (`neededHits[k]` for the k left), which
/// bounds the work one very common shingle costs; a document whose whole sample is such
/// shingles gets no candidates from the test.
///
/// Example:
///
///     let sample = ContainmentSample(threshold: 0.8)
///     let values = ContainmentSample.smallest(sample.size, of: [9, 4, 7, 1])  // [1, 4, 7, 9]
///     let candidate = sample.isCandidate(hits: 10, kept: 16)  // true
public struct ContainmentSample: Sendable, Equatable {
    /// The default sample size.
    public static let standardSize = 16
    /// The default largest set sampled: a brief of about 200 characters. Longer texts are
    /// sampled by the bandings well enough (a cut to 60 % of an article, 0.96), and a
    /// collection of articles (the bench's 100k corpus: no set below 215) pays nothing.
    public static let standardLargestSampled = 200
    /// The default limit on documents sampling one shingle.
    public static let standardPostingLimit = 4096
    /// The probability with which a pair at exactly the containment threshold must become a
    /// candidate; `neededHits` follows from it.
    public static let targetProbability = 0.99
    /// How far above the containment threshold `targetProbability` is reached: a cut or an
    /// excerpt with a few edits holds 0.9 or more of its shingles in its source.
    public static let designMargin = 0.1

    /// Compact shingles sampled from each short document: its smallest. At most 64.
    public let size: Int
    /// The largest set sampled: only documents of at most this many shingles are short.
    public let largestSampled: Int
    /// Documents that may sample one shingle before it is left out of every sample.
    public let postingLimit: Int
    /// The containment threshold the hits are chosen for.
    public let threshold: Double
    /// `neededHits[k]` for k = 0 … `size`: the hits a larger set needs among k kept samples (0
    /// for k = 0, where no set is a candidate).
    public let neededHits: [Int]

    /// The test for `threshold` (the containment threshold) with samples of `size` values.
    ///
    /// - Precondition: `size` in 1 … 64, `threshold` in (0, 1], `postingLimit` ≥ 1.
    /// - Complexity: O(size²).
    public init(
        threshold: Double, size: Int = standardSize,
        largestSampled: Int = standardLargestSampled, postingLimit: Int = standardPostingLimit
    ) {
        precondition((1...64).contains(size) && threshold > 0 && threshold <= 1 && postingLimit >= 1)
        self.size = size
        self.largestSampled = largestSampled
        self.postingLimit = postingLimit
        self.threshold = threshold
        let design = min(1, threshold + Self.designMargin)
        neededHits = (0...size).map { kept in
            kept == 0 ? 0 : Self.neededHits(kept: kept, containment: design)
        }
    }

    /// Whether a larger set holding `hits` of a document's `kept` samples is its candidate.
    ///
    /// - Complexity: O(1).
    public func isCandidate(hits: Int, kept: Int) -> Bool {
        kept > 0 && hits >= neededHits[min(kept, size)]
    }

    /// The fewest shingles of a set of `count` that a larger set must hold for the set to count
    /// as contained: the least I with I / `count` ≥ `threshold`, as `ClusterOptions
    /// .containsSmaller` compares it.
    ///
    /// - Complexity: O(1).
    public func fewestContained(_ count: Int) -> Int {
        var needed = max(0, Int((threshold * Double(count)).rounded(.up)) - 1)
        while needed < count && Double(needed) / Double(count) < threshold { needed += 1 }
        return needed
    }

    /// The largest h ≥ 1 with P(Binomial(kept, containment) ≥ h) ≥ `targetProbability` (1 when
    /// none reaches it: a sample of one or two values can do no better).
    ///
    /// - Complexity: O(kept²).
    public static func neededHits(kept: Int, containment: Double) -> Int {
        var hits = kept
        while hits > 1
            && candidateProbability(kept: kept, hits: hits, containment: containment)
                < targetProbability
        {
            hits -= 1
        }
        return hits
    }

    /// P(Binomial(kept, containment) ≥ hits): the probability that a larger set of containment
    /// `containment` holds at least `hits` of `kept` samples drawn with replacement (a lower
    /// bound for the draw without replacement of the test, when `hits` is below the mean).
    ///
    /// - Complexity: O(kept²).
    public static func candidateProbability(kept: Int, hits: Int, containment: Double) -> Double {
        var total = 0.0
        for count in max(0, hits)...max(kept, hits) where count <= kept {
            var ways = 1.0
            for i in 0..<count { ways = ways * Double(kept - i) / Double(i + 1) }
            total += ways * pow(containment, Double(count)) * pow(1 - containment, Double(kept - count))
        }
        return total
    }

    /// The `count` smallest of `values` (distinct), ascending: a document's sample. On an
    /// ascending set, its first `count` values.
    ///
    /// - Complexity: O(n + count·log(n/count)·count) expected for n values in random order.
    public static func smallest(_ count: Int, of values: some Sequence<UInt32>) -> [UInt32] {
        var kept: [UInt32] = []
        kept.reserveCapacity(count)
        for value in values {
            if kept.count == count {
                if value >= kept[count - 1] { continue }
                kept.removeLast()
            }
            var at = kept.count
            while at > 0 && kept[at - 1] > value { at -= 1 }
            kept.insert(value, at: at)
        }
        return kept
    }
}
