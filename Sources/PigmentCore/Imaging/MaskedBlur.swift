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

    /// Horizontal then vertical convolution with zero padding. Every output
    /// sums its taps in kernel order, so results do not depend on vector width.
    static func convolveSeparable(_ input: [Float], width: Int, height: Int, kernel: [Float]) -> [Float] {
        let radius = kernel.count / 2
        var temp = [Float](repeating: 0, count: input.count)
        input.withUnsafeBufferPointer { src in
            temp.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                for y in 0..<height {
                    let row = y * width
                    for (k, weight) in kernel.enumerated() {
                        let shift = k - radius
                        let lo = max(0, -shift), hi = min(width, width - shift)
                        guard lo < hi else { continue }
                        accumulate(d + row + lo, s + row + lo + shift, weight, hi - lo)
                    }
                }
            }
        }
        var out = [Float](repeating: 0, count: input.count)
        temp.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                for y in 0..<height {
                    let lo = max(0, y - radius), hi = min(height - 1, y + radius)
                    for yy in lo...hi { accumulate(d + y * width, s + yy * width, kernel[yy - y + radius], width) }
                }
            }
        }
        return out
    }

    /// `destination[i] += weight * source[i]` for `count` elements, eight at a time.
    @inline(__always)
    static func accumulate(_ destination: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>,
                           _ weight: Float, _ count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(destination)
        var i = 0
        while i + 8 <= count {
            let value = from.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            let sum = to.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self) + value * weight
            to.storeBytes(of: sum, toByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
        while i < count {
            destination[i] += weight * source[i]
            i += 1
        }
    }
}
