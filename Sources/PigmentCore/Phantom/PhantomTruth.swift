/// The known answer for a phantom pair.
public struct PhantomTruth: Sendable, Equatable, Codable {
    public var spec: PhantomSpec
    public var roiPixels: Int
    public var before: TruthMeasurement
    public var after: TruthMeasurement
    public var lesions: [LesionHistory]

    /// True area change (percentage points).
    public var pigmentedAreaPoints: Double { after.pigmentedAreaPercent - before.pigmentedAreaPercent }

    /// The true map from before-photo to after-photo pixels, `nil` when the camera did not move.
    public var alignment: AffineTransform? {
        spec.afterMotion?.transform(beforeWidth: spec.width, beforeHeight: spec.height)
    }

    /// Root-mean-square distance (after-photo pixels) between where `transform`
    /// and the true map send the skin's pixels (every 4th row and column).
    public func alignmentError(of transform: AffineTransform) -> Double {
        let truth = alignment ?? .identity
        let mask = PhantomGenerator.skinEllipse(width: spec.width, height: spec.height)
        var points: [(x: Double, y: Double)] = []
        for y in stride(from: 0, to: spec.height, by: 4) {
            for x in stride(from: 0, to: spec.width, by: 4) where mask[x, y] { points.append((Double(x) + 0.5, Double(y) + 0.5)) }
        }
        return transform.rmsDistance(to: truth, over: points)
    }

    /// True relative contrast change (percent), `nil` without darker lesions before.
    public var contrastPercent: Double? {
        before.contrast > 0 ? 100 * (after.contrast / before.contrast - 1) : nil
    }
}
