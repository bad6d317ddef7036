import Foundation

/// Gaussian smoothing that only mixes pixels inside a mask (normalised
/// convolution), so skin next to hair or background is not pulled towards it.
public enum MaskedBlur {
    /// Smooths `plane` with a Gaussian of standard deviation `sigma` pixels,
    /// using only pixels set in `mask`. Pixels outside the mask keep their value.
    public static func apply(_ plane: Plane, mask: Mask, sigma: Double) -> Plane {
        guard sigma > 0.3 else { return plane }
        let kernel = gaussianKernel(sigma: sigma)
        let w = plane.width, h = plane.height, radius = kernel.count / 2
        // Horizontal pass over the masked values and over the mask itself, row by row.
        var values = [Float](repeating: 0, count: w * h), weights = values
        var rowValue = [Float](repeating: 0, count: w), rowWeight = rowValue
        plane.samples.withUnsafeBufferPointer { src in
            mask.bits.withUnsafeBufferPointer { bits in
                values.withUnsafeMutableBufferPointer { values in
                    weights.withUnsafeMutableBufferPointer { weights in
                        rowValue.withUnsafeMutableBufferPointer { rowValue in
                            rowWeight.withUnsafeMutableBufferPointer { rowWeight in
                                let (v, m) = (values.baseAddress!, weights.baseAddress!)
                                let (rv, rm) = (rowValue.baseAddress!, rowWeight.baseAddress!)
                                for y in 0..<h {
                                    let row = y * w
                                    for x in 0..<w {
                                        let weight: Float = bits[row + x] ? 1 : 0
                                        rm[x] = weight
                                        rv[x] = src[row + x] * weight
                                    }
                                    for (k, weight) in kernel.enumerated() {
                                        let shift = k - radius
                                        let lo = max(0, -shift), hi = min(w, w - shift)
                                        guard lo < hi else { continue }
                                        accumulate(v + row + lo, rv + lo + shift, weight, hi - lo)
                                        accumulate(m + row + lo, rm + lo + shift, weight, hi - lo)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Vertical pass one output row at a time, then the normalisation.
        var out = plane.samples
        var sumValue = [Float](repeating: 0, count: w), sumWeight = sumValue
        values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                sumValue.withUnsafeMutableBufferPointer { sumValue in
                    sumWeight.withUnsafeMutableBufferPointer { sumWeight in
                        let (v, m) = (values.baseAddress!, weights.baseAddress!)
                        let (sv, sm) = (sumValue.baseAddress!, sumWeight.baseAddress!)
                        for y in 0..<h {
                            sumValue.update(repeating: 0)
                            sumWeight.update(repeating: 0)
                            for yy in max(0, y - radius)...min(h - 1, y + radius) {
                                accumulate(sv, v + yy * w, kernel[yy - y + radius], w)
                                accumulate(sm, m + yy * w, kernel[yy - y + radius], w)
                            }
                            let row = y * w
                            for x in 0..<w where mask.bits[row + x] && sm[x] > 1e-6 { out[row + x] = sv[x] / sm[x] }
                        }
                    }
                }
            }
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
