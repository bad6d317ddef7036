/// New arrays filled in place by bands of rows on several threads, each band
/// writing only its own rows: no band's work is copied afterwards.
enum RowBands {
    /// `planes` arrays of `width` × `height` samples and one of as many flags,
    /// filled by `fill(rows, outputs)` for bands of rows on up to `threads`
    /// threads; `fill` must write every sample and flag of its rows.
    static func fill(planes: Int, width: Int, height: Int, threads: Int,
                     _ fill: @Sendable (Range<Int>, Outputs) -> Void) -> (planes: [[Float]], flags: [Bool]) {
        let count = width * height
        var samples: [[Float]] = []
        let flags = [Bool](unsafeUninitializedCapacity: count) { flags, initialized in
            samples = arrays(planes, count: count) { pointers in
                let outputs = Outputs(samples: pointers, flags: flags.baseAddress!)
                let bands = max(1, min(threads, height))
                let ranges = (0..<bands).map { height * $0 / bands..<height * ($0 + 1) / bands }
                _ = ParallelWork.map(ranges, threads: bands) { rows in fill(rows, outputs) }
            }
            initialized = count
        }
        return (samples, flags)
    }

    /// Where the bands write: each plane's first sample and the first flag.
    /// Shared by the threads, which write disjoint rows.
    struct Outputs: @unchecked Sendable {
        let samples: [UnsafeMutablePointer<Float>]
        let flags: UnsafeMutablePointer<Bool>
    }

    /// `k` arrays of `count` floats, all being initialised while `fill` runs
    /// with their first elements; `fill` must write all of them.
    private static func arrays(_ k: Int, count: Int, _ fill: ([UnsafeMutablePointer<Float>]) -> Void) -> [[Float]] {
        func nest(_ pointers: [UnsafeMutablePointer<Float>]) -> [[Float]] {
            guard pointers.count < k else {
                fill(pointers)
                return []
            }
            var rest: [[Float]] = []
            let array = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                rest = nest(pointers + [buffer.baseAddress!])
                initialized = count
            }
            return [array] + rest
        }
        return nest([])
    }
}
