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
