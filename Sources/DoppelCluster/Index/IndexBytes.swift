/// Little-endian encoding of the fixed-width fields of index files, the one place that knows the
/// byte order.
struct IndexBytes {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Appends raw bytes.
    ///
    /// - Complexity: O(n) for n bytes.
    mutating func append(_ raw: [UInt8]) { bytes += raw }

    /// Appends `value` little-endian.
    ///
    /// - Complexity: O(1) amortised.
    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends zero bytes until the length is a multiple of `alignment`.
    ///
    /// - Complexity: O(alignment).
    mutating func pad(to alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// Reads little-endian fields at byte offsets of a buffer.
    ///
    /// Callers check bounds first: the buffer comes from a section whose length the header
    /// validated, or was sized by the caller.
    struct Reader {
        let buffer: UnsafeRawBufferPointer

        init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

        /// The UInt32 at `offset`.
        ///
        /// - Precondition: `offset + 4 <= buffer.count`.
        /// - Complexity: O(1).
        @inline(__always)
        func u32(_ offset: Int) -> UInt32 {
            precondition(offset >= 0 && offset + 4 <= buffer.count)
            return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }

        /// The UInt64 at `offset`.
        ///
        /// - Precondition: `offset + 8 <= buffer.count`.
        /// - Complexity: O(1).
        @inline(__always)
        func u64(_ offset: Int) -> UInt64 {
            precondition(offset >= 0 && offset + 8 <= buffer.count)
            return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        /// `count` UInt32 values starting at `offset`.
        ///
        /// - Precondition: `offset + 4 · count <= buffer.count`.
        /// - Complexity: O(count).
        func u32s(_ offset: Int, count: Int) -> [UInt32] {
            precondition(offset >= 0 && count >= 0 && offset + 4 * count <= buffer.count)
            if count == 0 { return [] }
            return [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
                let source = buffer.baseAddress! + offset
                for i in 0..<count {
                    values[i] = UInt32(
                        littleEndian: source.loadUnaligned(
                            fromByteOffset: 4 * i,
                            as: UInt32.self))
                }
                initialized = count
            }
        }
    }
}
