/// The accuracy pigment promises on phantoms with known truth (see README):
/// pigmented area within max(0.5 pp, 10 %) of truth in each photo, area change
/// within 0.5 pp + 10 % of the true change, contrast change within 10
/// percentage points of the true change; after camera motion, the recovered
/// alignment within 0.5 px RMS of the true map over the skin.
public enum TruthTolerance {
    /// Allowed area error (percentage points) for a true area (percent of ROI).
    public static func area(truth: Double) -> Double { max(0.5, 0.1 * truth) }

    /// Allowed error of the area change (percentage points).
    public static func areaChange(truth: Double) -> Double { 0.5 + 0.1 * abs(truth) }

    /// Allowed error of the relative contrast change (percentage points).
    public static let contrastChange = 10.0

    /// Allowed RMS alignment error over the skin (after-photo pixels).
    public static let alignmentRMS = 0.5

    /// Every promise a measured pair breaks, as readable lines (empty when all hold).
    public static func violations(before: PhotoMeasurement, after: PhotoMeasurement,
                                  truth: PhantomTruth, alignment: AffineTransform? = nil) -> [String] {
        var broken: [String] = []
        func check(_ name: String, _ measured: Double, _ expected: Double, _ allowed: Double) {
            if !(abs(measured - expected) <= allowed) {
                broken.append("\(name): measured \(measured), truth \(expected), allowed ±\(allowed)")
            }
        }
        check("before pigmented_area_pct", before.pigmentedAreaPercent, truth.before.pigmentedAreaPercent,
              area(truth: truth.before.pigmentedAreaPercent))
        check("after pigmented_area_pct", after.pigmentedAreaPercent, truth.after.pigmentedAreaPercent,
              area(truth: truth.after.pigmentedAreaPercent))
        let change = PigmentChange(before: before, after: after)
        check("pigmented_area_pp", change.pigmentedAreaPoints, truth.pigmentedAreaPoints,
              areaChange(truth: truth.pigmentedAreaPoints))
        if let expected = truth.contrastPercent {
            check("contrast_pct", change.contrastPercent ?? .nan, expected, contrastChange)
        }
        if truth.alignment != nil || alignment != nil {
            check("alignment_rms_px", truth.alignmentError(of: alignment ?? .identity), 0, alignmentRMS)
        }
        return broken
    }
}
