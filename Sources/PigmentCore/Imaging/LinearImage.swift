/// A colour image in linear light (scene-referred reflectance up to exposure),
/// stored as three planes. `opacity`, when present, is 0–1 per pixel; pixels with
/// opacity below one half are not skin and are left out of measurement.
public struct LinearImage: Sendable, Equatable {
    public var red: Plane
    public var green: Plane
    public var blue: Plane
    public var opacity: Plane?

    public init(red: Plane, green: Plane, blue: Plane, opacity: Plane? = nil) {
        precondition(red.width == green.width && green.width == blue.width
                     && red.height == green.height && green.height == blue.height,
                     "channel sizes differ")
        self.red = red
        self.green = green
        self.blue = blue
        self.opacity = opacity
    }

    public var width: Int { red.width }
    public var height: Int { red.height }

    /// Pixels opaque enough to measure (all pixels when there is no opacity plane).
    public var opaqueMask: Mask {
        guard let opacity else { return Mask(width: width, height: height) }
        return Mask(plane: opacity, threshold: 0.5)
    }

    /// Pixels with a channel at `level` or above (overexposed, when `level`
    /// is near full scale), in a loop the compiler vectorises.
    public func mask(anyChannelAtLeast level: Float) -> Mask {
        Mask(width: width, height: height) { out in
            red.samples.withUnsafeBufferPointer { r in
                green.samples.withUnsafeBufferPointer { g in
                    blue.samples.withUnsafeBufferPointer { b in
                        for i in 0..<out.count {
                            out[i] = (r[i] >= level ? 1 : 0) | (g[i] >= level ? 1 : 0) | (b[i] >= level ? 1 : 0)
                        }
                    }
                }
            }
        }
    }

    /// Applies `transform` to every plane.
    public func mapPlanes(_ transform: (Plane) -> Plane) -> LinearImage {
        LinearImage(red: transform(red), green: transform(green), blue: transform(blue),
                    opacity: opacity.map(transform))
    }
}
