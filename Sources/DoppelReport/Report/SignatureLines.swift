import DoppelCluster

/// Renders signed documents as the JSON Lines `doppel sign` writes, one object a line:
///
/// ```
/// {"id": str, "chars": int, "shingles": int, "signature": [uint32, …],
///  "bands": ["16 hex digits", …], "set": [uint32, …], "sequence": [uint32, …]}
/// ```
///
/// `shingles` is the number of distinct compact shingles, `bands` the 64-bit key of each band
/// (band 0 first; none for an empty text), `set` the ascending compact shingle set, present
/// only when asked for (`--shingles`), and `sequence`, with it for short items only, the same set
/// in the order the aligned share is measured in (`SignedDocument.sequence`). Keys always come
/// in this order, without spaces.
public enum SignatureLines {
    /// The line of `document`, newline included, as UTF-8.
    ///
    /// - Complexity: O(signature + bands + set + id length).
    public static func line(_ document: SignedDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            64 + 11 * document.signature.values.count + 19 * document.bandKeys.count
                + 11 * (document.shingleSet?.count ?? 0))
        out += Array("{\"id\":".utf8)
        JSONWriter.escape(document.id, into: &out)
        out += Array(",\"chars\":".utf8)
        appendDecimal(UInt64(document.chars), to: &out)
        out += Array(",\"shingles\":".utf8)
        appendDecimal(UInt64(document.shingleCount), to: &out)
        out += Array(",\"signature\":".utf8)
        appendArray(document.signature.values, to: &out)
        out += Array(",\"bands\":[".utf8)
        let digits = Array("0123456789abcdef".utf8)
        for (index, key) in document.bandKeys.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            for shift in stride(from: 60, through: 0, by: -4) {
                out.append(digits[Int((key >> UInt64(shift)) & 0xF)])
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
        if let set = document.shingleSet {
            out += Array(",\"set\":".utf8)
            appendArray(set, to: &out)
        }
        if let sequence = document.sequence {
            out += Array(",\"sequence\":".utf8)
            appendArray(sequence, to: &out)
        }
        out += Array("}\n".utf8)
        return out
    }

    private static func appendArray(_ values: [UInt32], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendDecimal(UInt64(value), to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    private static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            var rest = value
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }
}
