/// The three per-pixel maps the analysis reads, all in melanin units.
public struct PigmentMaps: Sendable, Equatable {
    /// Melanin density: blind to shading and to redness, read from colour.
    public var melanin: Plane
    /// Loss of brightness (mean optical density of the three channels) divided by
    /// what one melanin unit adds to it: the melanin that would darken the pixel
    /// this much. Shading and redness move it too; detection uses it only to
    /// confirm that a change of colour is also a change of brightness.
    public var darkness: Plane
    /// Melanin read mostly from brightness: blind to redness, but taking shading
    /// to be as around the pixel (``Decomposition/toneWeights``). Spot contrast
    /// is its excess over its local background.
    public var tone: Plane

    public init(melanin: Plane, darkness: Plane, tone: Plane) {
        precondition(melanin.width == darkness.width && melanin.height == darkness.height
                     && melanin.width == tone.width && melanin.height == tone.height, "maps share one frame")
        self.melanin = melanin
        self.darkness = darkness
        self.tone = tone
    }

    /// The maps from `planes` in the order melanin, darkness, tone (``planes``).
    public init(_ planes: [Plane]) {
        precondition(planes.count == 3, "three maps")
        self.init(melanin: planes[0], darkness: planes[1], tone: planes[2])
    }

    /// Melanin, darkness and tone, in that order.
    public var planes: [Plane] { [melanin, darkness, tone] }

    public var width: Int { melanin.width }
    public var height: Int { melanin.height }
}
