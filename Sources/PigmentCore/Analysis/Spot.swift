/// One detected spot.
public struct Spot: Sendable, Equatable {
    /// Pixels in the spot's extent (where its confirmed excess is at least half its core excess).
    public var area: Int
    /// Core excess: the median confirmed excess (melanin excess that the darkness
    /// excess confirms, see ``SpotDetector``) over the inner half (by distance from
    /// its edge) of the detection region, in melanin units (a magnitude: positive
    /// for both darker and lighter spots).
    public var core: Float
    /// Centre of the extent, in pixels.
    public var centerX: Double
    public var centerY: Double
}
