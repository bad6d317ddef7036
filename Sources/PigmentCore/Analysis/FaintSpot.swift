/// A spot found only at the tracking level (``AnalysisSettings/trackingRatio``
/// times the detection threshold): it counts in its photo only where the
/// pair's other photo has a spot at the same place (``PhotoAnalysis/tracked(with:)``).
public struct FaintSpot: Sendable, Equatable {
    public var spot: Spot
    /// Pixels of its extent (indices into the photo's maps).
    public var pixels: [Int]
    /// Tone excess over the local background summed over the extent (melanin
    /// units × pixels): what it adds to the photo's contrast. 0 for lighter spots.
    public var excessSum: Double
}
