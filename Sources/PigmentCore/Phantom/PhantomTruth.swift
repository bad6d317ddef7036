/// The true values of one phantom photo, defined like the measurement:
/// area is the union of visible lesions' half-maximum footprints over the ROI,
/// contrast the mean true excess inside it, unevenness the standard deviation
/// of the true melanin density over the ROI.
public struct TruthMeasurement: Sendable, Equatable, Codable {
    public var pigmentedAreaPercent: Double
    public var hypopigmentedAreaPercent: Double
    public var contrast: Double
    public var unevenness: Double
    public var spotCount: Int

    enum CodingKeys: String, CodingKey {
        // Written through a snake_case key strategy: pigmented_area_pct, …
        case pigmentedAreaPercent = "pigmentedAreaPct"
        case hypopigmentedAreaPercent = "hypopigmentedAreaPct"
        case contrast, unevenness, spotCount
    }
}

/// A lesion in the before and after photos (`nil` where it is absent).
public struct LesionHistory: Sendable, Equatable, Codable {
    public var change: String
    public var before: Lesion?
    public var after: Lesion?
}

/// The known answer for a phantom pair.
public struct PhantomTruth: Sendable, Equatable, Codable {
    public var spec: PhantomSpec
    public var roiPixels: Int
    public var before: TruthMeasurement
    public var after: TruthMeasurement
    public var lesions: [LesionHistory]

    /// True area change (percentage points).
    public var pigmentedAreaPoints: Double { after.pigmentedAreaPercent - before.pigmentedAreaPercent }

    /// True relative contrast change (percent), `nil` without darker lesions before.
    public var contrastPercent: Double? {
        before.contrast > 0 ? 100 * (after.contrast / before.contrast - 1) : nil
    }
}
