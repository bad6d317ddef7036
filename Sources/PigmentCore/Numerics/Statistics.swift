/// Robust order statistics over samples.
public enum Statistics {
    /// The `q`-quantile (0–1) of `values`: the element that would stand at
    /// index round(q·(n−1)) if they were sorted, found in linear time without
    /// sorting (selected on a copy, ``selectInPlace(_:_:)``). `nil` when empty.
    public static func quantile(_ values: [Float], _ q: Double) -> Float? {
        guard !values.isEmpty else { return nil }
        var copy = values
        return copy.withUnsafeMutableBufferPointer { selectInPlace($0, rank(q, count: $0.count)) }
    }

    /// The index round(q·(n−1)) of the `q`-quantile among `count` sorted values.
    static func rank(_ q: Double, count: Int) -> Int {
        min(count - 1, max(0, Int((q * Double(count - 1)).rounded())))
    }

    /// The `k`-th smallest (0-based) of `a`, reordering it: by radix digits
    /// from a few hundred values on, by quickselect below.
    static func selectInPlace(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int) -> Float {
        a.count >= digitThreshold ? digitSelect(a, k) : select(a, k)
    }

    /// The `k`-th smallest element (0-based), partially reordering `a`:
    /// quickselect with a median-of-three pivot and three-way partitioning,
    /// so runs of equal values cost no more than distinct ones.
    static func select(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int) -> Float {
        var low = 0, high = a.count - 1
        while low < high {
            let mid = low + (high - low) / 2
            let x = a[low], y = a[mid], z = a[high]
            let pivot = max(min(x, y), min(max(x, y), z))
            // a[low..<lt] < pivot, a[lt..<i] == pivot, a[gt+1...high] > pivot.
            var lt = low, i = low, gt = high
            while i <= gt {
                let v = a[i]
                if v < pivot { a.swapAt(lt, i); lt += 1; i += 1 } else if v > pivot { a.swapAt(i, gt); gt -= 1 } else { i += 1 }
            }
            if k < lt { high = lt - 1 } else if k > gt { low = gt + 1 } else { return pivot }
        }
        return a[k]
    }

    public static func median(_ values: [Float]) -> Float? { quantile(values, 0.5) }

    /// The same element as ``median(_:)``, selected in place (reordering `values`).
    static func median(inPlace values: UnsafeMutableBufferPointer<Float>) -> Float? {
        guard !values.isEmpty else { return nil }
        return selectInPlace(values, rank(0.5, count: values.count))
    }

    /// From this many values on, selection goes by radix digits.
    static let digitThreshold = 256

    /// The `k`-th smallest (0-based) of `a`, exactly, reordering it: the
    /// order-preserving integer keys are read in three digits (11, 11 and 10
    /// bits), each counted over the values whose higher digits match the
    /// sought one, which are kept at the front. No comparisons to mispredict,
    /// unlike ``select(_:_:)``'s partitions.
    static func digitSelect(_ a: UnsafeMutableBufferPointer<Float>, _ k: Int) -> Float {
        var histogram = [Int32](repeating: 0, count: 1 << 11)
        var rank = k, count = a.count
        let values = a.baseAddress!
        return histogram.withUnsafeMutableBufferPointer { h in
            for (shift, bits) in [(21, 11), (10, 11), (0, 10)] as [(UInt32, Int)] {
                let digitMask = UInt32(1 << bits - 1)
                h.baseAddress!.update(repeating: 0, count: 1 << bits)
                for i in 0..<count { h[Int(orderKey(values[i]) >> shift & digitMask)] += 1 }
                var digit = 0
                while rank >= Int(h[digit]) { rank -= Int(h[digit]); digit += 1 }
                // Swaps, so that the values stay a permutation of the input.
                var kept = 0
                for i in 0..<count {
                    let v = values[i]
                    values[i] = values[kept]
                    values[kept] = v
                    kept &+= orderKey(v) >> shift & digitMask == UInt32(digit) ? 1 : 0
                }
                count = kept
            }
            return values[0]
        }
    }

    /// An unsigned integer that orders as the float does (−0 just below +0).
    @inline(__always)
    static func orderKey(_ v: Float) -> UInt32 {
        let bits = v.bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    /// Standard deviation of the samples of `plane` under `mask` (same size),
    /// estimated from their median absolute deviation (1.4826 × MAD),
    /// insensitive to a minority of outliers. The samples are not copied out.
    /// With `spacing` above 1, only pixels whose coordinates are multiples of
    /// it are read (for smoothed planes, whose neighbours repeat each other).
    /// `nil` when no pixel is read.
    public static func robustSigma(of plane: Plane, where mask: Mask, spacing: Int = 1) -> Float? {
        precondition(plane.width == mask.width && plane.height == mask.height, "mask size differs from the plane's")
        return plane.samples.withUnsafeBufferPointer { v in robustSigma(where: mask, spacing: spacing) { v[$0] } }
    }

    /// ``robustSigma(of:where:spacing:)`` of the difference `plane − other`
    /// (same sizes), without making it.
    public static func robustSigma(of plane: Plane, minus other: Plane, where mask: Mask, spacing: Int = 1) -> Float? {
        precondition(plane.width == mask.width && plane.height == mask.height, "mask size differs from the plane's")
        precondition(other.width == plane.width && other.height == plane.height, "planes differ in size")
        return plane.samples.withUnsafeBufferPointer { v in
            other.samples.withUnsafeBufferPointer { o in robustSigma(where: mask, spacing: spacing) { v[$0] - o[$0] } }
        }
    }

    /// 1.4826 × the median absolute deviation of `value(i)` over the pixels `i`
    /// set in `mask` on the lattice of every `spacing`-th row and column; `nil`
    /// when there are none. The values are gathered into one buffer, and both
    /// medians selected there by radix digits.
    @inline(__always)
    private static func robustSigma(where mask: Mask, spacing: Int, _ value: (Int) -> Float) -> Float? {
        var gathered = gather(where: mask, spacing: spacing, value)
        guard !gathered.isEmpty else { return nil }
        let index = rank(0.5, count: gathered.count)
        return gathered.withUnsafeMutableBufferPointer { values in
            // Selection reorders the values; their deviations do not depend on the order.
            let median = digitSelect(values, index)
            for i in values.indices { values[i] = abs(values[i] - median) }
            return 1.4826 * digitSelect(values, index)
        }
    }

    /// The samples of `plane` (the mask's size) at the pixels set in `mask`, in row order.
    public static func values(of plane: Plane, where mask: Mask) -> [Float] {
        precondition(plane.width == mask.width && plane.height == mask.height, "mask size differs from the plane's")
        return plane.samples.withUnsafeBufferPointer { v in gather(where: mask, spacing: 1) { v[$0] } }
    }

    /// `value(i)` for the pixels `i` set in `mask` on the lattice of every
    /// `spacing`-th row and column, in row order, in one buffer.
    @inline(__always)
    private static func gather(where mask: Mask, spacing: Int, _ value: (Int) -> Float) -> [Float] {
        let step = max(1, spacing), w = mask.width
        let capacity = ((mask.height + step - 1) / step) * ((w + step - 1) / step)
        return [Float](unsafeUninitializedCapacity: capacity) { out, filled in
            mask.bits.withUnsafeBufferPointer { bits in
                var n = 0
                for y in stride(from: 0, to: mask.height, by: step) {
                    for i in stride(from: y * w, to: y * w + w, by: step) where bits[i] { out[n] = value(i); n += 1 }
                }
                filled = n
            }
        }
    }

    /// Mean and population standard deviation (double-precision accumulation,
    /// in eight lanes that are added at the end).
    public static func meanAndDeviation(_ values: [Float]) -> (mean: Double, deviation: Double)? {
        guard !values.isEmpty else { return nil }
        return values.withUnsafeBufferPointer { v in
            let raw = UnsafeRawPointer(v.baseAddress!), whole = v.count / 8 * 8
            func total(_ term: (SIMD8<Double>) -> SIMD8<Double>, _ scalar: (Double) -> Double) -> Double {
                var sum = SIMD8<Double>()
                for i in stride(from: 0, to: whole, by: 8) {
                    sum += term(SIMD8<Double>(raw.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)))
                }
                return v[whole...].reduce(sum.sum()) { $0 + scalar(Double($1)) }
            }
            let mean = total({ $0 }, { $0 }) / Double(v.count)
            let squares = total({ ($0 - mean) * ($0 - mean) }, { ($0 - mean) * ($0 - mean) })
            return (mean, (squares / Double(v.count)).squareRoot())
        }
    }
}
