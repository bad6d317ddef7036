/// Everything the analysis of one photo produced: its numbers and the maps
/// behind them.
public struct PhotoAnalysis: Sendable {
    public var measurement: PhotoMeasurement
    /// Melanin density per pixel (melanin units), before smoothing.
    public var melanin: Plane
    /// Local skin background of the smoothed melanin map.
    public var background: Plane
    public var darker: SpotMap
    public var lighter: SpotMap
    /// Spots found only at the tracking level, not yet counted (``tracked(with:)``).
    public var faintDarker: [FaintSpot]
    public var faintLighter: [FaintSpot]

    /// Both photos of a pair, each with the faint spots the other confirms:
    /// each is tracked against the other as analysed on its own
    /// (``tracked(with:)``), so neither result depends on the order.
    public static func tracked(before: PhotoAnalysis, after: PhotoAnalysis) -> (before: PhotoAnalysis, after: PhotoAnalysis) {
        (before.tracked(with: after), after.tracked(with: before))
    }

    /// This photo's analysis with those of its faint spots counted at least
    /// half of whose extent lies in spots of the same kind in `other`, the
    /// other photo of the pair in the same frame: a spot found in one photo
    /// still counts in the other while it keeps
    /// ``AnalysisSettings/trackingRatio`` of the threshold there.
    /// Faint spots confirmed by no spot stay uncounted; `other`'s own faint
    /// spots confirm nothing.
    public func tracked(with other: PhotoAnalysis) -> PhotoAnalysis {
        precondition(other.darker.extent.width == darker.extent.width && other.darker.extent.height == darker.extent.height,
                     "both photos of a pair are analysed in one frame")
        var result = self
        result.faintDarker = []
        result.faintLighter = []
        let darkerAdded = result.darker.add(faintDarker, lyingIn: other.darker.extent)
        let lighterAdded = result.lighter.add(faintLighter, lyingIn: other.lighter.extent)
        // Faint spots overlap no spot of their photo nor each other: the extents grow by their pixels.
        let roi = Double(measurement.roiPixels)
        let darkerPixels = darkerAdded.reduce(0) { $0 + $1.pixels.count }
        if darkerPixels > 0 {
            let pigmented = Double(darker.extent.population), added = Double(darkerPixels)
            let m = measurement
            result.measurement.contrast = (m.contrast * pigmented + darkerAdded.reduce(0) { $0 + $1.excessSum }) / (pigmented + added)
            result.measurement.pigmentedAreaPercent = 100 * (pigmented + added) / roi
            result.measurement.spotCount += darkerAdded.count
        }
        let lighterPixels = lighterAdded.reduce(0) { $0 + $1.pixels.count }
        if lighterPixels > 0 {
            result.measurement.hypopigmentedAreaPercent = 100 * Double(lighter.extent.population + lighterPixels) / roi
            result.measurement.hypopigmentedSpotCount += lighterAdded.count
        }
        return result
    }
}

extension SpotMap {
    /// Adds the faint spots at least half of whose extent lies in `other` and returns them.
    fileprivate mutating func add(_ faint: [FaintSpot], lyingIn other: Mask) -> [FaintSpot] {
        let confirmed = faint.filter { spot in 2 * spot.pixels.count { other.bits[$0] } >= spot.pixels.count }
        for spot in confirmed {
            spots.append(spot.spot)
            for p in spot.pixels { extent.bits[p] = true }
        }
        return confirmed
    }
}
