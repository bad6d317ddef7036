/// How pigmentation changed from a before photo to an after photo.
public struct PigmentChange: Sendable, Equatable {
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

    public init(before: PhotoMeasurement, after: PhotoMeasurement) {
        func relative(_ a: Double, _ b: Double) -> Double? { a > 0 ? 100 * (b / a - 1) : nil }
        pigmentedAreaPoints = after.pigmentedAreaPercent - before.pigmentedAreaPercent
        hypopigmentedAreaPoints = after.hypopigmentedAreaPercent - before.hypopigmentedAreaPercent
        contrastPercent = relative(before.contrast, after.contrast)
        unevennessPercent = relative(before.unevenness, after.unevenness)
        spotCount = after.spotCount - before.spotCount
        baselineMelanin = after.baselineMelanin - before.baselineMelanin
    }
}
