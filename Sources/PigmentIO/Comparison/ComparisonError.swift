import PigmentCore

/// Why two photos could not be compared.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A photo or mask could not be read.
    case image(ImageFileError)
    /// The photos differ in size and alignment is off (`--no-align`).
    case sizeMismatch(before: String, after: String, beforeSize: String, afterSize: String)
    /// No consistent map from the before photo onto the after photo was found.
    case alignmentFailed(before: String, after: String)
    /// The photos were aligned, but their skin structure agrees too little.
    case poorAlignment(before: String, after: String, quality: Double, minimum: Double)
    /// The mask does not have the before photo's size.
    case maskMismatch(mask: String, maskSize: String, photoSize: String)
    /// The region to measure is empty or too small.
    case regionTooSmall(path: String, pixels: Int)
    /// The settings cannot be used.
    case invalidSettings(String)

    public var description: String {
        switch self {
        case .image(let error): return error.description
        case .sizeMismatch(let b, let a, let bs, let asz):
            return "\(a): size \(asz) differs from \(b) (\(bs)); with --no-align photos must have the same size"
        case .alignmentFailed(let b, let a):
            return "\(a): cannot be aligned onto \(b) (no consistent match: different skin, or moved beyond ±15 % shift, ±15° rotation, 0.85–1.15 scale?)"
        case .poorAlignment(let b, let a, let quality, let minimum):
            return "\(a): alignment onto \(b) is poor (quality \(String(format: "%.2f", quality)) < \(String(format: "%.2f", minimum))): "
                + "the photos may show different skin; check them, or use --allow-poor-alignment"
        case .maskMismatch(let mask, let ms, let ps):
            return "\(mask): mask size \(ms) differs from the before photo (\(ps))"
        case .regionTooSmall(let path, let pixels):
            return "\(path): region of interest has only \(pixels) skin pixels"
        case .invalidSettings(let text): return text
        }
    }
}
