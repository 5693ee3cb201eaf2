#if canImport(Glibc)
    import Glibc
#endif

/// How the process takes memory from the system.
enum Memory {
    /// Buffers of 256 KiB and more are mapped on their own and unmapped when freed
    /// (`mallopt(M_MMAP_THRESHOLD, 256 KiB)`). glibc otherwise raises that threshold as large
    /// buffers are freed (up to 32 MiB), and the later buffers of a long text, below it, come
    /// from a heap that is not given back: the diff of two 20 MB texts held about 3 bytes more
    /// per input byte at its peak (docs/safety.md, memory per command). Elsewhere, nothing.
    static func mapLargeBuffers() {
        #if canImport(Glibc)
            // `mallopt` is in <malloc.h>, which the Glibc module leaves out; it is looked up by
            // name and called with the C convention it has (int mallopt(int param, int value)).
            // M_MMAP_THRESHOLD is -3 in every glibc.
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(symbol, to: MallOpt.self)(-3, 256 * 1024)
        #endif
    }
}
