import PigmentCore

/// The settings a comparison was measured with.
public struct SettingsReport: Sendable, Equatable, Codable {
    public var melaninVector: [Double]
    public var hemoglobinVector: [Double]
    public var smoothing: Double
    public var backgroundWindow: Double
    public var thresholdSigmas: Double
    /// `nil` in reports written before spots needed darkness to confirm them.
    public var confirmationSigmas: Double?
    public var contrastFloor: Double
    public var minimumSpotDiameter: Double
    /// `nil` in reports written before spots were tracked across a pair (each
    /// photo was measured on its own, as with 1).
    public var trackingRatio: Double?
    /// `similarity`, `affine` or `none`.
    public var alignment: String
    public var minimumAlignmentQuality: Double
    /// Long side photos were reduced to before measuring; `nil`: full size.
    public var analysisSize: Int?
    public var mask: String?
    public var maxPixels: Int

    enum CodingKeys: String, CodingKey {
        case melaninVector = "melanin_vector"
        case hemoglobinVector = "hemoglobin_vector"
        case smoothing
        case backgroundWindow = "background_window"
        case thresholdSigmas = "threshold_sigmas"
        case confirmationSigmas = "confirmation_sigmas"
        case contrastFloor = "contrast_floor"
        case minimumSpotDiameter = "minimum_spot_diameter"
        case trackingRatio = "tracking_ratio"
        case alignment
        case minimumAlignmentQuality = "minimum_alignment_quality"
        case analysisSize = "analysis_size"
        case mask
        case maxPixels = "max_pixels"
    }

    public init(settings s: AnalysisSettings, alignment: AlignmentSettings, analysisSize: Int?, mask: String?, maxPixels: Int) {
        melaninVector = [s.vectors.melanin.r, s.vectors.melanin.g, s.vectors.melanin.b]
        hemoglobinVector = [s.vectors.hemoglobin.r, s.vectors.hemoglobin.g, s.vectors.hemoglobin.b]
        smoothing = s.smoothing
        backgroundWindow = s.backgroundWindow
        thresholdSigmas = s.thresholdSigmas
        confirmationSigmas = s.confirmationSigmas
        contrastFloor = s.contrastFloor
        minimumSpotDiameter = s.minimumSpotDiameter
        trackingRatio = s.trackingRatio
        self.alignment = alignment.model?.rawValue ?? "none"
        minimumAlignmentQuality = alignment.minimumQuality
        self.analysisSize = analysisSize
        self.mask = mask
        self.maxPixels = maxPixels
    }

    /// Reads a report; one written before alignment existed reads as `none`,
    /// one written before darkness confirmed spots has no confirmation setting,
    /// one written before spots were tracked across a pair no tracking ratio.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        melaninVector = try c.decode([Double].self, forKey: .melaninVector)
        hemoglobinVector = try c.decode([Double].self, forKey: .hemoglobinVector)
        smoothing = try c.decode(Double.self, forKey: .smoothing)
        backgroundWindow = try c.decode(Double.self, forKey: .backgroundWindow)
        thresholdSigmas = try c.decode(Double.self, forKey: .thresholdSigmas)
        confirmationSigmas = try c.decodeIfPresent(Double.self, forKey: .confirmationSigmas)
        contrastFloor = try c.decode(Double.self, forKey: .contrastFloor)
        minimumSpotDiameter = try c.decode(Double.self, forKey: .minimumSpotDiameter)
        trackingRatio = try c.decodeIfPresent(Double.self, forKey: .trackingRatio)
        alignment = try c.decodeIfPresent(String.self, forKey: .alignment) ?? "none"
        minimumAlignmentQuality = try c.decodeIfPresent(Double.self, forKey: .minimumAlignmentQuality) ?? 0
        analysisSize = try c.decodeIfPresent(Int.self, forKey: .analysisSize)
        mask = try c.decodeIfPresent(String.self, forKey: .mask)
        maxPixels = try c.decode(Int.self, forKey: .maxPixels)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(melaninVector, forKey: .melaninVector)
        try c.encode(hemoglobinVector, forKey: .hemoglobinVector)
        try c.encode(smoothing, forKey: .smoothing)
        try c.encode(backgroundWindow, forKey: .backgroundWindow)
        try c.encode(thresholdSigmas, forKey: .thresholdSigmas)
        try c.encode(confirmationSigmas, forKey: .confirmationSigmas)
        try c.encode(contrastFloor, forKey: .contrastFloor)
        try c.encode(minimumSpotDiameter, forKey: .minimumSpotDiameter)
        try c.encode(trackingRatio, forKey: .trackingRatio)
        try c.encode(alignment, forKey: .alignment)
        try c.encode(minimumAlignmentQuality, forKey: .minimumAlignmentQuality)
        try c.encode(analysisSize, forKey: .analysisSize)
        try c.encode(mask, forKey: .mask)
        try c.encode(maxPixels, forKey: .maxPixels)
    }
}
