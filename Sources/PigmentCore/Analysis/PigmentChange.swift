/// How pigmentation changed from a before photo to an after photo. Encodes
/// with the documented JSON keys; undefined relative changes encode as `null`.
public struct PigmentChange: Sendable, Equatable, Codable {
    /// After minus before pigmented area (percentage points of the ROI).
    public var pigmentedAreaPoints: Double
    /// After minus before hypopigmented area (percentage points of the ROI).
    public var hypopigmentedAreaPoints: Double
    /// Relative change of contrast (percent); `nil` when the before photo has no spots.
    public var contrastPercent: Double?
    /// Relative change of unevenness (percent); `nil` when the before photo is perfectly even.
    public var unevennessPercent: Double?
    /// After minus before number of darker spots.
    public var spotCount: Int
    /// After minus before baseline melanin (melanin units).
    public var baselineMelanin: Double

    enum CodingKeys: String, CodingKey {
        case pigmentedAreaPoints = "pigmented_area_pp"
        case hypopigmentedAreaPoints = "hypopigmented_area_pp"
        case contrastPercent = "contrast_pct"
        case unevennessPercent = "unevenness_pct"
        case spotCount = "spot_count"
        case baselineMelanin = "baseline_melanin"
    }

    public init(before: PhotoMeasurement, after: PhotoMeasurement) {
        func relative(_ a: Double, _ b: Double) -> Double? { a > 0 ? 100 * (b / a - 1) : nil }
        pigmentedAreaPoints = after.pigmentedAreaPercent - before.pigmentedAreaPercent
        hypopigmentedAreaPoints = after.hypopigmentedAreaPercent - before.hypopigmentedAreaPercent
        contrastPercent = relative(before.contrast, after.contrast)
        unevennessPercent = relative(before.unevenness, after.unevenness)
        spotCount = after.spotCount - before.spotCount
        baselineMelanin = after.baselineMelanin - before.baselineMelanin
    }

    /// Writes numbers to six decimals, and `null` for undefined relative changes.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sixDecimals(pigmentedAreaPoints), forKey: .pigmentedAreaPoints)
        try c.encode(sixDecimals(hypopigmentedAreaPoints), forKey: .hypopigmentedAreaPoints)
        try c.encode(contrastPercent.map(sixDecimals), forKey: .contrastPercent)
        try c.encode(unevennessPercent.map(sixDecimals), forKey: .unevennessPercent)
        try c.encode(spotCount, forKey: .spotCount)
        try c.encode(sixDecimals(baselineMelanin), forKey: .baselineMelanin)
    }
}
