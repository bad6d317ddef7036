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
///
/// The third map, *tone*, reads melanin mostly from brightness: blind to
/// hemoglobin, one unit per melanin unit, and taking shading to be what it is
/// around the pixel (so it is not blind to shading, which the local background
/// removes). Of all such weights it leans least on colour, which 8-bit JPEG
/// stores coarsely; spot contrast is read from it.
public struct Decomposition: Sendable {
    /// Weights such that `m = weights · OD`.
    public let melaninWeights: RGB
    /// Weights such that `darkness = weights · OD`: the mean density of the three
    /// channels over the mean density one melanin unit adds.
    public let darknessWeights: RGB
    /// Weights such that `tone = weights · OD`: `weights · melanin = 1`,
    /// `weights · hemoglobin = 0`, and the least colour (the part across
    /// (1,1,1)) that allows.
    public let toneWeights: RGB

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
        toneWeights = Self.toneWeights(vectors)
    }

    /// `w = a·(1,1,1) + c` with `c` across (1,1,1): `w · hemoglobin = 0` and
    /// `w · melanin = 1` leave one condition on `c`, met at least length along
    /// the across part of `hemoglobin − ratio·melanin`.
    private static func toneWeights(_ vectors: AbsorptionVectors) -> RGB {
        let m = vectors.melanin, h = vectors.hemoglobin
        let sum = { (v: RGB) in v.r + v.g + v.b }
        let ratio = sum(h) / sum(m)
        let d = h + (-ratio) * m
        let across = d + (-sum(d) / 3) * RGB(1, 1, 1)
        let c = (-ratio / across.dot(across)) * across
        let a = (1 - c.dot(m)) / sum(m)
        return RGB(a, a, a) + c
    }

    /// The three weight triples of ``PigmentMaps``, in its order.
    var mapWeights: [RGB] { [melaninWeights, darknessWeights, toneWeights] }

    /// The melanin, darkness and tone maps of `image` (melanin units), from one
    /// pass over its pixels, made in bands of rows on up to `threads` threads
    /// (the same values on any number).
    public func maps(of image: LinearImage, threads: Int = 1) -> PigmentMaps {
        PigmentMaps(Self.density(of: image, weights: mapWeights, threads: threads))
    }

    /// `weights · OD` per pixel for each of `weights`, with `OD = −ln(linear)`
    /// per channel: the logarithms are taken once for all.
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
    /// array per weight triple: densities a chunk at a time, then each triple
    /// over the chunk.
    private static func density(of image: LinearImage, weights: [RGB], range: Range<Int>) -> [[Float]] {
        let triples = weights.map { (Float($0.r), Float($0.g), Float($0.b)) }
        let floorValue = Self.floorValue
        let chunk = 256
        var out = triples.map { _ in [Float](repeating: 0, count: range.count) }
        var densities = [Float](repeating: 0, count: 3 * chunk)
        image.red.samples.withUnsafeBufferPointer { r in
            image.green.samples.withUnsafeBufferPointer { g in
                image.blue.samples.withUnsafeBufferPointer { b in
                    densities.withUnsafeMutableBufferPointer { od in
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let n = min(chunk, range.upperBound - start)
                            // A channel at a time: simple loops, which the compiler vectorises.
                            for (k, channel) in [r, g, b].enumerated() {
                                let source = channel.baseAddress! + start, target = od.baseAddress! + k * chunk
                                for i in 0..<n { target[i] = -Logarithm.natural(max(source[i], floorValue)) }
                            }
                            let offset = start - range.lowerBound
                            for k in triples.indices {
                                let (wr, wg, wb) = triples[k]
                                out[k].withUnsafeMutableBufferPointer { out in
                                    let target = out.baseAddress! + offset
                                    let red = UnsafePointer(od.baseAddress!), green = red + chunk, blue = red + 2 * chunk
                                    for i in 0..<n { target[i] = wr * red[i] + wg * green[i] + wb * blue[i] }
                                }
                            }
                            start += n
                        }
                    }
                }
            }
        }
        return out
    }
}
