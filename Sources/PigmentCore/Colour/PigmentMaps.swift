/// The two per-pixel maps the analysis reads, both in melanin units.
public struct PigmentMaps: Sendable, Equatable {
    /// Melanin density: blind to shading and to redness, read from colour.
    public var melanin: Plane
    /// Loss of brightness (mean optical density of the three channels) divided by
    /// what one melanin unit adds to it: the melanin that would darken the pixel
    /// this much. Shading and redness move it too; detection uses it only to
    /// confirm that a change of colour is also a change of brightness.
    public var darkness: Plane

    public init(melanin: Plane, darkness: Plane) {
        precondition(melanin.width == darkness.width && melanin.height == darkness.height, "maps share one frame")
        self.melanin = melanin
        self.darkness = darkness
    }

    public var width: Int { melanin.width }
    public var height: Int { melanin.height }
}
