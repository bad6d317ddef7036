/// What one photo shows inside its region of interest.
public struct PhotoMeasurement: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Pixels in the region of interest.
    public var roiPixels: Int
    /// Median melanin density of the skin outside spots (melanin units).
    public var baselineMelanin: Double
    /// Share of the ROI covered by darker spots' extents (percent).
    public var pigmentedAreaPercent: Double
    /// Share of the ROI covered by lighter spots' extents (percent).
    public var hypopigmentedAreaPercent: Double
    /// Mean melanin excess over the local background inside the pigmented area
    /// (melanin units; 0 when there are no darker spots).
    public var contrast: Double
    /// Standard deviation of melanin density over the ROI (melanin units).
    public var unevenness: Double
    /// Number of darker spots.
    public var spotCount: Int
    /// Number of lighter spots.
    public var hypopigmentedSpotCount: Int
    /// Robust standard deviation of the excess map outside spots: the photo's
    /// own noise and fine texture (melanin units).
    public var noise: Double
    /// Excess a spot had to exceed in this photo (melanin units).
    public var threshold: Double

    public init(width: Int, height: Int, roiPixels: Int, baselineMelanin: Double, pigmentedAreaPercent: Double,
                hypopigmentedAreaPercent: Double, contrast: Double, unevenness: Double, spotCount: Int,
                hypopigmentedSpotCount: Int, noise: Double, threshold: Double) {
        self.width = width
        self.height = height
        self.roiPixels = roiPixels
        self.baselineMelanin = baselineMelanin
        self.pigmentedAreaPercent = pigmentedAreaPercent
        self.hypopigmentedAreaPercent = hypopigmentedAreaPercent
        self.contrast = contrast
        self.unevenness = unevenness
        self.spotCount = spotCount
        self.hypopigmentedSpotCount = hypopigmentedSpotCount
        self.noise = noise
        self.threshold = threshold
    }
}
