/// The rule by which every photo is measured. Spatial settings are fractions
/// of the photo's long side, so one photo measures alike at any resolution.
public struct AnalysisSettings: Sendable, Equatable, Codable {
    /// Chromophore spectra used to separate melanin from redness and shading.
    public var vectors: AbsorptionVectors
    /// Standard deviation of the smoothing applied to the melanin map before
    /// detection, as a fraction of the long side (0.003 ≈ 1.5 px at 512 px).
    public var smoothing: Double
    /// Side of the local-background window, as a fraction of the long side.
    /// Spots wider than about half of it blend into the background.
    public var backgroundWindow: Double
    /// Detection threshold in units of the photo's own noise-and-texture
    /// standard deviation of the excess map.
    public var thresholdSigmas: Double
    /// How far a spot's darkness excess may fall short of its melanin excess and
    /// still confirm it, in units of the photo's own robust SD of (darkness −
    /// melanin) excess over skin (redness texture and noise). At 1.5, about 93 %
    /// of the pixels of a real melanin spot are confirmed in full; at 2, faint
    /// false spots in 8-bit re-saves could flood one-code chroma plateaus.
    public var confirmationSigmas: Double
    /// Smallest excess that counts as a spot, in melanin units, whatever the noise.
    /// 0.10 darkens light skin by about 4 % in luminance and is about 1.3 codes of
    /// 8-bit JPEG chroma: below that, JPEG quantization (quality 85–92) alone
    /// makes spots.
    public var contrastFloor: Double
    /// Smallest spot diameter, as a fraction of the long side; the minimum
    /// area is that of a disc of this diameter.
    public var minimumSpotDiameter: Double
    /// A spot found in one photo of a pair still counts in the other photo
    /// where the same rule finds a spot at this fraction of its detection
    /// threshold, at least half of whose extent lies in the first photo's
    /// spots (hysteresis across the pair): 8-bit JPEG colour moves a
    /// faint spot's excess by about a tenth of the floor between two photos,
    /// and a spot should not come and go with it. 1: each photo on its own.
    public var trackingRatio: Double

    public init(vectors: AbsorptionVectors = .standard,
                smoothing: Double = 0.003,
                backgroundWindow: Double = 0.16,
                thresholdSigmas: Double = 4.5,
                confirmationSigmas: Double = 1.5,
                contrastFloor: Double = 0.10,
                minimumSpotDiameter: Double = 0.012,
                trackingRatio: Double = 0.6) {
        self.vectors = vectors
        self.smoothing = smoothing
        self.backgroundWindow = backgroundWindow
        self.thresholdSigmas = thresholdSigmas
        self.confirmationSigmas = confirmationSigmas
        self.contrastFloor = contrastFloor
        self.minimumSpotDiameter = minimumSpotDiameter
        self.trackingRatio = trackingRatio
    }

    public static let standard = AnalysisSettings()

    /// The settings in pixels for an image whose long side is `longSide`.
    func scaled(toLongSide longSide: Int) -> (sigma: Double, window: Int, minimumArea: Int) {
        let side = Double(longSide)
        let diameter = minimumSpotDiameter * side
        return (smoothing * side,
                max(8, Int((backgroundWindow * side).rounded())),
                max(4, Int((Double.pi / 4 * diameter * diameter).rounded())))
    }
}
