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
        let (kept, excess) = LocalBackground.excess(of: smooth, valid: skin, window: window, keepingBackground: true)
        background = kept!
        noise = Statistics.robustSigma(of: excess, where: skin, spacing: spacing) ?? 0
        let darknessExcess = LocalBackground.excess(of: darkness, valid: skin, window: window, keepingBackground: false).excess
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
}
