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
