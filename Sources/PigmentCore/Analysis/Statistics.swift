/// Robust order statistics over samples.
public enum Statistics {
    /// The `q`-quantile (0–1) of `values`, by sorting a copy. `nil` when empty.
    public static func quantile(_ values: [Float], _ q: Double) -> Float? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((q * Double(sorted.count - 1)).rounded())))
        return sorted[index]
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
