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
        // Horizontal pass over the masked values and over the mask itself, row
        // by row, from a copy of the row padded with zeros.
        var values = [Float](repeating: 0, count: w * h), weights = values
        var paddedValue = [Float](repeating: 0, count: w + 2 * radius), paddedWeight = paddedValue
        plane.samples.withUnsafeBufferPointer { src in
            mask.bits.withUnsafeBufferPointer { bits in
                values.withUnsafeMutableBufferPointer { values in
                    weights.withUnsafeMutableBufferPointer { weights in
                        paddedValue.withUnsafeMutableBufferPointer { pv in
                            paddedWeight.withUnsafeMutableBufferPointer { pm in
                                // Tap k reads the padded row shifted by k.
                                let taps = kernel.indices.map { k in
                                    (UnsafePointer(pv.baseAddress! + k), UnsafePointer(pm.baseAddress! + k), kernel[k])
                                }
                                for y in 0..<h {
                                    let row = y * w
                                    for x in 0..<w {
                                        let weight: Float = bits[row + x] ? 1 : 0
                                        pm[radius + x] = weight
                                        pv[radius + x] = src[row + x] * weight
                                    }
                                    weightedSum(taps, count: w, into: values.baseAddress! + row, weights.baseAddress! + row)
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
                        let (sv, sm) = (sumValue.baseAddress!, sumWeight.baseAddress!)
                        for y in 0..<h {
                            let lo = max(0, y - radius), hi = min(h - 1, y + radius)
                            let rows = (lo...hi).map { (values.baseAddress! + $0 * w, weights.baseAddress! + $0 * w,
                                                        kernel[$0 - y + radius]) }
                            weightedSum(rows, count: w, into: sv, sm)
                            let row = y * w
                            for x in 0..<w where mask.bits[row + x] && sm[x] > 1e-6 { out[row + x] = sv[x] / sm[x] }
                        }
                    }
                }
            }
        }
        return Plane(width: w, height: h, samples: out)
    }

    /// `values[x] = Σ_r tap_r · value_r[x]` (and the same for weights) over
    /// the given sources in order, eight outputs at a time in registers: the
    /// rows around an output row (vertical pass), or one padded row at each
    /// shift (horizontal pass).
    @inline(__always)
    static func weightedSum(_ rows: [(UnsafePointer<Float>, UnsafePointer<Float>, Float)], count: Int,
                           into values: UnsafeMutablePointer<Float>, _ weights: UnsafeMutablePointer<Float>) {
        rows.withUnsafeBufferPointer { rows in
            var x = 0
            while x + 8 <= count {
                var v = SIMD8<Float>(), m = SIMD8<Float>()
                for (valueRow, weightRow, tap) in rows {
                    v = v + UnsafeRawPointer(valueRow + x).loadUnaligned(as: SIMD8<Float>.self) * tap
                    m = m + UnsafeRawPointer(weightRow + x).loadUnaligned(as: SIMD8<Float>.self) * tap
                }
                UnsafeMutableRawPointer(values + x).storeBytes(of: v, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(weights + x).storeBytes(of: m, as: SIMD8<Float>.self)
                x += 8
            }
            while x < count {
                var v: Float = 0, m: Float = 0
                for (valueRow, weightRow, tap) in rows {
                    v = v + valueRow[x] * tap
                    m = m + weightRow[x] * tap
                }
                values[x] = v
                weights[x] = m
                x += 1
            }
        }
    }

    static func gaussianKernel(sigma: Double) -> [Float] {
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { Float(exp(-Double($0 * $0) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        for i in kernel.indices { kernel[i] /= total }
        return kernel
    }
}
