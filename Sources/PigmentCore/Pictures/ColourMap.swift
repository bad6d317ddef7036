/// Colour scales for maps: colours interpolated linearly between evenly spaced stops.
public struct ColourMap: Sendable {
    public let stops: [(UInt8, UInt8, UInt8)]

    /// Pale to dark brown (ColorBrewer YlOrBr): more melanin is darker.
    public static let melanin = ColourMap(stops: [(255, 255, 229), (254, 227, 145), (254, 153, 41), (204, 76, 2), (102, 37, 6)])
    /// Blue (lighter after) through near-white (no change) to red (darker after) (ColorBrewer RdBu, reversed).
    public static let change = ColourMap(stops: [(33, 102, 172), (146, 197, 222), (247, 247, 247), (244, 165, 130), (178, 24, 43)])
    /// Where a map has no data (outside the region of interest).
    public static let outside: (UInt8, UInt8, UInt8) = (128, 128, 128)

    /// The colour at `t` in 0–1 (clamped).
    public func colour(_ t: Float) -> (UInt8, UInt8, UInt8) {
        let x = min(max(t.isFinite ? t : 0.5, 0), 1) * Float(stops.count - 1)
        let i = min(Int(x), stops.count - 2)
        let f = x - Float(i)
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Float(a) + (Float(b) - Float(a)) * f).rounded()) }
        let a = stops[i], b = stops[i + 1]
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
