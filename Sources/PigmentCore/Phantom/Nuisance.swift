/// Photographic changes that are not pigment: a correct measurement ignores them.
public struct Nuisance: Sendable, Equatable, Codable {
    /// Global exposure factor on linear light (0.8 = one third of a stop darker).
    public var exposure: Double
    /// Per-channel gains (a white-balance shift).
    public var whiteBalance: RGB
    /// Linear lighting ramp across the frame: the illumination varies by this
    /// fraction from one side to the other (0.5 = ±25 %).
    public var gradient: Double
    /// Direction of the ramp, radians.
    public var gradientAngle: Double
    /// Relative light fall-off at the frame's corners (0.3 = corners 30 % darker).
    public var vignette: Double
    /// Sensor noise: standard deviation in linear light, per channel.
    public var noise: Double
    /// Peak added hemoglobin density of blotchy erythema (post-treatment redness).
    public var redness: Double

    public init(exposure: Double = 1, whiteBalance: RGB = RGB(1, 1, 1), gradient: Double = 0,
                gradientAngle: Double = 0, vignette: Double = 0, noise: Double = 0.003, redness: Double = 0) {
        self.exposure = exposure
        self.whiteBalance = whiteBalance
        self.gradient = gradient
        self.gradientAngle = gradientAngle
        self.vignette = vignette
        self.noise = noise
        self.redness = redness
    }

    /// An ordinary, evenly lit photo.
    public static let none = Nuisance()
}
