/// How far a metric may move from its baseline value: the larger of an
/// absolute amount and a fraction of the baseline value.
public struct Tolerance: Sendable, Equatable, Codable {
    public var absolute: Double?
    public var relative: Double?

    public init(absolute: Double? = nil, relative: Double? = nil) {
        self.absolute = absolute
        self.relative = relative
    }

    /// The largest allowed |now − baseline|.
    public func allowed(around baseline: Double) -> Double {
        max(absolute ?? 0, (relative ?? 0) * abs(baseline))
    }

    /// Defaults by metric name. A name without a `before.`/`after.` prefix
    /// applies to both photos; change metrics are named `change.…`.
    public static let defaults: [String: Tolerance] = [
        "baseline_melanin": Tolerance(absolute: 0.001),
        "pigmented_area_pct": Tolerance(absolute: 0.02),
        "hypopigmented_area_pct": Tolerance(absolute: 0.02),
        "contrast": Tolerance(absolute: 0.0005, relative: 0.005),
        "unevenness": Tolerance(absolute: 0.0002, relative: 0.005),
        "spot_count": Tolerance(absolute: 0),
        "hypopigmented_spot_count": Tolerance(absolute: 0),
        "change.pigmented_area_pp": Tolerance(absolute: 0.03),
        "change.hypopigmented_area_pp": Tolerance(absolute: 0.03),
        "change.contrast_pct": Tolerance(absolute: 0.5),
        "change.unevenness_pct": Tolerance(absolute: 0.5),
        "change.spot_count": Tolerance(absolute: 0),
        "change.baseline_melanin": Tolerance(absolute: 0.002),
    ]
}
