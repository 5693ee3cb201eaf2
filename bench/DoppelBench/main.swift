// DoppelBench: in-process micro-benchmarks of the Doppel library, one JSON object per line.
//
//   DoppelBench [--samples DIR] [--runs N] [--compare-runs N] [--megabytes M] [--cpu]
//   DoppelBench --stages A B [--runs N] [--cpu]
//   DoppelBench --collate W [--samples DIR] [--runs N]
//   DoppelBench --pages [--samples DIR | --text DIR] [--notes] [--dump DIR] [--seed N]
//
// - normalize: `Normalizer(options:).normalize(_:)` on the five sample pages repeated into one
//   text of M megabytes (default 100; 1 MB = 10^6 UTF-8 bytes), with the default options
//   (`keepMap: true`) and with `keepMap: false`; median of N runs (default 5). Building the
//   `SourceText` (decoding to code points, indexing lines) is done once, outside the timing.
// - compare: `Comparer.compare(a, b)` on the samples pair 000 (web) / 001 (print) as `SourceText`s
//   already decoded; median of --compare-runs runs (default 20). Normalising both sides is part
//   of the comparison and so of the timing.
// - check: `Checker.check` (forms and consistency) on the samples pair after the comparison,
//   median of --compare-runs runs, and its share of the comparison's time (`added`).
// - evidence_reference: a reference of 10,000 articles made of sample paragraphs (seeded):
//   building `ReferenceCorpus`'s bigram table once, then the lookups of one page pair (each
//   replacement's two forms, counted with 3 examples), median of --compare-runs runs.
// - stages (`--stages A B`, instead of the above): `doppel diff A B --format json` taken apart,
//   median of N runs each: the whole comparison `Comparer.compare(a, b)` on texts already read
//   (compare_s, what a peer's in-process figure measures), and its stages timed on their own:
//   reading both files (in parallel, as the command does), normalising both (in parallel),
//   aligning, diffing every aligned pair, the Check stage (`Checker.check`: each edit's form and
//   the consistency check, as `doppel diff` runs by default), and writing the JSON report.
// - collate (`--collate W`, instead of the above): `Collator.collate` of W versions (ten in the
//   issue's budget: under 1 s on 2 cores) of the print sample page (001, 7,015 characters,
//   20 KB of UTF-8), each made from it by seeded edits (20 characters replaced, inserted or
//   deleted inside Han text; every third version with two paragraphs swapped); median of N runs,
//   normalisation included, and the process's peak resident memory.
// - pages (`--pages`, instead of the above): `Comparer.compare` on the generated web/print page
//   pairs of `PagePairGenerator.standardSet()` and of `widenedSet()` (Tests/PagePairs), scored
//   against their truth: for each set (`set`: standard, widened) one line per class (truth,
//   found, recall, reported, precision), then the totals and the control pages; `--notes` also
//   writes each missed and each wrong edit to standard error; `--dump DIR` writes each pair as
//   DIR/NAME.a.txt and DIR/NAME.b.txt, to run `doppel diff` on; `--seed N` builds both sets from
//   other seeds (N added to each set's own), held out from the ones the tests pin; `--text DIR`
//   builds both sets from a folder of articles instead of the samples' text (`PageText(folder:)`,
//   the format of Tests/PagePairs/FreshText: original text the rules were never fitted to).
//
// Every figure is wall time on the monotonic clock; with `--cpu`, the CPU time (user and system,
// all threads) of the process over the same span instead, which other jobs on a shared machine
// disturb far less (a stage that runs on two threads then counts both).
//
// Uses only the public API. bench/run calls it and folds the lines into the results table.

import Doppel
import Foundation
import PagePairs

/// Parsed command-line settings.
struct Settings {
    var samples = "samples"
    var runs = 5
    var compareRuns = 20
    var megabytes = 100
    var stages: (a: String, b: String)?
    var collate: Int?
    var pages = false
    var notes = false
    var dump: String?
    var seed: UInt64 = 0
    var text: String?
    var cpu = false

    init(_ arguments: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < arguments.count else { fail("missing value after \(arguments[i - 1])") }
            return arguments[i]
        }
        func count(_ text: String) -> Int {
            guard let n = Int(text), n > 0 else { fail("not a positive whole number: \(text)") }
            return n
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--samples": samples = value()
            case "--runs": runs = count(value())
            case "--compare-runs": compareRuns = count(value())
            case "--megabytes": megabytes = count(value())
            case "--stages": stages = (value(), value())
            case "--collate": collate = count(value())
            case "--pages": pages = true
            case "--notes": notes = true
            case "--dump": dump = value()
            case "--text": text = value()
            case "--seed":
                guard let n = UInt64(value()) else { fail("not a whole number: \(arguments[i])") }
                seed = n
            case "--cpu": cpu = true
            default: fail("unknown argument \(arguments[i])")
            }
            i += 1
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("DoppelBench: \(message)\n".utf8))
    exit(2)
}

/// Seconds taken by `body`: on the monotonic clock, or the process's CPU time with `--cpu`.
func seconds(_ body: () -> Void) -> Double {
    guard settings.cpu else {
        let d = ContinuousClock().measure(body)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start)
    body()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
}

func median(_ values: [Double]) -> Double {
    let v = values.sorted()
    let k = v.count / 2
    return v.count % 2 == 1 ? v[k] : (v[k - 1] + v[k]) / 2
}

/// Prints one result line as JSON (keys sorted so lines are stable).
func emit(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func readSample(_ directory: String, _ name: String) -> String {
    let path = (directory as NSString).appendingPathComponent(name)
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))

// MARK: stages of one diff

if let (pathA, pathB) = settings.stages {
    func timed<T>(_ body: () throws -> T) -> (T, Double) {
        var times: [Double] = []
        var result: T?
        for _ in 0..<settings.runs {
            times.append(seconds { result = try? body() })
        }
        guard let result else { fail("\(pathA), \(pathB): a stage failed") }
        return (result, median(times))
    }
    let options = ComparisonOptions.standard
    let ((a, b), read) = timed { try InputReader.read(pathA, pathB) }
    let (_, compare) = timed { Comparer.compare(a, b, options: options).editCount }
    let ((textA, textB), normalize) = timed { Comparer.normalize(a, b, options: options.normalization) }
    let (alignment, align) = timed { Aligner.align(textA, textB, options: options.align) }
    let gaps = alignment.pairs.flatMap(\.gaps)
    let (edits, diff) = timed {
        PassageDiffer.diffGaps(gaps, textA, textB, options: options.diff).reduce(0) { $0 + $1.edits.count }
    }
    var comparison = Comparer.compare(a, textA, b, textB, options: options)
    let (check, checkTime) = timed { Checker.check(comparison) }
    comparison.check = check
    let (json, report) = timed { DiffReport.json(comparison) }
    emit([
        "bench": "stages", "a": pathA, "b": pathB, "runs": settings.runs,
        "code_points": a.scalars.count + b.scalars.count,
        "pairs": alignment.pairs.count, "edits": edits, "json_bytes": json.utf8.count,
        "read_s": read, "compare_s": compare, "normalize_s": normalize, "align_s": align, "diff_s": diff,
        "check_s": checkTime, "report_s": report,
    ])
    exit(0)
}
// MARK: collation of many versions

if let witnesses = settings.collate {
    let page = Array(readSample(settings.samples, "001_bf998fbe8d636d66.txt").unicodeScalars)
    func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }
    let fillers = Array("甲乙丙丁戊己庚辛壬癸".unicodeScalars)
    let sources = (0..<witnesses).map { k -> SourceText in
        var rng = SplitMix64(seed: 0xC0_11A7E + UInt64(k))
        var scalars = page
        for _ in 0..<20 {
            let p = Int.random(in: 1..<(scalars.count - 1), using: &rng)
            guard isHan(scalars[p]) else { continue }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: scalars[p] = fillers.randomElement(using: &rng)!
            case 1: scalars.insert(fillers.randomElement(using: &rng)!, at: p)
            default: scalars.remove(at: p)
            }
        }
        var text = String(String.UnicodeScalarView(scalars))
        if k % 3 == 2 {
            var paragraphs = text.components(separatedBy: "\n\n")
            let i = Int.random(in: 0..<(paragraphs.count / 2), using: &rng)
            paragraphs.swapAt(i, i + paragraphs.count / 2)
            text = paragraphs.joined(separator: "\n\n")
        }
        return SourceText(path: "v\(k + 1)", text: text)
    }
    var times: [Double] = []
    var collation: Collation?
    for _ in 0..<settings.runs {
        times.append(seconds { collation = try? Collator.collate(sources) })
    }
    guard let collation else { fail("the collation failed") }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    emit([
        "bench": "collate", "witnesses": witnesses, "code_points": sources.reduce(0) { $0 + $1.scalars.count },
        "bytes": sources.reduce(0) { $0 + String(String.UnicodeScalarView($1.scalars)).utf8.count },
        "variants": collation.variants.count, "only_in": collation.onlyIn.count, "runs": settings.runs,
        "median_s": median(times), "min_s": times.min()!, "max_rss_mib": Double(usage.ru_maxrss) / 1024,
    ])
    exit(0)
}
// MARK: generated page pairs

if settings.pages {
    let text: PageText
    if let folder = settings.text {
        do { text = try PageText(folder: folder) } catch { fail("\(error)") }
    } else {
        text = PageText(samplesFolder: settings.samples)
    }
    let generator = PagePairGenerator(text: text)
    for (setName, pairs) in [
        ("standard", generator.standardSet(seed: 0x5EED_D1FF &+ settings.seed)),
        ("widened", generator.widenedSet(seed: 0x0DD5_EED5 &+ settings.seed)),
    ] {
        var scores = PagePairScores()
        for pair in pairs {
            if let folder = settings.dump {
                for (side, text) in [("a", pair.a), ("b", pair.b)] {
                    guard
                        (try? text.write(
                            toFile: "\(folder)/\(pair.name).\(side).txt", atomically: true, encoding: .utf8))
                            != nil
                    else {
                        fail("cannot write into \(folder)")
                    }
                }
            }
            scores.add(
                pair,
                Comparer.compare(
                    SourceText(path: pair.name + ".a", text: pair.a),
                    SourceText(path: pair.name + ".b", text: pair.b)))
        }
        for c in ScoreClass.allCases {
            let reported = (scores.correct[c] ?? 0) + (scores.wrong[c] ?? 0)
            guard (scores.truth[c] ?? 0) + reported > 0 else { continue }
            var fields: [String: Any] = [
                "bench": "pages", "set": setName, "class": c.rawValue, "truth": scores.truth[c] ?? 0,
                "found": scores.found[c] ?? 0, "reported": reported,
            ]
            if let r = scores.recall(c) { fields["recall"] = r }
            if let p = scores.precision(c) { fields["precision"] = p }
            emit(fields)
        }
        emit([
            "bench": "pages", "set": setName, "class": "all", "pages": scores.pages, "recall": scores.recall,
            "precision": scores.precision,
            "controls": scores.controls, "control_edits": scores.controlEdits,
            "controls_with_differences": scores.controlsWithDifferences,
        ])
        if settings.notes {
            FileHandle.standardError.write(
                Data(("set \(setName)\n" + scores.table + scores.notes.joined(separator: "\n") + "\n").utf8))
        }
    }
    exit(0)
}
let sampleNames =
    (try? FileManager.default.contentsOfDirectory(atPath: settings.samples))?
    .filter { $0.hasSuffix(".txt") }.sorted() ?? []
guard sampleNames.count >= 2 else { fail("no samples/*.txt under \(settings.samples)") }

// MARK: normaliser throughput

let pages = sampleNames.map { readSample(settings.samples, $0) }.joined(separator: "\n\n")
let pageBytes = pages.utf8.count + 2
let copies = (settings.megabytes * 1_000_000 + pageBytes - 1) / pageBytes
let big = String(repeating: pages + "\n\n", count: copies)
let bigBytes = big.utf8.count
let bigSource = SourceText(path: "samples-x\(copies)", text: big)

for keepMap in [true, false] {
    let options = NormalizationOptions(keepMap: keepMap)
    var times: [Double] = []
    var units = 0
    for _ in 0..<settings.runs {
        times.append(
            seconds {
                units = Normalizer(options: options).normalize(bigSource).count
            })
    }
    let t = median(times)
    emit([
        "bench": "normalize", "keep_map": keepMap, "bytes": bigBytes, "code_points": bigSource.scalars.count,
        "units": units, "runs": settings.runs, "median_s": t, "min_s": times.min()!,
        "mb_per_s": Double(bigBytes) / 1e6 / t,
    ])
}

// The same bytes as many small texts: each page normalised on its own, as clustering does with
// documents (one `Normalizer` reused, so its folding cache stays warm).
let pageSources = sampleNames.map { SourceText(path: $0, text: readSample(settings.samples, $0)) }
let pageSetBytes = sampleNames.reduce(0) { $0 + readSample(settings.samples, $1).utf8.count }
let rounds = (settings.megabytes * 1_000_000 + pageSetBytes - 1) / pageSetBytes
for keepMap in [true, false] {
    let normalizer = Normalizer(options: NormalizationOptions(keepMap: keepMap))
    var times: [Double] = []
    var units = 0
    for _ in 0..<settings.runs {
        times.append(
            seconds {
                units = 0
                for _ in 0..<rounds {
                    for page in pageSources { units += normalizer.normalize(page).count }
                }
            })
    }
    let t = median(times)
    emit([
        "bench": "normalize_pages", "keep_map": keepMap, "bytes": pageSetBytes * rounds,
        "texts": rounds * pageSources.count, "units": units, "runs": settings.runs, "median_s": t,
        "min_s": times.min()!, "mb_per_s": Double(pageSetBytes * rounds) / 1e6 / t,
    ])
}

// MARK: samples-pair comparison

let a = SourceText(path: sampleNames[0], text: readSample(settings.samples, sampleNames[0]))
let b = SourceText(path: sampleNames[1], text: readSample(settings.samples, sampleNames[1]))
var compareTimes: [Double] = []
var edits = 0
for _ in 0..<settings.compareRuns {
    compareTimes.append(
        seconds {
            edits = Comparer.compare(a, b).editCount
        })
}
emit([
    "bench": "compare", "a": sampleNames[0], "b": sampleNames[1], "edits": edits,
    "runs": settings.compareRuns, "median_s": median(compareTimes), "min_s": compareTimes.min()!,
])

// MARK: checks on the samples pair

// The Check stage's cost on the samples pair, in process: the comparison alone, then the
// comparison and `Checker.check` (forms and consistency, as `doppel diff` runs by default).
var checkTimes: [Double] = []
var checkedCompareTimes: [Double] = []
for _ in 0..<settings.compareRuns {
    var c = Comparer.compare(a, b)
    checkTimes.append(seconds { c.check = Checker.check(c) })
    checkedCompareTimes.append(
        seconds {
            var d = Comparer.compare(a, b)
            d.check = Checker.check(d)
        })
}
let compareMedian = median(compareTimes)
emit([
    "bench": "check", "a": sampleNames[0], "b": sampleNames[1], "runs": settings.compareRuns,
    "compare_s": compareMedian, "check_s": median(checkTimes), "compare_and_check_s": median(checkedCompareTimes),
    "added": median(checkTimes) / compareMedian,
])

// MARK: evidence from a reference of 10,000 articles

// A reference of 10,000 articles of about 1,000 characters, each 5 paragraphs of the sample
// pages with every 50th ideograph replaced (seeded), searched through `ReferenceCorpus`'s bigram
// table: the time to build it, and the lookups of one page pair (each replacement's two forms).
let paragraphs = sampleNames.flatMap { name in
    readSample(settings.samples, name).components(separatedBy: "\n\n").filter { $0.count > 40 }
}
var rng = SplitMix64(seed: 16)
let normalizer = Normalizer(options: NormalizationOptions())
var articles: [ReferenceCorpus.Document] = []
var referenceChars = 0
for n in 0..<10_000 {
    var scalars: [Unicode.Scalar] = []
    for _ in 0..<5 {
        scalars += paragraphs[Int(rng.next() % UInt64(paragraphs.count))].unicodeScalars
        scalars += "\n\n".unicodeScalars
    }
    for i in stride(from: Int(rng.next() % 50), to: scalars.count, by: 50)
    where scalars[i].value >= 0x4E00 && scalars[i].value < 0x9FA5 {
        scalars[i] = Unicode.Scalar(0x4E00 + UInt32(rng.next() % 0x51A5))!
    }
    let source = SourceText(path: "article-\(n).txt", encoding: .utf8, format: .text, scalars: scalars)
    referenceChars += scalars.count
    articles.append(ReferenceCorpus.Document(source: source, text: normalizer.normalize(source)))
}
var reference: ReferenceCorpus?
let buildSeconds = seconds { reference = try? ReferenceCorpus(documents: articles) }
guard let reference else { fail("the reference did not build") }
var pairCompared = Comparer.compare(a, b)
pairCompared.check = Checker.check(pairCompared)
let replacements = pairCompared.pairs.flatMap(\.edits).enumerated().filter { $0.element.operation == .replace }
var forms: [[UInt32]] = []
for (k, _) in replacements {
    guard let form = pairCompared.check!.forms[k] else { continue }
    forms.append(Array(pairCompared.textA.units[form.a]))
    forms.append(Array(pairCompared.textB.units[form.b]))
}
var lookupTimes: [Double] = []
var found = 0
for _ in 0..<settings.compareRuns {
    lookupTimes.append(seconds { found = forms.reduce(0) { $0 + reference.lookup($1, examples: 3).count } })
}
emit([
    "bench": "evidence_reference", "articles": articles.count, "reference_chars": referenceChars,
    "build_s": buildSeconds, "lookups": forms.count, "occurrences": found, "runs": settings.compareRuns,
    "lookups_s": median(lookupTimes),
])
