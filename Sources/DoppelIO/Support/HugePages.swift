#if canImport(Glibc)
    import Glibc
#endif

/// Transparent huge pages for the long buffers of one run (a 10 MB text's code points, its
/// normalised units and map, the k-gram hashes): the buffer is marked `MADV_HUGEPAGE` before it
/// is first written, so the kernel backs it with 2 MiB pages where it can. Each first write to a
/// 4 KiB page is a page fault, and on a virtual machine a fault costs microseconds: a 10 MB pair
/// takes about 37,000 of them, a third of its run time, and about 8,000 with this advice.
///
/// Only the whole 2 MiB pages inside the buffer are marked, and only in buffers of at least
/// `minimumBytes`; memory that is never written is not touched. The advice changes no byte of
/// the buffer and may be ignored: on systems without it (macOS, or Linux with huge pages set to
/// `never`) this does nothing.
@usableFromInline package enum HugePages {
    /// The size of one huge page on x86-64 and most ARM64 Linux systems.
    static let pageBytes = 2 << 20

    /// Buffers shorter than this are left alone: they hold no whole huge page. One of 2-4 MiB
    /// (a 10 MB text's map columns, its sorted k-gram hashes) often holds one, 512 faults of
    /// 4 KiB pages fewer.
    static let minimumBytes = pageBytes

    /// Marks the whole huge pages inside `buffer` for huge-page backing.
    ///
    /// - Complexity: one system call for a long buffer; nothing for a short one.
    @inline(__always)
    @usableFromInline package static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        advise(UnsafeMutableRawBufferPointer(buffer))
    }

    /// Marks the whole huge pages inside `buffer` for huge-page backing.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= minimumBytes, let base = buffer.baseAddress,
            let pages = wholePages(start: UInt(bitPattern: base), byteCount: buffer.count)
        else { return }
        #if os(Linux)
            _ = madvise(
                UnsafeMutableRawPointer(bitPattern: pages.lowerBound), Int(pages.upperBound - pages.lowerBound),
                MADV_HUGEPAGE)
        #endif
    }

    /// The addresses of the whole huge pages inside `byteCount` bytes from `start`: the start
    /// rounded up and the end rounded down to a multiple of `pageBytes`; nil when no whole page
    /// fits.
    static func wholePages(start: UInt, byteCount: Int) -> Range<UInt>? {
        let mask = UInt(pageBytes - 1)
        let (end, overflow) = start.addingReportingOverflow(UInt(max(byteCount, 0)))
        guard !overflow, start <= UInt.max - mask else { return nil }
        let first = (start + mask) & ~mask
        let last = end & ~mask
        return first < last ? first..<last : nil
    }
}
