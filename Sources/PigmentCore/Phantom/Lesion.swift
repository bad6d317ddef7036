import Foundation

/// A pigmented (or depigmented) lesion with a known shape and darkness.
///
/// Its melanin excess is `amplitude / (1 + ρ⁶)`, where ρ is the distance from
/// the centre relative to an irregular, elliptical boundary; so the boundary
/// (ρ = 1) is exactly the half-maximum footprint.
public struct Lesion: Sendable, Equatable, Codable {
    /// Centre, in pixels.
    public var x: Double
    public var y: Double
    /// Half-maximum radius along the major axis, in pixels.
    public var radius: Double
    /// Minor-to-major axis ratio (0–1].
    public var aspect: Double
    /// Major-axis angle, radians.
    public var angle: Double
    /// Relative amplitude of the boundary's lobes (0 = a smooth ellipse).
    public var wobble: Double
    public var lobes: Int
    public var phase: Double
    /// Melanin excess at the core (melanin units); negative for hypopigmentation.
    public var amplitude: Double

    public init(x: Double, y: Double, radius: Double, aspect: Double, angle: Double, wobble: Double,
                lobes: Int, phase: Double, amplitude: Double) {
        self.x = x
        self.y = y
        self.radius = radius
        self.aspect = aspect
        self.angle = angle
        self.wobble = wobble
        self.lobes = lobes
        self.phase = phase
        self.amplitude = amplitude
    }

    /// Relative distance ρ of a point from the centre (1 on the half-maximum boundary).
    public func rho(x px: Double, y py: Double) -> Double {
        let dx = px - x, dy = py - y
        let c = cos(angle), s = sin(angle)
        let u = (dx * c + dy * s) / radius
        let v = (-dx * s + dy * c) / (radius * aspect)
        let r = (u * u + v * v).squareRoot()
        guard r > 0 else { return 0 }
        return r / (1 + wobble * cos(Double(lobes) * atan2(v, u) + phase))
    }

    /// Melanin excess at a point.
    public func excess(x px: Double, y py: Double) -> Double {
        let r = rho(x: px, y: py)
        let r2 = r * r
        return amplitude / (1 + r2 * r2 * r2)
    }

    /// Pixel bounds beyond which the excess is below 0.2 % of the amplitude.
    public func bounds(width: Int, height: Int) -> (x: ClosedRange<Int>, y: ClosedRange<Int>) {
        let reach = 3 * radius * (1 + wobble)
        return (max(0, Int(x - reach))...min(width - 1, Int(x + reach) + 1),
                max(0, Int(y - reach))...min(height - 1, Int(y + reach) + 1))
    }
}
