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
