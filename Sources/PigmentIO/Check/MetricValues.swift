import PigmentCore

/// A comparison's numbers as named values: `before.contrast`,
/// `after.pigmented_area_pct`, `change.contrast_pct`, …
public enum MetricValues {
    /// The values, in a stable order; undefined relative changes are left out.
    public static func of(before: PhotoMeasurement, after: PhotoMeasurement) -> [(name: String, value: Double)] {
        func photo(_ prefix: String, _ m: PhotoMeasurement) -> [(String, Double)] {
            [("\(prefix).baseline_melanin", m.baselineMelanin),
             ("\(prefix).pigmented_area_pct", m.pigmentedAreaPercent),
             ("\(prefix).hypopigmented_area_pct", m.hypopigmentedAreaPercent),
             ("\(prefix).contrast", m.contrast),
             ("\(prefix).unevenness", m.unevenness),
             ("\(prefix).spot_count", Double(m.spotCount)),
             ("\(prefix).hypopigmented_spot_count", Double(m.hypopigmentedSpotCount))]
        }
        let change = PigmentChange(before: before, after: after)
        var values = photo("before", before) + photo("after", after)
        values.append(("change.pigmented_area_pp", change.pigmentedAreaPoints))
        values.append(("change.hypopigmented_area_pp", change.hypopigmentedAreaPoints))
        if let c = change.contrastPercent { values.append(("change.contrast_pct", c)) }
        if let u = change.unevennessPercent { values.append(("change.unevenness_pct", u)) }
        values.append(("change.spot_count", Double(change.spotCount)))
        values.append(("change.baseline_melanin", change.baselineMelanin))
        return values.map { (name: $0.0, value: (($0.1 * 1e6).rounded() / 1e6)) }
    }

    /// The default tolerance for a metric name.
    public static func defaultKey(for name: String) -> String {
        if name.hasPrefix("change.") { return name }
        return String(name.split(separator: ".", maxSplits: 1).last ?? Substring(name))
    }
}
