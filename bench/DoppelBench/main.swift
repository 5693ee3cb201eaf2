@testable import Doppel
import Foundation
func load(_ p: String) -> NormalizedText {
    Normalizer().normalize(SourceText(path: p, text: try! String(contentsOfFile: p, encoding: .utf8)))
}
let a = load(CommandLine.arguments[1]), b = load(CommandLine.arguments[2])
let al = Aligner.align(a, b)
print("pairs", al.pairs.count, "onlyA", al.onlyInA.count, "onlyB", al.onlyInB.count, "headlines", al.headlinesAfterBody)
for p in al.pairs {
    print("PAIR a\(p.a) b\(p.b) moved=\(p.moved) \(a.string(p.a).prefix(20))")
    for g in p.gaps { print("   [-\(a.string(g.a))-]{+\(b.string(g.b))+}") }
}
for r in al.onlyInA { print("ONLY A", a.string(r).prefix(60)) }
for r in al.onlyInB { print("ONLY B", b.string(r).prefix(60)) }
for f in CommandLine.arguments.dropFirst() {
  let t = load(f)
  for art in ArticleSplitter.split(t) { print(f.suffix(8), art.range, art.title ?? "-", t.string(art.range).prefix(20)) }
}
