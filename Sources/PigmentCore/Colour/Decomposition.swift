import Foundation

/// Splits optical density into melanin, hemoglobin and shading.
///
/// Per pixel, `OD = −ln(linear RGB)` and the model is
/// `OD = m·melanin + h·hemoglobin + s·(1,1,1) + constant`. Inverting the 3×3
/// matrix of directions gives `m` as a fixed linear combination of the three
/// densities, blind to shading (exposure, lighting gradients, vignetting) and to
/// hemoglobin (redness). A per-channel gain (white balance) adds a constant to
/// `m`, which local-background comparison cancels.
///
/// That melanin is read from colour alone. Its companion, *darkness*, is the
/// mean density of the three channels over the mean density one melanin unit
/// adds: the melanin that would darken the pixel this much. Melanin absorbs in
/// every channel, so more melanin is always also more darkness; a change of
/// colour with no change of brightness (JPEG's coarse chroma) is not melanin.
public struct Decomposition: Sendable {
    /// Weights such that `m = weights · OD`.
    public let melaninWeights: RGB
    /// Weights such that `darkness = weights · OD`: the mean density of the three
    /// channels over the mean density one melanin unit adds.
    public let darknessWeights: RGB

    /// Lowest linear value used, to keep the logarithm finite in black pixels.
    public static let floorValue: Float = 1.0 / 4096

    /// `nil` when the vectors are (nearly) collinear with each other or with shading.
    public init?(vectors: AbsorptionVectors) {
        let shading = RGB(1, 1, 1).normalized
        let normal = vectors.hemoglobin.cross(shading)
        let scale = vectors.melanin.dot(normal)
        guard abs(scale) > 0.02 else { return nil }
        melaninWeights = (1 / scale) * normal
        let share = vectors.melanin.r + vectors.melanin.g + vectors.melanin.b
        darknessWeights = RGB(1 / share, 1 / share, 1 / share)
    }

    /// The melanin and darkness maps of `image` (melanin units), from one pass
    /// over its pixels, made in bands of rows on up to `threads` threads (the
    /// same values on any number).
    public func maps(of image: LinearImage, threads: Int = 1) -> PigmentMaps {
        let planes = Self.density(of: image, weights: [melaninWeights, darknessWeights], threads: threads)
        return PigmentMaps(melanin: planes[0], darkness: planes[1])
    }

    /// `weights · OD` per pixel for each of `weights` (one or two), with
    /// `OD = −ln(linear)` per channel.
    static func density(of image: LinearImage, weights: [RGB], threads: Int = 1) -> [Plane] {
        let count = image.red.count, bands = max(1, min(threads, image.height))
        let starts = (0...bands).map { image.height * $0 / bands * image.width }
        let parts = ParallelWork.map(Array(0..<bands), threads: bands) { band in
            density(of: image, weights: weights, range: starts[band]..<starts[band + 1])
        }
        return weights.indices.map { k in
            let samples = parts.count == 1 ? parts[0][k] : Array(parts.map { $0[k] }.joined())
            precondition(samples.count == count, "bands cover the image")
            return Plane(width: image.width, height: image.height, samples: samples)
        }
    }

    /// `weights · OD` of the pixels in `range` (indices into the planes), one
    /// array per weight triple (one or two).
    private static func density(of image: LinearImage, weights: [RGB], range: Range<Int>) -> [[Float]] {
        precondition((1...2).contains(weights.count), "one or two weight triples")
        let first = weights[0], second = weights.count == 2 ? weights[1] : nil
        let wr = Float(first.r), wg = Float(first.g), wb = Float(first.b)
        let vr = Float(second?.r ?? 0), vg = Float(second?.g ?? 0), vb = Float(second?.b ?? 0)
        let floorValue = Self.floorValue
        var out = [Float](repeating: 0, count: range.count)
        var other = [Float](repeating: 0, count: second == nil ? 0 : range.count)
        image.red.samples.withUnsafeBufferPointer { r in
            image.green.samples.withUnsafeBufferPointer { g in
                image.blue.samples.withUnsafeBufferPointer { b in
                    for (o, i) in range.enumerated() {
                        let odR = -logf(max(r[i], floorValue))
                        let odG = -logf(max(g[i], floorValue))
                        let odB = -logf(max(b[i], floorValue))
                        out[o] = wr * odR + wg * odG + wb * odB
                        if second != nil { other[o] = vr * odR + vg * odG + vb * odB }
                    }
                }
            }
        }
        return second == nil ? [out] : [out, other]
    }
}
