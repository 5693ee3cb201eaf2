@testable import Doppel
import Foundation
let s = Array(try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8).unicodeScalars)
let l = s.withUnsafeBufferPointer { LineLayout.analyze($0, layout: .auto) }
print(l.isPrint, l.recovered, l.paragraphBefore.prefix(30))
