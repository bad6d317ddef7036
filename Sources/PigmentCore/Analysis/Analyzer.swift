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
}

/// Measures pigmentation in a photo by one fixed rule (``AnalysisSettings``).
public struct Analyzer: Sendable {
    public let settings: AnalysisSettings
    let decomposition: Decomposition

    /// Narrowest edge band, in pixels: one 4:2:0 JPEG chroma block is 16 pixels wide.
    static let minimumEdgeBand = 8

    /// Fails when the settings' vectors cannot separate melanin from
    /// hemoglobin and shading.
    public init(settings: AnalysisSettings = .standard) throws(AnalysisError) {
        guard let decomposition = Decomposition(vectors: settings.vectors) else {
            throw .degenerateVectors(settings.vectors.text)
        }
        self.settings = settings
        self.decomposition = decomposition
    }

    /// Analyses `image` inside `roi` (same size as the image).
    public func analyze(_ image: LinearImage, roi: Mask) throws(AnalysisError) -> PhotoAnalysis {
        guard roi.width == image.width, roi.height == image.height else {
            throw .sizeMismatch(expected: (image.width, image.height), found: (roi.width, roi.height))
        }
        let roiPixels = roi.population
        let scale = settings.scaled(toLongSide: max(image.width, image.height))
        guard roiPixels >= 4 * scale.minimumArea else { throw .regionTooSmall(pixels: roiPixels) }

        let melanin = decomposition.melanin(of: image)
        let smooth = MaskedBlur.apply(melanin, mask: roi, sigma: scale.sigma)
        let guardBand = Int((2 * scale.sigma).rounded(.up)) + 1
        // Colour from outside the region bleeds into its edge (JPEG chroma is
        // stored at half resolution in 8×8 blocks): the edge band may join a
        // spot but cannot start one.
        let edgeBand = max(Self.minimumEdgeBand, Int((3 * scale.sigma).rounded(.up)))
        let seedable = roi.subtracting(Mask(width: roi.width, height: roi.height,
                                            bits: roi.bits.map { !$0 }).dilated(by: edgeBand))

        // Background, noise and spots are refined together: spots found in one
        // pass are left out of the next pass's background and noise estimates.
        var skin = roi
        var pass = DetectionPass(smooth: smooth, skin: skin, roi: roi, seedable: seedable, window: scale.window,
                                 minimumArea: scale.minimumArea, settings: settings)
        for _ in 0..<2 {
            let outliers = pass.darker.extent.union(pass.lighter.extent).union(pass.suprathreshold).dilated(by: guardBand)
            let next = roi.subtracting(outliers)
            guard next.population * 4 >= roiPixels else { break }
            skin = next
            pass = DetectionPass(smooth: smooth, skin: skin, roi: roi, seedable: seedable, window: scale.window,
                                 minimumArea: scale.minimumArea, settings: settings)
        }

        var roiSmooth: [Float] = []
        var skinMelanin: [Float] = []
        roiSmooth.reserveCapacity(roiPixels)
        var excessSum = 0.0
        for i in 0..<roi.bits.count where roi.bits[i] {
            roiSmooth.append(smooth.samples[i])
            if skin.bits[i] { skinMelanin.append(melanin.samples[i]) }
            if pass.darker.extent.bits[i] { excessSum += Double(melanin.samples[i] - pass.background.samples[i]) }
        }
        let pigmentedPixels = pass.darker.extent.population
        let measurement = PhotoMeasurement(
            width: image.width,
            height: image.height,
            roiPixels: roiPixels,
            baselineMelanin: Double(Statistics.median(skinMelanin) ?? 0),
            pigmentedAreaPercent: 100 * Double(pigmentedPixels) / Double(roiPixels),
            hypopigmentedAreaPercent: 100 * Double(pass.lighter.extent.population) / Double(roiPixels),
            contrast: pigmentedPixels > 0 ? excessSum / Double(pigmentedPixels) : 0,
            unevenness: Statistics.meanAndDeviation(roiSmooth)?.deviation ?? 0,
            spotCount: pass.darker.spots.count,
            hypopigmentedSpotCount: pass.lighter.spots.count,
            noise: Double(pass.noise),
            threshold: Double(pass.threshold))
        return PhotoAnalysis(measurement: measurement, melanin: melanin, background: pass.background,
                             darker: pass.darker, lighter: pass.lighter)
    }
}

/// One round of background estimation, noise estimation and detection.
private struct DetectionPass {
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
        var residuals: [Float] = []
        residuals.reserveCapacity(skin.bits.count)
        for i in excess.samples.indices {
            excess.samples[i] -= background.samples[i]
            if skin.bits[i] { residuals.append(excess.samples[i]) }
        }
        noise = Statistics.robustSigma(residuals) ?? 0
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
