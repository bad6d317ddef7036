/// An 8-bit sRGB picture for people to look at (maps, overlays), interleaved
/// R, G, B, top row first.
public struct RGBImage8: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var samples: [UInt8]

    public init(width: Int, height: Int, samples: [UInt8]) {
        precondition(samples.count == width * height * 3, "sample count does not match size")
        self.width = width
        self.height = height
        self.samples = samples
    }

    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
        var samples = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { samples[3 * i] = fill.0; samples[3 * i + 1] = fill.1; samples[3 * i + 2] = fill.2 }
        self.init(width: width, height: height, samples: samples)
    }

    /// The photo in 8-bit sRGB (each value rounded to the nearest code).
    public init(_ image: LinearImage) {
        var samples = [UInt8](repeating: 0, count: image.width * image.height * 3)
        for i in 0..<(image.width * image.height) {
            samples[3 * i] = SRGB.encode8(image.red.samples[i])
            samples[3 * i + 1] = SRGB.encode8(image.green.samples[i])
            samples[3 * i + 2] = SRGB.encode8(image.blue.samples[i])
        }
        self.init(width: image.width, height: image.height, samples: samples)
    }

    public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        get { let i = 3 * (y * width + x); return (samples[i], samples[i + 1], samples[i + 2]) }
        set { let i = 3 * (y * width + x); samples[i] = newValue.0; samples[i + 1] = newValue.1; samples[i + 2] = newValue.2 }
    }

    /// Averaged over whole-pixel blocks so that the long side is at most `maxSide`.
    public func downscaled(toFit maxSide: Int) -> RGBImage8 {
        let factor = Int((Double(max(width, height)) / Double(maxSide)).rounded(.up))
        guard factor > 1 else { return self }
        let w = width / factor, h = height / factor
        var out = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<3 {
                    var sum = 0
                    for dy in 0..<factor {
                        for dx in 0..<factor { sum += Int(samples[3 * ((y * factor + dy) * width + x * factor + dx) + c]) }
                    }
                    out[3 * (y * w + x) + c] = UInt8((sum + factor * factor / 2) / (factor * factor))
                }
            }
        }
        return RGBImage8(width: w, height: h, samples: out)
    }

    /// `self` and `other` next to each other (the shorter one padded with black).
    public func beside(_ other: RGBImage8, gap: Int = 8) -> RGBImage8 {
        var out = RGBImage8(width: width + gap + other.width, height: max(height, other.height))
        for (image, offset) in [(self, 0), (other, width + gap)] {
            for y in 0..<image.height {
                for x in 0..<image.width { out[x + offset, y] = image[x, y] }
            }
        }
        return out
    }
}
