/// One round of background estimation, noise estimation and detection.
struct DetectionPass {
    var background: Plane
    var noise: Float
    var threshold: Float
    var darker: SpotMap
    var lighter: SpotMap
    /// Pixels beyond the threshold either way, whether or not they formed a spot.
    var suprathreshold: Mask

    /// - Parameters:
    ///   - smooth: the smoothed melanin map.
    ///   - darkness: the smoothed darkness map, which confirms spots (``SpotDetector``).
    ///   - spacing: noise is estimated from every `spacing`-th row and column.
    init(smooth: Plane, darkness: Plane, skin: Mask, roi: Mask, seedable: Mask, bandReach: Int, window: Int, minimumArea: Int,
         spacing: Int, settings: AnalysisSettings) {
        let excess: Plane
        (background, excess) = Self.excess(of: smooth, skin: skin, window: window)
        noise = Statistics.robustSigma(of: excess, where: skin, spacing: spacing) ?? 0
        let darknessExcess = darkness.minus(LocalBackground.estimate(darkness, valid: skin, window: window))
        // How far darkness may fall short of melanin and still confirm it.
        let spread = Statistics.robustSigma(of: darknessExcess, minus: excess, where: skin, spacing: spacing) ?? 0
        let allowance = Float(settings.confirmationSigmas) * spread
        threshold = max(Float(settings.thresholdSigmas) * noise, Float(settings.contrastFloor))
        darker = SpotDetector.detect(excess: excess, darkness: darknessExcess, allowance: allowance, roi: roi,
                                     seedable: seedable, bandReach: bandReach, threshold: threshold, minimumArea: minimumArea,
                                     polarity: .darker)
        lighter = SpotDetector.detect(excess: excess, darkness: darknessExcess, allowance: allowance, roi: roi,
                                      seedable: seedable, bandReach: bandReach, threshold: threshold, minimumArea: minimumArea,
                                      polarity: .lighter)
        let t = threshold
        suprathreshold = Mask(width: smooth.width, height: smooth.height,
                              bits: excess.samples.map { abs($0) > t })
    }

    /// The local background of `plane` over `skin`, and the plane less it.
    private static func excess(of plane: Plane, skin: Mask, window: Int) -> (background: Plane, excess: Plane) {
        let background = LocalBackground.estimate(plane, valid: skin, window: window)
        return (background, plane.minus(background))
    }
}
