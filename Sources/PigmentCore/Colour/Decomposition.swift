import Foundation

/// Splits optical density into melanin, hemoglobin and shading.
///
/// Per pixel, `OD = −ln(linear RGB)` and the model is
/// `OD = m·melanin + h·hemoglobin + s·(1,1,1) + constant`. Inverting the 3×3
/// matrix of directions gives `m` as a fixed linear combination of the three
/// densities, blind to shading (exposure, lighting gradients, vignetting) and to
/// hemoglobin (redness). A per-channel gain (white balance) adds a constant to
/// `m`, which local-background comparison cancels.
public struct Decomposition: Sendable {
    /// Weights such that `m = weights · OD`.
    public let melaninWeights: RGB

    /// Lowest linear value used, to keep the logarithm finite in black pixels.
    public static let floorValue: Float = 1.0 / 4096

    /// `nil` when the vectors are (nearly) collinear with each other or with shading.
    public init?(vectors: AbsorptionVectors) {
        let shading = RGB(1, 1, 1).normalized
        let normal = vectors.hemoglobin.cross(shading)
        let scale = vectors.melanin.dot(normal)
        guard abs(scale) > 0.02 else { return nil }
        melaninWeights = (1 / scale) * normal
    }

    /// The melanin density plane of `image` (melanin units), made in bands
    /// of rows on up to `threads` threads (the same values on any number).
    public func melanin(of image: LinearImage, threads: Int = 1) -> Plane {
        Self.density(of: image, weights: melaninWeights, threads: threads)
    }

    /// `weights · OD` per pixel, with `OD = −ln(linear)` per channel.
    static func density(of image: LinearImage, weights: RGB, threads: Int = 1) -> Plane {
        let count = image.red.count, bands = max(1, min(threads, image.height))
        let starts = (0...bands).map { image.height * $0 / bands * image.width }
        let parts = ParallelWork.map(Array(0..<bands), threads: bands) { band in
            density(of: image, weights: weights, range: starts[band]..<starts[band + 1])
        }
        let samples = parts.count == 1 ? parts[0] : Array(parts.joined())
        precondition(samples.count == count, "bands cover the image")
        return Plane(width: image.width, height: image.height, samples: samples)
    }

    /// `weights · OD` of the pixels in `range` (indices into the planes).
    private static func density(of image: LinearImage, weights: RGB, range: Range<Int>) -> [Float] {
        let wr = Float(weights.r), wg = Float(weights.g), wb = Float(weights.b)
        let floorValue = Self.floorValue
        var out = [Float](repeating: 0, count: range.count)
        image.red.samples.withUnsafeBufferPointer { r in
            image.green.samples.withUnsafeBufferPointer { g in
                image.blue.samples.withUnsafeBufferPointer { b in
                    for (o, i) in range.enumerated() {
                        let odR = -logf(max(r[i], floorValue))
                        let odG = -logf(max(g[i], floorValue))
                        let odB = -logf(max(b[i], floorValue))
                        out[o] = wr * odR + wg * odG + wb * odB
                    }
                }
            }
        }
        return out
    }
}
