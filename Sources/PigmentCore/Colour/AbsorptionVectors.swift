import Foundation

/// Optical-density spectra, per camera channel (R, G, B), of the two skin
/// chromophores. Shading (exposure, shadows, white light falling off) adds the
/// same density to every channel, so its direction is always (1, 1, 1).
///
/// Both vectors are kept at unit length: one *melanin unit* is the amount of
/// melanin that adds optical density `melanin` (a unit vector) to the pixel.
public struct AbsorptionVectors: Sendable, Equatable, Codable {
    public var melanin: RGB
    public var hemoglobin: RGB

    public init(melanin: RGB, hemoglobin: RGB) {
        self.melanin = melanin.normalized
        self.hemoglobin = hemoglobin.normalized
    }

    /// Effective centre wavelengths (nm) of typical camera R, G, B filters.
    public static let channelWavelengths = RGB(600, 540, 465)

    /// Melanin absorbance falling as a power of wavelength, λ^−exponent.
    public static func melaninSpectrum(exponent: Double = 3.5, wavelengths: RGB = channelWavelengths) -> RGB {
        RGB(pow(wavelengths.r / 540, -exponent), pow(wavelengths.g / 540, -exponent), pow(wavelengths.b / 540, -exponent))
    }

    /// Oxy-hemoglobin molar extinction (Prahl's tabulation, cm⁻¹/M) at 600, 540
    /// and 465 nm (the last interpolated between 460 and 470 nm): strong in green,
    /// weaker in blue, almost none in red.
    public static let hemoglobinSpectrum = RGB(3_200, 53_236, 38_845)

    /// Defaults derived from physics: melanin ∝ λ^−3.5, hemoglobin from HbO₂ extinction.
    public static let standard = AbsorptionVectors(melanin: melaninSpectrum(), hemoglobin: hemoglobinSpectrum)

    /// Parses `"mr,mg,mb;hr,hg,hb"` (any positive scale; normalised to unit length).
    public init?(parsing text: String) {
        let parts = text.split(separator: ";")
        guard parts.count == 2 else { return nil }
        func triple(_ s: Substring) -> RGB? {
            let values = s.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 3, values.allSatisfy({ $0.isFinite && $0 >= 0 }), values.contains(where: { $0 > 0 }) else { return nil }
            return RGB(values[0], values[1], values[2])
        }
        guard let m = triple(parts[0]), let h = triple(parts[1]) else { return nil }
        self.init(melanin: m, hemoglobin: h)
        guard Decomposition(vectors: self) != nil else { return nil }
    }

    /// The `--vectors` text form of these vectors.
    public var text: String { "\(melanin);\(hemoglobin)" }
}
