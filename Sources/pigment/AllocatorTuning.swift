#if canImport(CMalloc)
import CMalloc
#endif

/// How the command-line tool asks glibc's allocator to treat its planes.
enum AllocatorTuning {
    /// A pair is measured through a few dozen planes of 1–3 MB, each made and
    /// freed in turn. By default glibc maps each such block fresh from the
    /// kernel and returns it on free, so every plane's pages fault in anew
    /// (about a fifth of the CPU time of a pair). Blocks up to 32 MB (glibc's
    /// largest threshold) instead come from the heap, and freed memory up to
    /// 256 MB stays there for the next plane. Peak memory moves little: the
    /// planes alive at once are the same. Does nothing off glibc.
    static func keepFreedPlanes() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        #endif
    }
}
