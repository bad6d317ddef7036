/// One round of background estimation, noise estimation and detection.
struct DetectionPass {
    var background: Plane
    var noise: Float
    var threshold: Float
    var darker: SpotMap
    var lighter: SpotMap
    /// Pixels beyond the threshold either way, whether or not they formed a spot.
    var suprathreshold: Mask
    /// Spots found at `trackingRatio` × the threshold that overlap no spot of
    /// the same kind found at the threshold, with their extents' pixels (empty
    /// unless `tracking`): they count only where the pair's other photo has a
    /// spot (``PhotoAnalysis/tracked(with:)``).
    var faintDarker: [(spot: Spot, pixels: [Int])] = []
    var faintLighter: [(spot: Spot, pixels: [Int])] = []

    /// - Parameters:
    ///   - smooth: the smoothed melanin map.
    ///   - darkness: the smoothed darkness map, which confirms spots (``SpotDetector``).
    ///   - spacing: noise is estimated from every `spacing`-th row and column.
    ///   - tracking: also find the faint spots.
    init(smooth: Plane, darkness: Plane, skin: Mask, roi: Mask, seedable: Mask, bandReach: Int, window: Int, minimumArea: Int,
         spacing: Int, settings: AnalysisSettings, tracking: Bool) {
        let (kept, excess) = LocalBackground.excess(of: smooth, valid: skin, window: window, keepingBackground: true)
        background = kept!
        noise = Statistics.robustSigma(of: excess, where: skin, spacing: spacing) ?? 0
        let darknessExcess = LocalBackground.excess(of: darkness, valid: skin, window: window, keepingBackground: false).excess
        // How far darkness may fall short of melanin and still confirm it.
        let spread = Statistics.robustSigma(of: darknessExcess, minus: excess, where: skin, spacing: spacing) ?? 0
        let allowance = Float(settings.confirmationSigmas) * spread
        threshold = max(Float(settings.thresholdSigmas) * noise, Float(settings.contrastFloor))
        func spots(_ polarity: SpotDetector.Polarity, at level: Float) -> [(spot: Spot, pixels: [Int])] {
            SpotDetector.regions(excess: excess, darkness: darknessExcess, allowance: allowance, roi: roi, seedable: seedable,
                                 bandReach: bandReach, threshold: level, minimumArea: minimumArea, polarity: polarity)
        }
        darker = SpotMap(width: smooth.width, height: smooth.height, regions: spots(.darker, at: threshold))
        lighter = SpotMap(width: smooth.width, height: smooth.height, regions: spots(.lighter, at: threshold))
        if tracking && settings.trackingRatio < 1 {
            let level = threshold * Float(settings.trackingRatio)
            let darkerExtent = darker.extent, lighterExtent = lighter.extent
            faintDarker = spots(.darker, at: level).filter { !$0.pixels.contains { darkerExtent.bits[$0] } }
            faintLighter = spots(.lighter, at: level).filter { !$0.pixels.contains { lighterExtent.bits[$0] } }
        }
        let t = threshold
        suprathreshold = Mask(plane: excess) { abs($0) > t }
    }
}
