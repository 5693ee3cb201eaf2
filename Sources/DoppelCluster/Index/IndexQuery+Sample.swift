import DoppelIO

/// The containment sample of short documents in a query (docs/cluster-rules.md, section 1), in
/// both directions: the indexed short documents whose samples the query holds (the sample table,
/// `IndexSampleTable`), and, for a short query, the indexed documents that hold its sample
/// (`IndexContainerScan`). As in `doppel cluster`, a pair offered this way is a candidate only
/// when its smaller side counts as contained, counted exactly (`IndexQuery.matches`).
///
/// The posting limit counts the short documents of the index that sampled a value, and the
/// query when it samples it too (`doppel cluster` counts every short document of its
/// collection).
extension IndexQuery {
    /// A short query's sample (its `sample.size` smallest compact shingles, ascending) and the
    /// part of it kept (the values no more than `postingLimit` short documents sampled, the query
    /// included); nil when the query is not short (`minimumContainedShingles` to
    /// `largestSampled` shingles) or the query has no containment sample.
    ///
    /// - Throws: `DoppelError.badIndex` when the sample table is damaged.
    /// - Complexity: O(s) for s shingles, plus `sample.size` lookups when some value of the
    ///   table is sampled by `postingLimit` documents.
    func shortSample(of signed: SignedDocument) throws -> (all: [UInt32], kept: [UInt32])? {
        guard let sample, let material = signed.material,
            signed.shingleCount >= verification.minimumContainedShingles,
            signed.shingleCount <= sample.largestSampled
        else { return nil }
        let all = ContainmentSample.smallest(sample.size, of: material.dropFirst())
        guard let samples, samples.largestPosting + 1 > sample.postingLimit else { return (all, all) }
        let kept = try all.filter { try samples.postings(of: $0) + 1 <= sample.postingLimit }
        return (all, kept)
    }

    /// The indexed short documents whose sample `signed` holds enough of
    /// (`ContainmentSample.isCandidate`) and that are small enough to be contained in it (at most
    /// `containmentSizeRatio` of its size, at least `minimumContainedShingles`), ascending.
    /// `own` is the query's own sample when it is short (`shortSample(of:)`).
    ///
    /// - Throws: `DoppelError.badIndex` when the sample table or a record read is damaged.
    /// - Complexity: one lookup per shingle of the query and one step per document found, and
    ///   O(1) per document with a hit (its size); when some value of the table is sampled by
    ///   `postingLimit` documents, a record read and `sample.size` lookups for each with fewer
    ///   hits than its whole sample needs.
    func sampledDocuments(for signed: SignedDocument, own: [UInt32]?) throws -> [Int] {
        guard let sample, let samples, let material = signed.material else { return [] }
        let largestContained = Int(
            (ClusterOptions.containmentSizeRatio * Double(signed.shingleCount)).rounded(.down))
        let smallest = verification.minimumContainedShingles
        guard largestContained >= smallest, samples.largestValue > 0 else { return [] }
        let limit = sample.postingLimit
        // A value sampled by the query too counts it among its documents.
        func ownCount(_ value: UInt32) -> Int { own?.contains(value) == true ? 1 : 0 }
        var hits: [Int: Int] = [:]
        var found: [Int] = []
        for value in material.dropFirst() {
            found.removeAll(keepingCapacity: true)
            let count = try samples.forEachDocument(sampling: value) { found.append($0) }
            if count == 0 || count + ownCount(value) > limit { continue }
            for document in found { hits[document, default: 0] += 1 }
        }
        let anyDropped = samples.largestPosting + 1 > limit
        var documents: [Int] = []
        for (document, count) in hits {
            let size = try archive.shingleCount(of: document)
            guard size >= smallest, size <= largestContained, size <= sample.largestSampled else {
                continue
            }
            // Its whole sample kept needs the most hits; a sample with values dropped, fewer.
            let whole = min(size, sample.size)
            if count >= sample.neededHits[whole] {
                documents.append(document)
            } else if anyDropped {
                let stored = try archive.document(document)
                let values = IndexSampleTable.entries(of: stored.material, document: 0).map {
                    UInt32($0 >> 32)
                }
                let kept = try values.filter { try samples.postings(of: $0) + ownCount($0) <= limit }
                if sample.isCandidate(hits: count, kept: kept.count) { documents.append(document) }
            }
        }
        return documents.sorted()
    }

    /// For each of `queries`, the indexed documents that hold enough of its sample when it is
    /// short (`IndexContainerScan`), ascending; one pass over the records when any is short,
    /// none otherwise.
    ///
    /// - Throws: `DoppelError.badIndex` when a record or the sample table is damaged.
    /// - Complexity: O(1) per query without short ones; else as `IndexContainerScan`.
    func containers(of queries: [SignedDocument]) throws -> [[Int]] {
        guard let sample else { return queries.map { _ in [] } }
        let short = try queries.map { signed in
            try shortSample(of: signed).map {
                IndexContainerScan.Query(kept: $0.kept, size: signed.shingleCount)
            }
        }
        if short.allSatisfy({ $0 == nil }) { return queries.map { _ in [] } }
        return try IndexContainerScan.containers(of: short, in: archive, sample: sample)
    }
}
