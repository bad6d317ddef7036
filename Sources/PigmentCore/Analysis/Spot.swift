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

/// The spots of one kind (darker or lighter) found in an excess map.
public struct SpotMap: Sendable, Equatable {
    public var spots: [Spot]
    /// Union of the spots' extents.
    public var extent: Mask

    init(spots: [Spot], extent: Mask) {
        self.spots = spots
        self.extent = extent
    }

    /// The map of spots found with the pixels of their extents.
    init(width: Int, height: Int, regions: [(spot: Spot, pixels: [Int])]) {
        var extent = Mask(width: width, height: height, value: false)
        for region in regions { for p in region.pixels { extent.bits[p] = true } }
        self.init(spots: regions.map(\.spot), extent: extent)
    }
}
