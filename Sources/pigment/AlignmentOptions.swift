import ArgumentParser
import PigmentCore

extension AlignmentModel: ExpressibleByArgument {}

/// Options that say how the after photo is aligned onto the before photo.
struct AlignmentOptions: ParsableArguments {
    @Option(help: "Alignment model: similarity (shift, rotation, scale) or affine (also shear).")
    var align: AlignmentModel = .similarity

    @Flag(help: "Do not align: the photos are already registered (they must have the same size).")
    var noAlign = false

    @Option(help: "Refuse pairs whose alignment quality (0-1) is below this.")
    var minAlignmentQuality: Double = AlignmentSettings.defaultMinimumQuality

    @Flag(help: "Measure a poorly aligned pair anyway, with a warning.")
    var allowPoorAlignment = false

    func validate() throws {
        guard minAlignmentQuality >= 0, minAlignmentQuality <= 1 else {
            throw ValidationError("--min-alignment-quality must be in [0, 1]")
        }
    }

    var settings: AlignmentSettings {
        AlignmentSettings(model: noAlign ? nil : align, minimumQuality: minAlignmentQuality,
                          allowPoor: allowPoorAlignment)
    }
}
