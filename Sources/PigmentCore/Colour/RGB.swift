/// A triple of per-channel values (red, green, blue), used for absorbance
/// spectra and gains.
public struct RGB: Sendable, Equatable, Codable, CustomStringConvertible {
    public var r: Double
    public var g: Double
    public var b: Double

    public init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    public var length: Double { (r * r + g * g + b * b).squareRoot() }

    /// The same direction with unit length.
    public var normalized: RGB { let n = length; return RGB(r / n, g / n, b / n) }

    public func dot(_ o: RGB) -> Double { r * o.r + g * o.g + b * o.b }

    public func cross(_ o: RGB) -> RGB {
        RGB(g * o.b - b * o.g, b * o.r - r * o.b, r * o.g - g * o.r)
    }

    public static func * (k: Double, v: RGB) -> RGB { RGB(k * v.r, k * v.g, k * v.b) }
    public static func + (a: RGB, b: RGB) -> RGB { RGB(a.r + b.r, a.g + b.g, a.b + b.b) }

    public var description: String {
        func f(_ v: Double) -> String { String(format: "%.4f", v) }
        return "\(f(r)),\(f(g)),\(f(b))"
    }
}
