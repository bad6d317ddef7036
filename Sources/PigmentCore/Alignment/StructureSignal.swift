import Foundation

/// What alignment looks at: optical density along the direction blind to
/// hemoglobin, i.e. melanin plus shading (skin texture, pores, hair, the face's
/// outline). Redness does not move it; exposure and white balance only add a
/// constant, and lighting gradients a smooth ramp, which the band-pass removes.
struct StructureSignal: Sendable {
    /// Weights such that `signal = weights · OD`, with `weights · hemoglobin = 0`.
    let weights: RGB

    init?(vectors: AbsorptionVectors) {
        guard let melanin = Decomposition(vectors: vectors) else { return nil }
        let shading = RGB(1, 1, 1).normalized
        let normal = vectors.melanin.cross(vectors.hemoglobin)
        let scale = shading.dot(normal)
        guard abs(scale) > 0.02 else { return nil }
        weights = melanin.melaninWeights + (1 / scale) * normal
    }

    /// The signal plane of `image`.
    func plane(of image: LinearImage) -> Plane { Decomposition.density(of: image, weights: [weights])[0] }

    /// Removes what is smoother than `sigma` pixels (a difference of the plane
    /// and its Gaussian blur) and scales to unit standard deviation.
    static func bandPassed(_ plane: Plane, sigma: Double) -> Plane {
        var out = plane.minus(MaskedBlur.apply(plane, sigma: sigma))
        let deviation = Float(Statistics.meanAndDeviation(out.samples)?.deviation ?? 0)
        if deviation > 0 {
            out.samples.withUnsafeMutableBufferPointer { out in for i in out.indices { out[i] /= deviation } }
        }
        return out
    }
}
