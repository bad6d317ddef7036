/// Robust order statistics over samples.
public enum Statistics {
    /// The `q`-quantile (0–1) of `values`: the element that would stand at
    /// index round(q·(n−1)) if they were sorted, found by selection in linear
    /// time on a copy. `nil` when empty.
    public static func quantile(_ values: [Float], _ q: Double) -> Float? {
        guard !values.isEmpty else { return nil }
        var copy = values
        let index = min(copy.count - 1, max(0, Int((q * Double(copy.count - 1)).rounded())))
        return copy.withUnsafeMutableBufferPointer { select($0, index) }
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

    /// Standard deviation estimated from the median absolute deviation
    /// (1.4826 × MAD), insensitive to a minority of outliers.
    public static func robustSigma(_ values: [Float]) -> Float? {
        guard let m = median(values) else { return nil }
        return median(values.map { abs($0 - m) }).map { 1.4826 * $0 }
    }

    /// Mean and population standard deviation (double-precision accumulation).
    public static func meanAndDeviation(_ values: [Float]) -> (mean: Double, deviation: Double)? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for v in values { sum += Double(v) }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for v in values { let d = Double(v) - mean; squares += d * d }
        return (mean, (squares / Double(values.count)).squareRoot())
    }
}
