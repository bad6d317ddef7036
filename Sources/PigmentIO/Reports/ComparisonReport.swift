import Foundation
import PigmentCore

/// One photo's numbers, as written in JSON (snake_case keys, units in the README).
public struct PhotoReport: Sendable, Equatable, Codable {
    public var file: String
    public var width: Int
    public var height: Int
    public var roiPixels: Int
    public var baselineMelanin: Double
    public var pigmentedAreaPercent: Double
    public var hypopigmentedAreaPercent: Double
    public var contrast: Double
    public var unevenness: Double
    public var spotCount: Int
    public var hypopigmentedSpotCount: Int
    public var noise: Double
    public var threshold: Double

    enum CodingKeys: String, CodingKey {
        case file, width, height
        case roiPixels = "roi_pixels"
        case baselineMelanin = "baseline_melanin"
        case pigmentedAreaPercent = "pigmented_area_pct"
        case hypopigmentedAreaPercent = "hypopigmented_area_pct"
        case contrast, unevenness
        case spotCount = "spot_count"
        case hypopigmentedSpotCount = "hypopigmented_spot_count"
        case noise, threshold
    }

    public init(file: String, measurement m: PhotoMeasurement) {
        self.file = file
        width = m.width
        height = m.height
        roiPixels = m.roiPixels
        baselineMelanin = Rounding.value(m.baselineMelanin)
        pigmentedAreaPercent = Rounding.value(m.pigmentedAreaPercent)
        hypopigmentedAreaPercent = Rounding.value(m.hypopigmentedAreaPercent)
        contrast = Rounding.value(m.contrast)
        unevenness = Rounding.value(m.unevenness)
        spotCount = m.spotCount
        hypopigmentedSpotCount = m.hypopigmentedSpotCount
        noise = Rounding.value(m.noise)
        threshold = Rounding.value(m.threshold)
    }
}

/// The change from before to after. Relative changes are `null` when the
/// before value is zero.
public struct ChangeReport: Sendable, Equatable, Codable {
    public var pigmentedAreaPoints: Double
    public var hypopigmentedAreaPoints: Double
    public var contrastPercent: Double?
    public var unevennessPercent: Double?
    public var spotCount: Int
    public var baselineMelanin: Double

    enum CodingKeys: String, CodingKey {
        case pigmentedAreaPoints = "pigmented_area_pp"
        case hypopigmentedAreaPoints = "hypopigmented_area_pp"
        case contrastPercent = "contrast_pct"
        case unevennessPercent = "unevenness_pct"
        case spotCount = "spot_count"
        case baselineMelanin = "baseline_melanin"
    }

    public init(_ change: PigmentChange) {
        pigmentedAreaPoints = Rounding.value(change.pigmentedAreaPoints)
        hypopigmentedAreaPoints = Rounding.value(change.hypopigmentedAreaPoints)
        contrastPercent = change.contrastPercent.map(Rounding.value)
        unevennessPercent = change.unevennessPercent.map(Rounding.value)
        spotCount = change.spotCount
        baselineMelanin = Rounding.value(change.baselineMelanin)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(pigmentedAreaPoints, forKey: .pigmentedAreaPoints)
        try c.encode(hypopigmentedAreaPoints, forKey: .hypopigmentedAreaPoints)
        try c.encode(contrastPercent, forKey: .contrastPercent)
        try c.encode(unevennessPercent, forKey: .unevennessPercent)
        try c.encode(spotCount, forKey: .spotCount)
        try c.encode(baselineMelanin, forKey: .baselineMelanin)
    }
}

/// The settings a comparison was measured with.
public struct SettingsReport: Sendable, Equatable, Codable {
    public var melaninVector: [Double]
    public var hemoglobinVector: [Double]
    public var smoothing: Double
    public var backgroundWindow: Double
    public var thresholdSigmas: Double
    public var contrastFloor: Double
    public var minimumSpotDiameter: Double
    public var mask: String?
    public var maxPixels: Int

    enum CodingKeys: String, CodingKey {
        case melaninVector = "melanin_vector"
        case hemoglobinVector = "hemoglobin_vector"
        case smoothing
        case backgroundWindow = "background_window"
        case thresholdSigmas = "threshold_sigmas"
        case contrastFloor = "contrast_floor"
        case minimumSpotDiameter = "minimum_spot_diameter"
        case mask
        case maxPixels = "max_pixels"
    }

    public init(settings s: AnalysisSettings, mask: String?, maxPixels: Int) {
        melaninVector = [s.vectors.melanin.r, s.vectors.melanin.g, s.vectors.melanin.b].map(Rounding.value)
        hemoglobinVector = [s.vectors.hemoglobin.r, s.vectors.hemoglobin.g, s.vectors.hemoglobin.b].map(Rounding.value)
        smoothing = s.smoothing
        backgroundWindow = s.backgroundWindow
        thresholdSigmas = s.thresholdSigmas
        contrastFloor = s.contrastFloor
        minimumSpotDiameter = s.minimumSpotDiameter
        self.mask = mask
        self.maxPixels = maxPixels
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(melaninVector, forKey: .melaninVector)
        try c.encode(hemoglobinVector, forKey: .hemoglobinVector)
        try c.encode(smoothing, forKey: .smoothing)
        try c.encode(backgroundWindow, forKey: .backgroundWindow)
        try c.encode(thresholdSigmas, forKey: .thresholdSigmas)
        try c.encode(contrastFloor, forKey: .contrastFloor)
        try c.encode(minimumSpotDiameter, forKey: .minimumSpotDiameter)
        try c.encode(mask, forKey: .mask)
        try c.encode(maxPixels, forKey: .maxPixels)
    }
}

/// Everything `pigment compare` reports.
public struct ComparisonReport: Sendable, Equatable, Codable {
    public var before: PhotoReport
    public var after: PhotoReport
    public var change: ChangeReport
    public var settings: SettingsReport

    public init(before: PhotoReport, after: PhotoReport, change: ChangeReport, settings: SettingsReport) {
        self.before = before
        self.after = after
        self.change = change
        self.settings = settings
    }
}

/// Reported numbers keep six decimals: beyond that they are noise.
enum Rounding {
    static func value(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
