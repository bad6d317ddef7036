import PigmentCore

/// How the after photo was brought into the before photo's frame.
public struct AlignmentReport: Sendable, Equatable, Codable {
    /// `similarity`, `affine`, or `none` (`--no-align`).
    public var method: String
    /// 3×3 matrix mapping before-photo pixel coordinates to after-photo pixel coordinates.
    public var transform: [[Double]]
    /// Where the before frame's centre lands in the after photo, relative to the
    /// after photo's centre (after-photo pixels).
    public var dx: Double
    public var dy: Double
    /// Rotation (degrees, clockwise on screen) and scale (after-photo pixels per
    /// before-photo pixel) of the map.
    public var rotationDegrees: Double
    public var scale: Double
    /// Median local correlation of skin structure after alignment (0–1); `nil` without alignment.
    public var quality: Double?
    /// Share of the region of interest that the after photo covers (%).
    public var overlapPercent: Double
    /// Region-of-interest pixels left out of both measurements because the
    /// after photo does not cover them.
    public var excludedPixels: Int
    /// The after photo's own size (after EXIF orientation).
    public var afterWidth: Int
    public var afterHeight: Int

    enum CodingKeys: String, CodingKey {
        case method, transform, dx, dy, scale, quality
        case rotationDegrees = "rotation_deg"
        case overlapPercent = "overlap_pct"
        case excludedPixels = "excluded_pixels"
        case afterWidth = "after_width"
        case afterHeight = "after_height"
    }

    public init(method: String, transform map: AffineTransform, beforeSize: (Int, Int), afterSize: (Int, Int),
                quality: Double?, roiPixels: Int, coveredPixels: Int) {
        func six(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 + 0 }
        self.method = method
        transform = map.matrix.map { $0.map(six) }
        let centre = map.apply(x: Double(beforeSize.0) / 2, y: Double(beforeSize.1) / 2)
        dx = six(centre.x - Double(afterSize.0) / 2)
        dy = six(centre.y - Double(afterSize.1) / 2)
        rotationDegrees = six(map.rotationDegrees)
        scale = six(map.scale)
        self.quality = quality.map(six)
        overlapPercent = six(roiPixels > 0 ? 100 * Double(coveredPixels) / Double(roiPixels) : 0)
        excludedPixels = roiPixels - coveredPixels
        afterWidth = afterSize.0
        afterHeight = afterSize.1
    }

    /// The map as a transform (from the rounded matrix).
    public var affine: AffineTransform {
        AffineTransform(a: transform[0][0], b: transform[0][1], c: transform[1][0], d: transform[1][1],
                        tx: transform[0][2], ty: transform[1][2])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(transform, forKey: .transform)
        try c.encode(dx, forKey: .dx)
        try c.encode(dy, forKey: .dy)
        try c.encode(rotationDegrees, forKey: .rotationDegrees)
        try c.encode(scale, forKey: .scale)
        try c.encode(quality, forKey: .quality)
        try c.encode(overlapPercent, forKey: .overlapPercent)
        try c.encode(excludedPixels, forKey: .excludedPixels)
        try c.encode(afterWidth, forKey: .afterWidth)
        try c.encode(afterHeight, forKey: .afterHeight)
    }

    /// One line for the text table.
    public var summary: String {
        guard method != "none" else {
            return "alignment: none (--no-align), overlap \(String(format: "%.1f", overlapPercent)) %"
        }
        return String(format: "alignment: %@, shift %+.1f,%+.1f px, rotation %+.2f°, scale %.4f, quality %.2f, overlap %.1f %%",
                      method, dx, dy, rotationDegrees, scale, quality ?? 0, overlapPercent)
    }
}
