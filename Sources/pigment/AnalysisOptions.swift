import ArgumentParser
import PigmentCore
import PigmentIO

/// Options that set the measurement rule; shared by every measuring command.
struct AnalysisOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Absorbance vectors as 'mr,mg,mb;hr,hg,hb' (melanin; hemoglobin), per camera channel.",
        discussion: "Default: melanin ∝ λ^-3.5 and HbO2 extinction at 600/540/465 nm (see README)."))
    var vectors: String?

    @Option(help: "Detection threshold in multiples of the photo's own noise-and-texture SD.")
    var thresholdSigmas: Double = AnalysisSettings.standard.thresholdSigmas

    @Option(help: ArgumentHelp(
        "How far a spot's darkness may fall short of its melanin, in multiples of the photo's own darkness-minus-melanin SD.",
        discussion: "Melanin always darkens skin; colour that does not (8-bit JPEG chroma) is not pigment. 0: darkness must match in full."))
    var confirmationSigmas: Double = AnalysisSettings.standard.confirmationSigmas

    @Option(help: "Smallest spot excess in melanin units, whatever the noise.")
    var contrastFloor: Double = AnalysisSettings.standard.contrastFloor

    @Option(help: ArgumentHelp(
        "A spot found in one photo still counts in the other while it keeps this fraction of the detection threshold there.",
        discussion: "Hysteresis across the pair: a faint spot should not come and go with JPEG colour noise. 1: each photo on its own."))
    var trackingRatio: Double = AnalysisSettings.standard.trackingRatio

    @Option(help: "Local-background window as a fraction of the photo's long side.")
    var backgroundWindow: Double = AnalysisSettings.standard.backgroundWindow

    @Option(help: "Smallest spot diameter as a fraction of the photo's long side.")
    var minSpotDiameter: Double = AnalysisSettings.standard.minimumSpotDiameter

    @Option(help: ArgumentHelp(
        "Reduce photos to this long side (pixels) before measuring, or 'full'.",
        discussion: "JPEGs are reduced in the DCT domain while decoding; numbers are fractions of the long side, so they do not depend on it much."))
    var analysisSize: String = "\(PairComparison.defaultAnalysisSize)"

    @Option(help: "Refuse images with more pixels than this (checked from the header).")
    var maxPixels: Int = ImageDecoder.defaultMaxPixels

    func validate() throws {
        if let vectors, AbsorptionVectors(parsing: vectors) == nil {
            throw ValidationError("--vectors '\(vectors)' is not 'mr,mg,mb;hr,hg,hb' with separable, non-negative directions")
        }
        guard thresholdSigmas > 0, thresholdSigmas.isFinite else { throw ValidationError("--threshold-sigmas must be positive") }
        guard confirmationSigmas >= 0, confirmationSigmas.isFinite else {
            throw ValidationError("--confirmation-sigmas must be zero or positive")
        }
        guard contrastFloor > 0, contrastFloor.isFinite else { throw ValidationError("--contrast-floor must be positive") }
        guard trackingRatio > 0, trackingRatio <= 1 else { throw ValidationError("--tracking-ratio must be in (0, 1]") }
        guard backgroundWindow > 0.02, backgroundWindow <= 1 else { throw ValidationError("--background-window must be in (0.02, 1]") }
        guard minSpotDiameter > 0, minSpotDiameter < 0.5 else { throw ValidationError("--min-spot-diameter must be in (0, 0.5)") }
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive") }
        guard parsedAnalysisSize != nil else {
            throw ValidationError("--analysis-size '\(analysisSize)' is not 'full' or a long side of at least 256 pixels")
        }
    }

    /// The long side to reduce to: `.some(nil)` for full size, `nil` when malformed.
    var parsedAnalysisSize: Int?? {
        if analysisSize.lowercased() == "full" { return .some(nil) }
        guard let side = Int(analysisSize), side >= 256 else { return nil }
        return .some(side)
    }

    var settings: AnalysisSettings {
        AnalysisSettings(vectors: vectors.flatMap(AbsorptionVectors.init(parsing:)) ?? .standard,
                         backgroundWindow: backgroundWindow,
                         thresholdSigmas: thresholdSigmas,
                         confirmationSigmas: confirmationSigmas,
                         contrastFloor: contrastFloor,
                         minimumSpotDiameter: minSpotDiameter,
                         trackingRatio: trackingRatio)
    }
}
