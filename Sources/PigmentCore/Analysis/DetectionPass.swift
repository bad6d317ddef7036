/// One round of background estimation, noise estimation and detection.
struct DetectionPass {
    var background: Plane
    var noise: Float
    var threshold: Float
    var darker: SpotMap
    var lighter: SpotMap
    /// Pixels beyond the threshold either way, whether or not they formed a spot.
    var suprathreshold: Mask

    init(smooth: Plane, skin: Mask, roi: Mask, seedable: Mask, window: Int, minimumArea: Int, settings: AnalysisSettings) {
        background = LocalBackground.estimate(smooth, valid: skin, window: window)
        var excess = smooth
        for i in excess.samples.indices { excess.samples[i] -= background.samples[i] }
        noise = Statistics.robustSigma(of: excess, where: skin) ?? 0
        threshold = max(Float(settings.thresholdSigmas) * noise, Float(settings.contrastFloor))
        darker = SpotDetector.detect(excess: excess, roi: roi, seedable: seedable, threshold: threshold,
                                     minimumArea: minimumArea, polarity: .darker)
        lighter = SpotDetector.detect(excess: excess, roi: roi, seedable: seedable, threshold: threshold,
                                      minimumArea: minimumArea, polarity: .lighter)
        let t = threshold
        suprathreshold = Mask(width: smooth.width, height: smooth.height,
                              bits: excess.samples.map { abs($0) > t })
    }
}
