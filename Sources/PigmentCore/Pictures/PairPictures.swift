/// The pictures of a comparison: where pigment was, where it changed, and how
/// the photos were aligned. All are in the before photo's (analysis) frame.
public struct PairPictures: Sendable {
    /// Melanin of each photo in false colour, on one scale (`melaninRange`).
    public var melaninBefore: RGBImage8
    public var melaninAfter: RGBImage8
    /// Each photo with its darker spots' extents outlined (cyan) and lighter ones (magenta).
    public var outlineBefore: RGBImage8
    public var outlineAfter: RGBImage8
    /// After minus before melanin excess over the local skin, from
    /// −`changeScale` (blue: lighter) through white (no change) to +`changeScale` (red: darker).
    public var change: RGBImage8
    /// The before photo beside the aligned after photo.
    public var sideBySide: RGBImage8
    /// Melanin units at the two ends of the melanin scale.
    public var melaninRange: ClosedRange<Float>
    public var changeScale: Float

    /// The ends of the change map's scale, in melanin units.
    public static let defaultChangeScale: Float = 0.25

    /// `after` is the after photo already in the before photo's frame; the
    /// analyses are of `before` and `after` over `roi`.
    public init(before: LinearImage, after: LinearImage, beforeAnalysis: PhotoAnalysis, afterAnalysis: PhotoAnalysis,
                roi: Mask, settings: AnalysisSettings, changeScale: Float = defaultChangeScale) {
        let sigma = settings.scaled(toLongSide: max(roi.width, roi.height)).sigma
        let smoothed = MaskedBlur.apply([beforeAnalysis.melanin, afterAnalysis.melanin], mask: roi, sigma: sigma)
        let smoothBefore = smoothed[0], smoothAfter = smoothed[1]
        var inside: [Float] = []
        for i in roi.bits.indices where roi.bits[i] {
            inside.append(smoothBefore.samples[i])
            inside.append(smoothAfter.samples[i])
        }
        let low = Statistics.quantile(inside, 0.01) ?? 0, high = Statistics.quantile(inside, 0.995) ?? 1
        let range = low...max(high, low + 0.05)
        melaninRange = range
        self.changeScale = changeScale
        melaninBefore = Self.map(smoothBefore, roi: roi, colours: .melanin) { ($0 - range.lowerBound) / (range.upperBound - range.lowerBound) }
        melaninAfter = Self.map(smoothAfter, roi: roi, colours: .melanin) { ($0 - range.lowerBound) / (range.upperBound - range.lowerBound) }
        var difference = smoothAfter
        for i in difference.samples.indices {
            difference.samples[i] = (smoothAfter.samples[i] - afterAnalysis.background.samples[i])
                - (smoothBefore.samples[i] - beforeAnalysis.background.samples[i])
        }
        change = Self.map(difference, roi: roi, colours: .change) { 0.5 + $0 / (2 * changeScale) }
        let beforePhoto = RGBImage8(before), afterPhoto = RGBImage8(after)
        outlineBefore = Self.outlined(beforePhoto, darker: beforeAnalysis.darker.extent, lighter: beforeAnalysis.lighter.extent)
        outlineAfter = Self.outlined(afterPhoto, darker: afterAnalysis.darker.extent, lighter: afterAnalysis.lighter.extent)
        sideBySide = beforePhoto.beside(afterPhoto)
    }

    static func map(_ plane: Plane, roi: Mask, colours: ColourMap, position: (Float) -> Float) -> RGBImage8 {
        var out = RGBImage8(width: plane.width, height: plane.height, fill: ColourMap.outside)
        for y in 0..<plane.height {
            for x in 0..<plane.width where roi[x, y] { out[x, y] = colours.colour(position(plane[x, y])) }
        }
        return out
    }

    /// Draws the boundary pixels of each region (set, with a 4-neighbour unset).
    static func outlined(_ photo: RGBImage8, darker: Mask, lighter: Mask) -> RGBImage8 {
        var out = photo
        for (mask, colour) in [(darker, (UInt8(0), UInt8(255), UInt8(255))), (lighter, (UInt8(255), UInt8(0), UInt8(255)))] {
            for y in 0..<mask.height {
                for x in 0..<mask.width where mask[x, y] {
                    let edge = x == 0 || y == 0 || x == mask.width - 1 || y == mask.height - 1
                        || !mask[x - 1, y] || !mask[x + 1, y] || !mask[x, y - 1] || !mask[x, y + 1]
                    if edge { out[x, y] = colour }
                }
            }
        }
        return out
    }
}
