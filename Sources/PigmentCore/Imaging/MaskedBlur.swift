import Foundation

/// Gaussian smoothing that only mixes pixels inside a mask (normalised
/// convolution), so skin next to hair or background is not pulled towards it.
public enum MaskedBlur {
    /// Smooths `plane` with a Gaussian of standard deviation `sigma` pixels,
    /// using only pixels set in `mask`. Pixels outside the mask keep their value.
    public static func apply(_ plane: Plane, mask: Mask, sigma: Double) -> Plane {
        guard sigma > 0.3 else { return plane }
        let kernel = gaussianKernel(sigma: sigma)
        let weights = mask.bits.map { $0 ? Float(1) : 0 }
        var weighted = plane.samples
        for i in weighted.indices { weighted[i] *= weights[i] }
        let w = plane.width, h = plane.height
        let valueSum = convolveSeparable(weighted, width: w, height: h, kernel: kernel)
        let weightSum = convolveSeparable(weights, width: w, height: h, kernel: kernel)
        var out = plane.samples
        for i in out.indices where mask.bits[i] && weightSum[i] > 1e-6 {
            out[i] = valueSum[i] / weightSum[i]
        }
        return Plane(width: w, height: h, samples: out)
    }

    static func gaussianKernel(sigma: Double) -> [Float] {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        for i in kernel.indices { kernel[i] /= total }
        return kernel
    }

    /// Horizontal then vertical convolution with zero padding.
    static func convolveSeparable(_ input: [Float], width: Int, height: Int, kernel: [Float]) -> [Float] {
        let radius = kernel.count / 2
        var temp = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { src in
            temp.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = y * width
                    // Tap by tap over the whole row (vectorisable); each output
                    // still sums its taps in kernel order, with zero padding.
                    for (k, weight) in kernel.enumerated() {
                        let shift = k - radius
                        let lo = max(0, -shift), hi = min(width, width - shift)
                        guard lo < hi else { continue }
                        for x in lo..<hi { dst[row + x] += weight * src[row + x + shift] }
                    }
                }
            }
        }
        var out = [Float](repeating: 0, count: input.count)
        temp.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let lo = max(0, y - radius), hi = min(height - 1, y + radius)
                    for yy in lo...hi {
                        let k = kernel[yy - y + radius]
                        let srcRow = yy * width, dstRow = y * width
                        for x in 0..<width { dst[dstRow + x] += k * src[srcRow + x] }
                    }
                }
            }
        }
        return out
    }
}
