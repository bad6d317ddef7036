/// What one photo shows inside its region of interest. Encodes with the
/// documented JSON keys (README, "What the numbers mean").
public struct PhotoMeasurement: Sendable, Equatable, Codable {
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
    /// Standard deviation over the ROI of the smoothed tone less its
    /// large-scale background of tone − melanin: how unevenly melanin is
    /// spread, read mostly from brightness (melanin units).
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

    enum CodingKeys: String, CodingKey {
        case width, height
        case roiPixels = "roi_pixels"
        case baselineMelanin = "baseline_melanin"
        case pigmentedAreaPercent = "pigmented_area_pct"
        case hypopigmentedAreaPercent = "hypopigmented_area_pct"
        case contrast, unevenness
        case spotCount = "spot_count"
        case hypopigmentedSpotCount = "hypopigmented_spot_count"
        case noise, threshold
    }

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

    /// Writes numbers to six decimals: the analysis is not more precise.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(roiPixels, forKey: .roiPixels)
        try c.encode(sixDecimals(baselineMelanin), forKey: .baselineMelanin)
        try c.encode(sixDecimals(pigmentedAreaPercent), forKey: .pigmentedAreaPercent)
        try c.encode(sixDecimals(hypopigmentedAreaPercent), forKey: .hypopigmentedAreaPercent)
        try c.encode(sixDecimals(contrast), forKey: .contrast)
        try c.encode(sixDecimals(unevenness), forKey: .unevenness)
        try c.encode(spotCount, forKey: .spotCount)
        try c.encode(hypopigmentedSpotCount, forKey: .hypopigmentedSpotCount)
        try c.encode(sixDecimals(noise), forKey: .noise)
        try c.encode(sixDecimals(threshold), forKey: .threshold)
    }
}

/// `x` rounded to six decimals, for reports.
func sixDecimals(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
