import PigmentCore

/// Why two photos could not be compared.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A photo or mask could not be read.
    case image(ImageFileError)
    /// The photos differ in size (alignment is not done yet).
    case sizeMismatch(before: String, after: String, beforeSize: String, afterSize: String)
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
            return "\(a): size \(asz) differs from \(b) (\(bs)); photos must have the same size"
        case .maskMismatch(let mask, let ms, let ps):
            return "\(mask): mask size \(ms) differs from the before photo (\(ps))"
        case .regionTooSmall(let path, let pixels):
            return "\(path): region of interest has only \(pixels) skin pixels"
        case .invalidSettings(let text): return text
        }
    }
}

/// Reads a before/after pair (and optional mask) and measures both photos by
/// the same rule over the same region.
public struct PairComparison: Sendable {
    public let analyzer: Analyzer
    public let decoder: ImageDecoder

    public init(settings: AnalysisSettings = .standard, decoder: ImageDecoder = .init()) throws(ComparisonError) {
        do { analyzer = try Analyzer(settings: settings) } catch { throw .invalidSettings(error.description) }
        self.decoder = decoder
    }

    /// Compares the photos at `before` and `after`; `mask` marks skin (white) in the before frame.
    public func compare(before: String, after: String, mask: String? = nil) throws(ComparisonError) -> ComparisonReport {
        let (measuredBefore, measuredAfter) = try measure(before: before, after: after, mask: mask)
        return ComparisonReport(
            before: PhotoReport(file: before, measurement: measuredBefore),
            after: PhotoReport(file: after, measurement: measuredAfter),
            change: PigmentChange(before: measuredBefore, after: measuredAfter),
            settings: SettingsReport(settings: analyzer.settings, mask: mask, maxPixels: decoder.maxPixels))
    }

    /// Measures both photos over the region they share (and the mask, if any).
    public func measure(before: String, after: String, mask: String? = nil)
        throws(ComparisonError) -> (before: PhotoMeasurement, after: PhotoMeasurement) {
        let beforeImage = try decode(before)
        let afterImage = try decode(after)
        let size = "\(beforeImage.width)x\(beforeImage.height)"
        guard afterImage.width == beforeImage.width, afterImage.height == beforeImage.height else {
            throw .sizeMismatch(before: before, after: after, beforeSize: size,
                                afterSize: "\(afterImage.width)x\(afterImage.height)")
        }
        var roi = beforeImage.opaqueMask.intersection(afterImage.opaqueMask)
        if let mask {
            let maskImage = try decode(mask)
            guard maskImage.width == beforeImage.width, maskImage.height == beforeImage.height else {
                throw .maskMismatch(mask: mask, maskSize: "\(maskImage.width)x\(maskImage.height)", photoSize: size)
            }
            // Skin where the mask is at least mid-gray (sRGB code 128 of 255).
            roi = roi.intersection(Mask(plane: maskImage.green, threshold: Float(SRGB.decode(0.5))))
                .intersection(maskImage.opaqueMask)
        }
        return (try analyze(beforeImage, roi: roi, path: mask ?? before),
                try analyze(afterImage, roi: roi, path: mask ?? after))
    }

    private func decode(_ path: String) throws(ComparisonError) -> LinearImage {
        do { return try decoder.decode(path) } catch { throw .image(error) }
    }

    private func analyze(_ image: LinearImage, roi: Mask, path: String) throws(ComparisonError) -> PhotoMeasurement {
        do { return try analyzer.analyze(image, roi: roi).measurement } catch {
            if case .regionTooSmall(let pixels) = error { throw .regionTooSmall(path: path, pixels: pixels) }
            throw .invalidSettings(error.description)
        }
    }
}
